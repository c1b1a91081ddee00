import { compareRational, ONE, plus, rational, times, toNumber, ZERO, type Rational } from '../model/rational.js';
import type { AWARD_STATUSES } from '../model/transcript.js';
import { gradePoints } from '../rules/operators.js';
import type { Reason } from '../explain/reasons.js';
import type { RuleEffect, RuleOutcome } from '../rules/credit-rules.js';
import type { PreparedCatalog, PreparedProgram } from './prepare-catalog.js';
import { gradePasses, leavesPassed } from './program-tree.js';
import { repeatKey, type ResolvedAward } from './resolve-awards.js';
import { inForce } from '../catalog/program-versions.js';

/** What an award becomes in one program's audit: credits in the program's unit, facts after rules, provenance. */
export interface CreditItem {
  /** The transcript award id (for a completed nested program: `program:<id>`). */
  readonly awardId: string;
  readonly credentialId?: string;
  /** Catalog credentials it counts as: its own and those a rule made it equivalent to. */
  readonly equivalents: ReadonlySet<string>;
  /** Facts for `where` and `limits` conditions, with rule tags and credits applied. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly credits: Rational;
  readonly grade?: string;
  /** Grade points, or null when ungraded or pass/fail. */
  readonly points: number | null;
  readonly status: (typeof AWARD_STATUSES)[number];
  readonly source: string;
  readonly earned?: string;
  /** Why it cannot count in this program at all; empty when it may. */
  readonly reasons: readonly Reason[];
  /**
   * Kept out of this program's requirements by an overlap rule with a program audited with it
   * (`sharing`, `exclusiveWith`): it may still fall through toward the total, which is not
   * shared use (SPEC section 5).
   */
  readonly keptOut?: KeptOut;
  readonly effects: readonly RuleEffect[];
  /** For a completed nested program: the award ids it is made of. */
  readonly components?: readonly string[];
}

/** Why an overlap rule between programs keeps an award out of one of them. */
export type KeptOut = Extract<Reason, { readonly code: 'exclusive-programs' | 'over-sharing' }>;

/** Options of normalisation. */
export interface ItemOptions {
  /** Count planned awards as if completed (what-if and planning). */
  readonly includePlanned: boolean;
  /** The learner's catalog date: a program version not in force on it counts nothing. */
  readonly catalogDate: string;
}

/**
 * Normalises awards for one program (SPEC section 2): credit rules, unit conversion, and every
 * reason an award cannot count (planned, denied, expired, too old, failing, earned after the
 * audit date, outside the catalog years, a repeat).
 */
export function creditItems(
  prepared: PreparedCatalog,
  target: PreparedProgram,
  awards: readonly ResolvedAward[],
  options: ItemOptions,
): CreditItem[] {
  const { program } = target;
  const effective = program.effective;
  const outsideYears = !inForce(program, options.catalogDate);
  const yearsReason: Reason | undefined = outsideYears
    ? {
        code: 'outside-catalog-years',
        ...(effective?.from ? { from: effective.from } : {}),
        ...(effective?.to ? { to: effective.to } : {}),
      }
    : undefined;
  const oldest = target.oldestCounted;
  const rules = prepared.creditRules;
  const key = `${target.unit}|${options.includePlanned}`;
  const items = awards.map((resolved): CreditItem => {
    const general = (resolved.memo.general ??= rules.general(resolved.facts));
    const base = baseItem(
      prepared,
      resolved,
      rules.inProgram(general, resolved.facts, program.id),
      key,
      target.unit,
      options,
    );
    const earned = resolved.award.earned;
    const tooOld = oldest !== undefined && earned !== undefined && earned < oldest;
    if (!outsideYears && !tooOld) return base;
    const extra: Reason[] = [
      ...(yearsReason ? [yearsReason] : []),
      ...(tooOld ? [{ code: 'older-than-recency' as const, window: program.policy!.recency!, earned: earned! }] : []),
    ];
    return { ...base, reasons: [...extra, ...base.reasons] };
  });
  return awards.some((a) => a.repeated) ? countRepeatsOnce(prepared, target, items, awards) : items;
}

/**
 * What an award becomes under a rule outcome in a unit, whatever the program: memoised, since
 * most awards get the same outcome in every program of an audit.
 */
