import type { Explanation, Reason } from '../explain/reasons.js';
import type { AssertResult, RemainingOption, RequirementResult, RequirementStatus } from '../audit/audit-result.js';
import type { ConversionNotice } from '../interop/conversion-notice.js';
import type { Duration } from '../model/dates.js';
import type { Recommendation } from '../pathways/recommend.js';

/** A count with its noun, singular for one: "1 credential", "3 terms". */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Credits still missing, in words: "1 more credit", "6 more credits". */
export const moreCredits = (credits: number): string => `${credits} more ${credits === 1 ? 'credit' : 'credits'}`;

type Wording<U extends { code: string }> = { readonly [C in U['code']]: (params: Extract<U, { code: C }>) => string };

const list = (items: readonly string[]) => items.join(', ');
const by = (who: string | undefined) => (who ? ` (by ${who})` : '');
const duration = (d: Duration) =>
  [
    d.years ? `${d.years} year${d.years === 1 ? '' : 's'}` : '',
    d.months ? `${d.months} month${d.months === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' ');

/** The mark of each status, for the text and HTML renderers. */
export const STATUS_MARKS: Readonly<Record<RequirementStatus, string>> = {
  complete: '✓',
  'in-progress': '◐',
  incomplete: '✗',
  'not-needed': '○',
  'not-applicable': '–',
};

/** A credential as people read it: its title with its id ("Cloud Foundations (mc-cloud-foundations)"), or the id alone. */
export function titled(id: string, title: string | undefined): string {
  return title === undefined || title === id ? id : `${title} (${id})`;
}

/** What marks a what-if result: a planned award counted as if completed, a status it changes. */
export const WHAT_IF_MARK = '(what-if)';

/** How a status reads beside a node that is not a failure: an alternative not needed, a requirement that does not apply. */
export const STATUS_NOTES: Readonly<Partial<Record<RequirementStatus, string>>> = {
  'not-needed': 'not needed',
  'not-applicable': 'does not apply to this learner',
};

/** The wording of every reason an award does not count: one table, used by text, JSON and HTML. */
const REASONS: Wording<Reason> = {
  planned: () => 'planned: counts only in what-if audits and plans',
  denied: (r) => `denied by rule ${r.rule}: ${r.reason}`,
  'earned-after-as-of': (r) => `earned ${r.earned}, after the audit date`,
  expired: (r) => `expired on ${r.on}`,
  'grade-not-on-scale': (r) => `grade ${r.grade} is not on the catalog's grade scale`,
  'failing-grade': (r) => `failing grade ${r.grade}`,
  'unknown-unit': (r) => `credits in "${r.unit}", a unit the catalog cannot convert`,
  'outside-catalog-years': (r) =>
    `outside the program's catalog years (in effect ${[r.from && `from ${r.from}`, r.to && `to ${r.to}`].filter(Boolean).join(' ')})`,
  'older-than-recency': (r) => `older than the ${duration(r.window)} recency window (earned ${r.earned})`,
  repeat: (r) => `repeat of ${r.of}: counted once (award ${r.counted} counts)`,
  'repeat-over-limit': (r) => `repeat beyond the ${r.maxCredits} credits ${r.credential} may count`,
  'exclusive-programs': (r) => `counts toward ${r.keptIn}, and ${r.a} and ${r.b} exclude one another`,
  'over-sharing': (r) => `counts toward ${r.keptIn}: over the overlap ${r.a} may share with ${r.b}`,
  'in-progress-not-needed': () => 'in progress, and the program is complete without it',
  'cannot-count': () => 'cannot count in this audit',
  'below-min-grade': (r) => `below minimum grade ${r.grade}`,
  'not-needed': () => 'not needed: the requirements it matches are met by other awards',
  'no-matching-requirement': () => 'does not match any requirement',
  'over-limit': (r) => `over a cap: none of its credits count (limit ${list(r.limits)})`,
};

