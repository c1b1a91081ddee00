import type {
  AuditReport,
  AuditStatus,
  PolicyResult,
  ProgramAudit,
  RequirementResult,
  UnusedAward,
} from '../audit/audit-result.js';
import type { StackingGraph } from '../catalog/stacking-graph.js';
import type { ReasonCode } from '../explain/reasons.js';
import type { PathwayPlan } from '../pathways/plan.js';
import type { Recommendation } from '../pathways/recommend.js';
import { PAGE_CSS } from './html-css.js';
import { remainingHtml, requirementTreeHtml, STATUS_VIEW } from './html-requirements.js';
import { esc, inlineAwardHtml, nameHtml, type TitleOf } from './html-text.js';
import { plural, reasonText } from './reason-text.js';
import { type StackingFigure, stackingFigure } from './stacking-svg.js';

/** What the advising report shows besides the audit. */
export interface HtmlExtras {
  readonly graph: StackingGraph;
  readonly recommendations: readonly Recommendation[];
  /** Plans for incomplete programs, by program id. */
  readonly plans: ReadonlyMap<string, PathwayPlan>;
  /** Titles of catalog credentials, for names instead of ids. */
  readonly titles: ReadonlyMap<string, string>;
  /** Catalog credentials the learner holds: where the stacking paths start. */
  readonly held: readonly string[];
  /** The credential of each of the transcript's awards, by award id: awards named by title. */
  readonly awards?: ReadonlyMap<string, string>;
}

/** Why an award does not count that is a problem to act on (shown in red), not a matter of "not needed". */
const PROBLEM_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'failing-grade',
  'below-min-grade',
  'expired',
  'older-than-recency',
  'denied',
  'grade-not-on-scale',
  'unknown-unit',
]);

const BADGE_TEXT: Record<AuditStatus, string> = {
  complete: 'Complete',
  'in-progress': 'In progress',
  incomplete: 'Not yet',
};
const badge = (status: AuditStatus) => `<span class="badge ${status}">${BADGE_TEXT[status]}</span>`;

/**
 * One self-contained HTML page per learner, for a learner and an advisor (no network, no external
 * assets, the same bytes for the same input): each program's summary first, closest first, then
 * per program what remains (choices as groups), the next steps, how the learner's credentials
 * stack into it, the requirement tree, and why awards do not count. "Not yet" is neutral; red is
 * kept for problems (a failing grade, an expired credential, a GPA below the minimum).
 *
 * @example
 * ```ts
 * import { type AuditReport, auditToHtml, buildStackingGraph, type Catalog, recommend, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * declare const report: AuditReport; // from audit(catalog, transcript, ...)
 * const ranked = await recommend(catalog, transcript, report);
 * const html = auditToHtml(report, {
 *   graph: buildStackingGraph(catalog, report.asOf),
 *   recommendations: ranked.ok ? ranked.value : [],
 *   plans: new Map(),
 *   titles: new Map(catalog.credentials.map((c) => [c.id, c.title])),
 *   held: [],
 * });
 * ```
 */