function baseItem(
  prepared: PreparedCatalog,
  resolved: ResolvedAward,
  outcome: RuleOutcome,
  key: string,
  unit: string,
  options: ItemOptions,
): CreditItem {
  const { memo } = resolved;
  for (let known = memo.items; known !== undefined; known = known.next)
    if (known.outcome === outcome && known.key === key) return known.item;
  const { asOf, context } = prepared;
  const { award, credential, facts } = resolved;
  const reasons: Reason[] = [];
  if (award.status === 'planned' && !options.includePlanned) reasons.push({ code: 'planned' });
  if (outcome.denied) reasons.push({ code: 'denied', rule: outcome.denied.rule, reason: outcome.denied.reason });
  if (award.earned && award.earned > asOf) reasons.push({ code: 'earned-after-as-of', earned: award.earned });
  if (resolved.expires && resolved.expires <= asOf) reasons.push({ code: 'expired', on: resolved.expires });
  const points = award.grade === undefined ? null : gradePoints(context, award.grade);
  if (award.grade !== undefined && points === undefined)
    reasons.push({ code: 'grade-not-on-scale', grade: award.grade });
  else if (
    award.grade !== undefined &&
    (points === 0 || (points === null && !context.passingGrades.includes(award.grade)))
  )
    reasons.push({ code: 'failing-grade', grade: award.grade });
  const own = outcome.credits
    ? { value: outcome.credits.value, unit: outcome.credits.unit ?? prepared.catalog.settings.unit }
    : resolved.credits;
  const factor = own ? prepared.unitFactor(own.unit, unit) : ONE;
  if (!factor) reasons.push({ code: 'unknown-unit', unit: own?.unit ?? '' });
  const credits = own && factor ? (factor === ONE ? rational(own.value) : times(rational(own.value), factor)) : ZERO;
  const tags = outcome.tags.length === 0 ? facts.tags : [...new Set([...(facts.tags as string[]), ...outcome.tags])];
  const counted = toNumber(credits);
  const item: CreditItem = {
    awardId: award.id,
    credentialId: credential?.id,
    equivalents: equivalentsOf(credential, outcome.as),
    // The award's own facts when rules and units change none of them (most awards): no copy.
    facts:
      tags === facts.tags && counted === facts.credits && unit === facts.unit
        ? facts
        : { ...facts, tags, credits: counted, unit },
    credits,
    grade: award.grade,
    points: points ?? null,
    status: award.status,
    source: award.source,
    earned: award.earned,
    reasons,
    effects: outcome.effects,
  };
  memo.items = { outcome, key, item, next: memo.items };
  return item;
}

/** What an award of a credential counts as when no rule makes it equivalent to others: one set per credential, shared. */
const ownIdentity = new WeakMap<object, ReadonlySet<string>>();
const NO_EQUIVALENTS: ReadonlySet<string> = new Set();

/** The catalog credentials an award counts as: its own and those rules made it equivalent to (never changed once made). */
function equivalentsOf(
  credential: (object & { readonly id: string }) | undefined,
  as: readonly string[],
): ReadonlySet<string> {
  if (as.length > 0) {
    const equivalents = new Set(as);
    if (credential) equivalents.add(credential.id);
    return equivalents;
  }
  if (!credential) return NO_EQUIVALENTS;
  let own = ownIdentity.get(credential);
  if (!own) ownIdentity.set(credential, (own = new Set([credential.id])));
  return own;
}

/** Completed before in-progress before planned. */
const STATUS_RANK: Readonly<Record<CreditItem['status'], number>> = { completed: 0, 'in-progress': 1, planned: 2 };

/**
 * Whether an item that nothing else stops may count in the program, grade included: some
 * requirement it matches accepts its grade, or it counts toward the total credits.
 */
function gradeLetsCount({ tree, program }: PreparedProgram, item: CreditItem): boolean {
  if (program.policy?.totalCredits !== undefined && gradePasses(tree, item.points, -1)) return true;
  return leavesPassed(tree, item.equivalents, item.facts, false).some((leaf) => gradePasses(tree, item.points, leaf));
}

/**
 * Repeated awards of one credential count once (SPEC section 5): the first that may count at all
 * (the others aside: failing, expired, denied; here also a grade no requirement of the program
 * accepts), then completed before in-progress before planned, then the best grade, then the
 * latest; unless the credential is `repeatable`, up to its credits.
 */
function countRepeatsOnce(
  prepared: PreparedCatalog,
  target: PreparedProgram,
  items: CreditItem[],
  awards: readonly ResolvedAward[],
): CreditItem[] {
  // Only awards another award repeats can share a group (items are the awards', in order).
  const groups = new Map<string, CreditItem[]>();
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (!awards[index]!.repeated || item.reasons.length > 0) continue;
    const key = repeatKey(item.credentialId, item.facts.code);
    if (key === undefined) continue;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(item);
  }
  const repeatReason = new Map<CreditItem, Reason>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ranked = group
      .map((item) => ({ item, counts: Number(gradeLetsCount(target, item)) }))
      .sort(
        ({ item: a, counts: countsA }, { item: b, counts: countsB }) =>
          countsB - countsA ||
          STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
          (b.points ?? -1) - (a.points ?? -1) ||
          (b.earned ?? '').localeCompare(a.earned ?? '') ||
          a.awardId.localeCompare(b.awardId),
      )
      .map(({ item }) => item);
    const credential = group[0]!.credentialId ? prepared.credentials.get(group[0]!.credentialId) : undefined;
    const repeatable = credential && 'repeatable' in credential ? credential.repeatable : undefined;
    let used = ZERO;
    ranked.forEach((item, rank) => {
      if (repeatable ? compareRational(plus(used, item.credits), rational(repeatable.maxCredits)) <= 0 : rank === 0) {
        used = plus(used, item.credits);
        return;
      }
      repeatReason.set(
        item,
        repeatable
          ? { code: 'repeat-over-limit', credential: credential!.id, maxCredits: repeatable.maxCredits }
          : { code: 'repeat', of: String(item.credentialId ?? item.facts.code), counted: ranked[0]!.awardId },
      );
    });
  }
  if (repeatReason.size === 0) return items;
  return items.map((item) =>
    repeatReason.has(item) ? { ...item, reasons: [...item.reasons, repeatReason.get(item)!] } : item,
  );
}