/** The wording of every explanation. */
const EXPLANATIONS: Wording<Explanation> = {
  grant: (e) =>
    [
      e.credits !== undefined ? `${e.credits} ${e.unit ?? 'catalog-unit'} credits` : undefined,
      e.as?.length ? `as ${list(e.as)}` : undefined,
      e.tags?.length ? `tags ${list(e.tags)}` : undefined,
      e.note,
    ]
      .filter(Boolean)
      .join('; ') || 'counts',
  deny: (e) => e.reason,
  tag: (e) => `tags ${list(e.tags)}`,
  waive: (e) => `${e.credits !== undefined ? `${e.credits} credits waived` : 'waived'}: ${e.reason}${by(e.by)}`,
  substitute: (e) => `${e.reason}${by(e.by)}`,
  apply: (e) => `${e.reason}${by(e.by)}`,
  cap: (e) => `${e.counted} of ${e.of} credits count: over the limit ${list(e.limits)}`,
  stack: (e) => `${e.program} is complete: its ${e.components} awards count here`,
  'double-count': (e) => `counts in both ${e.requirements[0]} and ${e.requirements[1]} (shared by ${e.by})`,
  'kept-out': (e) =>
    `kept out of the requirements: it counts toward ${e.keptIn}, and ${e.rule === 'sharing' ? 'the programs may share no more' : 'the programs exclude one another'} (it may still count toward the total)`,
};

/** The wording of every conversion notice (credentials converted to a transcript). */
const NOTICES: Wording<ConversionNotice> = {
  'proofs-not-verified': () => 'proofs (signatures) were not verified: credstack reads the credentials as given',
  'several-subjects': (n) => `the credentials name ${n.subjects.length} different subjects: ${list(n.subjects)}`,
  'unknown-achievement': (n) =>
    `achievement ${n.achievement} ("${n.name}") is not in the catalog: taken as an inline award`,
  'unit-assumed': (n) =>
    `award ${n.award}: ${n.credits} credits from ${n.issuer} taken as ${n.unit} credits (the catalog unit), an assumption: nothing states their unit (settings.issuerUnits or settings.defaultExternalUnit would)`,
  'result-not-on-scale': (n) =>
    `award ${n.award}: result ${n.value}${n.resultType ? ` (${n.resultType})` : ''} is on no grade scale (settings.resultScales maps none of ${n.resultType ?? 'its type'}): ${n.passed === false ? 'not a pass, the award is left out' : `${n.passed ? 'a pass, it' : 'it'} counts without a grade`}`,
  'result-below-required': (n) => `award ${n.award}: result ${n.value} is below the issuer's pass mark ${n.required}`,
  'unknown-result-description': (n) =>
    `award ${n.award}: its result names result description ${n.resultDescription}, which the achievement does not define: no grade taken`,
  'grade-not-converted': (n) =>
    `award ${n.award}: grade "${n.grade}" of the European Learning Model credential is not taken as the award's grade`,
  'claim-not-converted': (n) =>
    `credential ${n.credential}: claim ${n.claim} is a ${n.type}, not an achievement: not converted`,
  'association-unchecked': (n) =>
    `association ${n.associationType} ${n.source} → ${n.target} cannot be checked: ${n.missing} is not in the catalog`,
  'association-disagrees': (n) =>
    `the CLR says ${n.part} is part of ${n.whole}, but the catalog's stacking graph has no path from ${n.part} to ${n.whole}`,
};

/**
 * Words a conversion notice.
 *
 * @example
 * ```ts
 * import { type Catalog, convertCredentials, noticeText } from 'credstack';
 *
 * declare const catalog: Catalog;
 * declare const credential: unknown; // an Open Badges 3.0 credential, parsed
 * const converted = convertCredentials(catalog, credential);
 * if (converted.ok) console.log(converted.value.notices.map(noticeText).join('\n'));
 * ```
 */
export function noticeText(notice: ConversionNotice): string {
  return (NOTICES[notice.code] as (n: ConversionNotice) => string)(notice);
}

/**
 * Words a reason an award does not count.
 *
 * @example
 * ```ts
 * import { type AuditReport, reasonText } from 'credstack';
 *
 * declare const report: AuditReport; // from audit(...)
 * for (const unused of report.audits[0]?.unused ?? []) console.log(unused.award, unused.reasons.map(reasonText).join('; '));
 * ```
 */
export function reasonText(reason: Reason): string {
  return (REASONS[reason.code] as (r: Reason) => string)(reason);
}

/**
 * Words an explanation of a decision.
 *
 * @example
 * ```ts
 * import { type AuditReport, explanationText } from 'credstack';
 *
 * declare const report: AuditReport; // from audit(...)
 * for (const explanation of report.audits[0]?.explanations ?? []) console.log(explanationText(explanation));
 * ```
 */
export function explanationText(explanation: Explanation): string {
  return (EXPLANATIONS[explanation.code] as (e: Explanation) => string)(explanation);
}