export function auditToHtml(report: AuditReport, extras: HtmlExtras): string {
  const name = report.learner.name ?? report.learner.id;
  const titleOf: TitleOf = (id) => extras.titles.get(id);
  const ranked = [
    ...extras.recommendations.flatMap((r) => report.audits.filter((a) => a.program === r.program)),
    ...report.audits.filter((a) => !extras.recommendations.some((r) => r.program === a.program)),
  ];
  const summaries = new Map(ranked.map((a) => [a.program, summaryText(a, extras)]));
  const overview = ranked
    .map((a) => {
      const id = sectionId(a.program);
      return `<li><div class="card-head"><a href="#${esc(id)}">${esc(a.title)}</a> <span>${badge(a.status)}${a.hypothetical ? ' <span class="badge what-if">What-if</span>' : ''}</span></div>${progressHtml(a)}<p class="summary">${esc(summaries.get(a.program)!)}</p></li>`;
    })
    .join('');
  const whatIf = report.audits.some(countsPlanned)
    ? '<p class="notice what-if"><strong>What-if.</strong> Planned awards are counted here as if completed; what they change is marked <span class="hyp">what-if</span>.</p>'
    : '';
  const legend = `<p class="legend" aria-hidden="true">${(['complete', 'in-progress', 'incomplete', 'not-needed'] as const).map((s) => `${STATUS_VIEW[s].mark} ${STATUS_VIEW[s].text.toLowerCase()}`).join(' · ')}</p>`;
  const sections = ranked.map((a) => programSection(a, extras, titleOf, summaries.get(a.program)!)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Advising report: ${esc(name)}</title><style>${PAGE_CSS}</style></head><body><main>
<header><h1>Advising report: ${esc(name)}</h1><p class="muted">Learner ${esc(report.learner.id)} · as of ${esc(report.asOf)} · made by credstack</p>${legend}</header>
${whatIf}<nav aria-labelledby="overview"><h2 id="overview">Programs, closest first</h2><ol class="overview">${overview}</ol></nav>
${sections}
</main></body></html>
`;
}

const sectionId = (program: string) => `program-${program}`;

/** Whether an audit counts planned (what-if) awards anywhere. */
function countsPlanned(audit: ProgramAudit): boolean {
  const walk = (n: RequirementResult): boolean =>
    n.hypothetical === true || n.applied.some((a) => a.hypothetical) || (n.children ?? []).some(walk);
  return audit.hypothetical === true || walk(audit.requirements);
}

/** The credits bar: what counts of what the program requires (of what counts, when it states no total). */
function progressHtml(a: ProgramAudit): string {
  const max = a.credits.required ?? Math.max(a.credits.applied, 1);
  const value = Math.min(a.credits.applied, max);
  const label = `${a.title}: ${creditsText(a)}`;
  return `<progress class="${a.status}" aria-label="${esc(label)}" max="${esc(max)}" value="${esc(value)}">${esc(a.credits.applied)} of ${esc(max)}</progress>`;
}

const creditsText = (a: ProgramAudit) =>
  `${a.credits.applied}${a.credits.required === null ? '' : ` of ${a.credits.required}`} ${a.credits.unit} credits`;

/** The summary line: "34 of 120 semester credits; 11 requirements to go; 23 credentials (86 credits) in the shortest plan, 6 terms of up to 15 credits". */
function summaryText(a: ProgramAudit, extras: HtmlExtras): string {
  if (a.status === 'complete') return `${creditsText(a)}; every requirement met.`;
  if (a.status === 'in-progress') return `${creditsText(a)}; complete once the work in progress is finished.`;
  const left = extras.recommendations.find((r) => r.program === a.program)?.requirementsLeft;
  const plan = extras.plans.get(a.program);
  const terms = plan?.cost.terms;
  const perTerm = plan ? Math.max(0, ...plan.steps.map((s) => s.credits ?? 0)) : 0;
  const planText = plan
    ? `${plural(plan.cost.items, 'credential')} (${plan.cost.credits} credits) in the shortest plan${terms === undefined ? '' : `, ${plural(terms, 'term')} of up to ${perTerm} credits`}`
    : a.stillNeeded
      ? `${plural(a.stillNeeded.length, 'credential')} still needed`
      : '';
  // A policy short (a GPA below its minimum, residency) is open too, though no requirement is.
  const policies = a.policies.filter((p) => p.status === 'incomplete' && p.id !== 'total-credits');
  const policyText = policies.map((p) => `${p.label} ${p.have ?? 0} of at least ${p.need}`).join(', ');
  const requirements =
    left === undefined || (left === 0 && policies.length > 0) ? '' : `${plural(left, 'requirement')} to go`;
  return `${[creditsText(a), requirements, policyText, planText].filter(Boolean).join('; ')}.`;
}

/** The catalog years of the version audited: "Catalog 2022-08-01 to 2025-07-31.", "Catalog from 2025-08-01.". */
const catalogYears = (v: NonNullable<ProgramAudit['version']>) =>
  `Catalog${v.from ? ` from ${v.from}` : ''}${v.to ? ` to ${v.to}` : ''}.`;

function programSection(a: ProgramAudit, extras: HtmlExtras, titleOf: TitleOf, summary: string): string {
  const id = sectionId(a.program);
  const remaining = remainingHtml(a.requirements, titleOf);
  const plan = extras.plans.get(a.program);
  const figure = stackingFigure(extras.graph, extras.held, a.program, a.title);
  const problems = problemsHtml(a, extras, titleOf);
  const policies = a.policies.map(policyHtml).join('');
  const budget = a.optimal
    ? ''
    : '<p class="notice">The search budget ran out: this allocation is the best found, not proven the best.</p>';
  return `<section aria-labelledby="${esc(id)}"><h2 id="${esc(id)}">${esc(a.title)} <span class="code">${esc(a.program)}</span> ${badge(a.status)}${a.hypothetical ? ' <span class="badge what-if">What-if</span>' : ''}</h2>
<p class="summary">${esc(summary)}${a.version ? ` <span class="muted">${esc(catalogYears(a.version))}</span>` : ''}</p>${budget}${problems}
${remaining.length ? `<h3>What remains</h3><ul class="remaining">${remaining.join('')}</ul>` : ''}
${plan?.credentials.length ? planHtml(plan, titleOf) : ''}
${figure ? `<h3>How your credentials stack into it</h3><figure class="graph">${figure.svg}${pathsHtml(figure)}<figcaption class="legend">Shaded: what you hold; white: programs on the way; green: this program.${figure.more > 0 ? ` ${plural(figure.more, 'more credential')} counting directly ${figure.more === 1 ? 'is' : 'are'} not drawn.` : ''}</figcaption></figure>` : ''}
<h3>Requirements</h3>${requirementTreeHtml(a.requirements, titleOf)}${policies ? `<ul class="tree">${policies}</ul>` : ''}
${unusedHtml(a, extras, titleOf)}
</section>`;
}

/** The stacking paths in words (shown on a phone and in print): the ones through other programs, then what counts directly. */
function pathsHtml({ paths, more }: StackingFigure): string {
  const through = paths.filter((p) => p.length > 2).map((p) => `<li>${p.map(esc).join(' → ')}</li>`);
  const direct = paths.filter((p) => p.length === 2).map((p) => esc(p[0]!));
  if (more > 0) direct.push(`and ${more} more`);
  const directly = direct.length ? [`<li>Directly: ${direct.join(', ')}</li>`] : [];
  return `<ul class="paths">${[...through, ...directly].join('')}</ul>`;
}

/** Problems to act on, in red: awards with a failing grade or expired, a GPA below the minimum. */
function problemsHtml(a: ProgramAudit, extras: HtmlExtras, titleOf: TitleOf): string {
  const awards = a.unused
    .filter((u) => u.reasons.some((r) => PROBLEM_REASONS.has(r.code)))
    .map(
      (u) =>
        `<li>${awardHtml(u, extras, titleOf)}: ${esc(
          u.reasons
            .filter((r) => PROBLEM_REASONS.has(r.code))
            .map(reasonText)
            .join('; '),
        )}</li>`,
    );
  const policies = a.policies.filter(isPolicyProblem).map((p) => `<li>${esc(p.label)}: ${policyFigure(p)}</li>`);
  const items = [...awards, ...policies];
  return items.length
    ? `<div class="notice problems" role="note"><h3>Needs attention</h3><ul>${items.join('')}</ul></div>`
    : '';
}

/** A GPA below the minimum is a problem; credits not yet earned are not. */
const isPolicyProblem = (p: PolicyResult) => p.id === 'min-gpa' && p.status === 'incomplete';

function policyHtml(p: PolicyResult): string {
  const status = isPolicyProblem(p) ? 'problem' : (p.status ?? 'limit');
  const mark = p.status ? (isPolicyProblem(p) ? '✗' : STATUS_VIEW[p.status].mark) : '•';
  const state = p.status
    ? ` <span class="state">${isPolicyProblem(p) ? 'Below the minimum' : STATUS_VIEW[p.status].text}</span>`
    : '';
  return `<li class="req s-${status}"><span class="mark" aria-hidden="true">${mark}</span><span class="name">${esc(p.label)}</span>${state} <span class="figure">${policyFigure(p)}${p.clipped ? ` (${esc(p.clipped)} over the limit)` : ''}</span></li>`;
}

/** A policy's figure: have of need, or for a limit what counts of the most it lets count. */
function policyFigure(p: PolicyResult): string {
  if (p.status) return `${esc(p.have ?? '–')} of ${esc(p.need ?? '')} needed`;
  const credits = p.need !== undefined ? `${esc(p.have ?? 0)} of at most ${esc(p.need)} credits` : '';
  const items = p.maxCount !== undefined ? `${esc(p.count ?? 0)} of at most ${esc(p.maxCount)} items` : '';
  return [credits, items].filter(Boolean).join(', ');
}

const awardHtml = (u: UnusedAward, extras: HtmlExtras, titleOf: TitleOf) => {
  const credential = u.credential ?? extras.awards?.get(u.award);
  return credential
    ? `${nameHtml(credential, titleOf)} <span class="muted">(award ${esc(u.award)})</span>`
    : inlineAwardHtml(u);
};

/** The steps of the shortest plan: term by term when it is scheduled, else in prerequisite order. */
function planHtml(plan: PathwayPlan, titleOf: TitleOf): string {
  const terms = plan.cost.terms;
  const head = `Next steps: ${plural(plan.cost.items, 'credential')}, ${plan.cost.credits} credits${terms === undefined ? '' : `, ${plural(terms, 'term')}`}`;
  const steps = plan.steps
    .map(
      (s) =>
        `<li><span class="step-head">${s.term ? `${esc(s.term)}${s.credits === undefined ? '' : ` · ${esc(s.credits)} credits`}` : `Step ${esc(s.step)}`}</span><ul>${s.credentials.map((c) => `<li>${nameHtml(c, titleOf)}</li>`).join('')}</ul></li>`,
    )
    .join('');
  const note = [
    terms === undefined && plan.steps.length > 1 ? 'Each step needs only what earlier steps give.' : '',
    plan.proven ? '' : 'The time limit ran out: a cheaper plan may exist.',
  ].filter(Boolean);
  return `<h3>${esc(head)}</h3>${note.length ? `<p class="muted">${esc(note.join(' '))}</p>` : ''}<ol class="steps">${steps}</ol>`;
}

/** Awards that count nowhere in the program and why; problems in red, the rest plain. */
function unusedHtml(a: ProgramAudit, extras: HtmlExtras, titleOf: TitleOf): string {
  if (a.unused.length === 0) return '';
  const rows = a.unused
    .map(
      (u) =>
        `<tr${u.reasons.some((r) => PROBLEM_REASONS.has(r.code)) ? ' class="problem"' : ''}><td>${awardHtml(u, extras, titleOf)}</td><td>${esc(u.reasons.map(reasonText).join('; '))}</td></tr>`,
    )
    .join('');
  return `<h3>Awards that do not count here</h3><table><thead><tr><th scope="col">Award</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`;
}