/** One node of an assert ("among the counted") in words: "two level-III courses: at least 2, have 1". */
export function assertText(a: AssertResult): string {
  const figure = (v: AssertResult['need']) => (v.credits !== undefined ? `${v.credits} credits` : `${v.count}`);
  if (a.kind !== 'where')
    return `${a.label ? `${a.label}: ` : ''}${a.kind === 'all' ? 'all' : `${a.need.count}`} of these, ${a.have.count} met`;
  const distinct = a.distinct ? ` with different ${a.distinct}` : '';
  return `${a.label ?? 'matching'}: ${a.atMost ? 'at most' : 'at least'} ${figure(a.need)}${distinct}, have ${figure(a.have)}`;
}

/** The unmet leaves of an assert, in words, for "what remains". */
export function assertMissingText(a: AssertResult): string {
  const open = (n: AssertResult): AssertResult[] =>
    n.status !== 'incomplete' ? [] : n.children ? n.children.flatMap(open) : [n];
  return `among the counted, ${open(a).map(assertText).join('; ')}`;
}

/** An open `any` in words: "choose 1 of: Analytics track, Cloud security track". */
export function chooseText(choose: number, alternatives: readonly string[]): string {
  return `choose ${choose} of: ${list(alternatives)}`;
}

/**
 * What an unmet leaf still needs, in words, with the catalog credentials that would meet it
 * ("Writing: 6 more credits, from Composition I (ENGL-101, 3 cr), ..."; "Cloud Foundations: one
 * of ..."); a leaf one credential meets, titled as its label, is that credential alone
 * ("Databases (DATA-320)"), not its name twice.
 */
export function leafRemainingText(label: string, node: RequirementResult): string {
  const r = node.remaining ?? {};
  const options = r.options ?? [];
  const inCredits = r.credits !== undefined;
  const one = !inCredits && (r.count ?? 1) === 1;
  const only = options.length === 1 ? options[0]! : undefined;
  if (one && only && (node.label === undefined || node.label === only.title))
    return titled(only.credential, only.title);
  const option = (o: RemainingOption) =>
    inCredits ? `${o.title} (${o.credential}, ${o.credits} cr)` : titled(o.credential, o.title);
  if (one)
    return `${label}: ${only ? option(only) : options.length ? `one of ${list(options.map(option))}` : 'one more'}`;
  const what = inCredits ? moreCredits(r.credits!) : `${r.count} more`;
  return `${label}: ${what}${options.length ? `, from ${list(options.map(option))}` : ''}`;
}

/**
 * What remains of a program, in words: "Data Analytics Certificate: one requirement (Capstone) and
 * 6 more credits; cheapest plan: 2 credentials, 6 credits (Capstone, Dashboards)".
 *
 * @example
 * ```ts
 * import { type AuditReport, type Catalog, recommend, recommendationText, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * declare const report: AuditReport; // from audit(catalog, transcript, { all: true })
 * const ranked = await recommend(catalog, transcript, report);
 * if (ranked.ok) console.log(ranked.value.map(recommendationText).join('\n'));
 * ```
 */
export function recommendationText(r: Recommendation): string {
  if (r.status === 'complete') return `${r.title}: earned`;
  if (r.status === 'in-progress') return `${r.title}: complete once the work in progress is finished`;
  const left = r.requirementsLeft;
  const parts = [
    left > 0 ? `${left === 1 ? 'one requirement' : `${left} requirements`} (${firstFew(r.open)})` : '',
    r.creditsLeft > 0 ? moreCredits(r.creditsLeft) : '',
  ].filter(Boolean);
  return `${r.title}: ${parts.join(' and ') || 'policies to meet'}; ${effortText(r.effort)}`;
}

/** The exact plan's effort in words: "cheapest plan: 2 credentials, 6 credits, 2 terms (A, B)". */
function effortText(effort: Recommendation['effort']): string {
  if (!effort) return 'no plan from the catalog completes it';
  const n = effort.credentials.length;
  const figures = [
    `${n === 1 ? 'one credential' : `${n} credentials`}`,
    `${effort.credits} credit${effort.credits === 1 ? '' : 's'}`,
    ...(effort.terms !== undefined ? [`${effort.terms} term${effort.terms === 1 ? '' : 's'}`] : []),
  ].join(', ');
  const named = firstFew(effort.credentials.map((c) => c.title));
  return `${effort.proven ? 'cheapest plan' : 'a plan (not proven cheapest)'}: ${figures}${n > 0 ? ` (${named})` : ''}`;
}

/** Up to three names, and how many more. */
const firstFew = (names: readonly string[]) =>
  names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : '');
