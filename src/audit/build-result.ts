import type { Reason } from '../explain/reasons.js';
import type { Requirement } from '../model/requirement.js';
import type {
  AppliedItem,
  AssertResult,
  AuditStatus,
  RemainingOption,
  RequirementStatus,
  Explanation,
  PolicyResult,
  ProgramAudit,
  RequirementResult,
  UnusedAward,
} from './audit-result.js';
import type { CreditItem } from './credit-items.js';
import type { PreparedCatalog, PreparedProgram } from './prepare-catalog.js';
import { reasonsNotCounted, type ProgramExceptions, type ProgramPlan } from './plan-allocation.js';
import { creditsStillNeeded } from './remaining.js';
import type { Solution } from './solve-allocation.js';

/** Everything a program's audit decided, for the result. */
export interface ProgramOutcome {
  readonly target: PreparedProgram;
  readonly plan: ProgramPlan;
  readonly solution: Solution;
  readonly status: AuditStatus;
  readonly optimal: boolean;
  readonly exceptions: ProgramExceptions;
}

/** A result under construction, its keys set in order. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a program without shared leaves has in them: nothing (shared, never changed). */
const NO_ITEMS: ReadonlySet<number> = new Set();

const round = (value: number) => Math.round(value * 100) / 100;
const MAX_OPTIONS = 12;

/** Builds the SPEC section 8 result of one program's audit. */
export function buildProgramAudit(prepared: PreparedCatalog, outcome: ProgramOutcome): ProgramAudit {
  const { target, plan, solution, exceptions } = outcome;
  const { evaluation, assignment } = solution;
  const { problem, nodes, items, ticksPerCredit } = plan;
  const credits = (ticks: number) => round(ticks / ticksPerCredit);
  const policy = target.program.policy ?? {};
  const options = optionsFinder(prepared, outcome);

  // Listed double counting: an award's leaves, when it is applied to more than one.
  const leavesOfAward = new Map<number, number[]>();
  if (problem.items.length > items.length)
    assignment.forEach((leaf, index) => {
      const base = problem.items[index]!.copyOf ?? index;
      if (leaf >= 0) (leavesOfAward.get(base) ?? leavesOfAward.set(base, []).get(base)!).push(leaf);
    });
  // Results are built key by key, not from spreads of optional parts: the same keys in the same
  // order, without a temporary object and a copy for every optional key of every node and item.
  const appliedItem = (index: number, leaf?: number): AppliedItem => {
    const base = problem.items[index]!.copyOf ?? index;
    const item = items[base]!;
    const planItem = problem.items[base]!;
    const counted = evaluation.counted[index]!;
    const full = planItem.components.length > 0 ? counted : planItem.ticks;
    const pin = exceptions.pins.size > 0 ? exceptions.pins.get(item.awardId) : undefined;
    const applied: Mutable<AppliedItem> = { award: item.awardId } as Mutable<AppliedItem>;
    if (item.credentialId) applied.credential = item.credentialId;
    const inline = inlineTitle(item);
    if (inline !== undefined) applied.title = inline;
    applied.credits = credits(counted);
    if (full > counted) applied.capped = credits(full - counted);
    if (item.status === 'in-progress') applied.inProgress = true;
    if (pin && planItem.pinned === leaf)
      applied.exception = {
        type: pin.force ? 'apply' : 'substitute',
        reason: pin.reason,
        ...(pin.by ? { by: pin.by } : {}),
      };
    if (item.components) applied.components = planItem.components.map((c) => items[c]!.awardId);
    const places = leavesOfAward.get(base);
    if (leaf !== undefined && places && places.length > 1)
      applied.alsoIn = places.filter((other) => other !== leaf).map((other) => target.ids.get(nodes[other]!)!);
    return applied;
  };
  const assertOf = (index: number): AssertResult | undefined => {
    const at = problem.asserts?.findIndex((a) => a.owner === index) ?? -1;
    if (at < 0) return undefined;
    const compiled = target.tree.asserts.find((a) => a.owner === index)!;
    const outcome = evaluation.asserts[at]!;
    const assertNode = (n: number): AssertResult => {
      const node = compiled.nodes[n]!;
      const planNode = problem.asserts![at]!.nodes[n]!;
      const amount = (value: number) => (node.measure === 'credits' ? { credits: credits(value) } : { count: value });
      const isLeaf = node.kind === 'leaf';
      return {
        kind: isLeaf ? 'where' : node.kind,
        ...(node.source.label ? { label: node.source.label } : {}),
        status: outcome.metFinished[n] ? 'complete' : outcome.met[n] ? 'in-progress' : 'incomplete',
        ...(node.atMost ? { atMost: true as const } : {}),
        ...(node.distinct ? { distinct: node.distinct } : {}),
        need: isLeaf ? amount(planNode.need) : { count: planNode.need },
        have: isLeaf ? amount(outcome.have[n]!) : { count: outcome.have[n]! },
        ...(isLeaf ? {} : { children: node.children.map(assertNode) }),
      };
    };
    return assertNode(0);
  };

  // An item a limit clips to zero counts nowhere (SPEC section 4): it is not shown as applied.
  const clippedToZero = (item: number) =>
    problem.items[item]!.components.length === 0 && problem.items[item]!.ticks > 0 && evaluation.counted[item] === 0;
  const appliedTo = new Map<number, number[]>();
  assignment.forEach((leaf, item) => {
    if (leaf >= 0 && !clippedToZero(item)) (appliedTo.get(leaf) ?? appliedTo.set(leaf, []).get(leaf)!).push(item);
  });
  for (const [leaf, list] of evaluation.sharedApplied) appliedTo.set(leaf, [...list]);
  // Second applications are last in the problem: each leaf lists its items in the canonical order.
  if (problem.items.length > items.length)
    for (const list of appliedTo.values())
      list.sort((a, b) => (problem.items[a]!.copyOf ?? a) - (problem.items[b]!.copyOf ?? b));

  // An alternative of an `any` whose need the other children meet is not needed, nor anything under it.
  const needed = problem.nodes.map(() => true);
  problem.nodes.forEach((planNode, index) => {
    const parent = planNode.parent;
    if (parent < 0) return;
    const group = problem.nodes[parent]!;
    needed[index] = needed[parent]! && !(group.kind === 'any' && evaluation.met[parent]! && !evaluation.met[index]!);
  });
  const nodeResult = (index: number): RequirementResult => {
    const node = nodes[index]!;
    const planNode = problem.nodes[index]!;
    const id = target.ids.get(node)!;
    const waiver = exceptions.waivers.get(node);
    const applies = plan.applicable?.[index] ?? true;
    const status: RequirementStatus = !applies
      ? 'not-applicable'
      : !needed[index]
        ? 'not-needed'
        : planNode.waived || evaluation.metFinished[index]
          ? 'complete'
          : evaluation.met[index]
            ? 'in-progress'
            : 'incomplete';
    const kind = target.tree.kinds[index]!;
    const isLeaf = planNode.kind === 'leaf';
    const measure = (value: number) =>
      planNode.measure === 'credits' ? { credits: credits(value) } : { count: value };
    const needValue = isLeaf ? planNode.need : planNode.kind === 'any' ? planNode.need : planNode.children.length;
    const haveValue = isLeaf ? evaluation.have[index]! : planNode.children.filter((c) => evaluation.met[c]).length;
    const assert = applies ? assertOf(index) : undefined;
    const remaining =
      status !== 'incomplete'
        ? undefined
        : assert && haveValue >= needValue
          ? { assert: true as const }
          : remainingOf(node, index, isLeaf, needValue - haveValue, planNode.measure === 'credits', credits, options);
    // An unmet `any`: the choice left among its open alternatives.
    const choice =
      remaining && kind === 'any'
        ? {
            choose: needValue - haveValue,
            of: planNode.children
              .filter((c) => !evaluation.met[c] && (plan.applicable?.[c] ?? true))
              .map((c) => target.ids.get(nodes[c]!)!),
          }
        : undefined;
    const result: Mutable<RequirementResult> = { id } as Mutable<RequirementResult>;
    if (node.label) result.label = node.label;
    result.kind = kind;
    const named = target.tree.specs[index]?.counts;
    if (named !== undefined && (kind === 'credential' || kind === 'program')) result.credential = named;
    result.status = status;
    if (applies && (isLeaf || planNode.kind === 'any')) {
      result.need = isLeaf ? measure(needValue) : { count: needValue };
      result.have = isLeaf ? measure(haveValue) : { count: haveValue };
    }
    if (planNode.shared && isLeaf) result.shared = true;
    if (waiver)
      result.waived = {
        reason: waiver.reason,
        ...(waiver.by ? { by: waiver.by } : {}),
        ...(waiver.credits !== undefined ? { credits: waiver.credits } : {}),
      };
    const placed = appliedTo.get(index);
    const applied: AppliedItem[] = [];
    if (placed) for (const item of placed) applied.push(appliedItem(item, index));
    result.applied = applied;
    if (assert) result.assert = assert;
    if (remaining) result.remaining = choice ? { ...remaining, ...choice } : remaining;
    if (!isLeaf) result.children = planNode.children.map(nodeResult);
    return result;
  };

  const policies: PolicyResult[] = [];
  const policyStatus = (met: boolean): AuditStatus => (met ? 'complete' : 'incomplete');
  if (problem.policies.totalTicks !== undefined)
    policies.push({
      id: 'total-credits',
      label: 'Total credits',
      status: policyStatus(evaluation.policiesMet.total),
      need: credits(problem.policies.totalTicks),
      have: credits(evaluation.totals.ticks),
    });
  if (policy.residency)
    policies.push({
      id: 'residency',
      label: `Credits earned in residence (${policy.residency.sources.join(', ')})`,
      status: policyStatus(evaluation.policiesMet.residency),
      need: policy.residency.minCredits,
      have: credits(evaluation.totals.residencyTicks),
    });
  const minGpa = policy.minGpa ?? policy.gpa?.min;
  if (minGpa !== undefined)
    policies.push({
      id: 'min-gpa',
      label: policy.gpa?.over === 'all-graded' ? 'Grade point average (every graded course)' : 'Grade point average',
      status: policyStatus(evaluation.policiesMet.gpa),
      need: minGpa,
      have: evaluation.totals.gpa === null ? null : round(evaluation.totals.gpa),
    });
  // Limits with nothing left: an award under one that counts nowhere is over a cap.
  const usedUp = new Set<number>();
  (policy.limits ?? []).forEach((limit, index) => {
    // The items that spent the limit: applied, fall-through, or counted in a shared overlay.
    let matched = 0;
    let counted = 0;
    let countedItems = 0;
    for (let i = 0; i < problem.items.length; i++) {
      const item = problem.items[i]!;
      if (!item.limits.includes(index)) continue;
      if (!(evaluation.consumed[i] || evaluation.fallThrough[i] || item.sharedCandidates.length > 0)) continue;
      matched += item.ticks;
      counted += evaluation.counted[i]!;
      if (evaluation.counting[i]) countedItems++;
    }
    if (counted >= problem.policies.limitCaps[index]! || countedItems >= problem.policies.limitCountCaps[index]!)
      usedUp.add(index);
    policies.push({
      id: limit.id,
      label: limit.label ?? limit.id,
      ...(limit.maxCredits !== undefined ? { need: limit.maxCredits } : {}),
      have: credits(counted),
      ...(matched > counted ? { clipped: credits(matched - counted) } : {}),
      ...(limit.maxCount !== undefined ? { maxCount: limit.maxCount, count: countedItems } : {}),
    });
  });

  const explanations: Explanation[] = [];
  items.forEach((item) => {
    for (const effect of item.effects) explanations.push({ award: item.awardId, ...effect });
  });
  // Exceptions in a fixed order (waivers by requirement id, pins by award id), not the transcript's.
  const byId =
    <T>(id: (entry: T) => string) =>
    (a: T, b: T) =>
      id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
  if (exceptions.waivers.size > 0)
    for (const [node, waiver] of [...exceptions.waivers].sort(byId(([node]) => target.ids.get(node)!)))
      explanations.push({
        code: 'waive',
        requirement: target.ids.get(node)!,
        reason: waiver.reason,
        ...(waiver.by ? { by: waiver.by } : {}),
        ...(waiver.credits !== undefined ? { credits: waiver.credits } : {}),
      });
  if (exceptions.pins.size > 0)
    for (const [award, pin] of [...exceptions.pins].sort(byId(([award]) => award)))
      explanations.push({
        code: pin.force ? 'apply' : 'substitute',
        award,
        requirement: target.ids.get(pin.node)!,
        reason: pin.reason,
        ...(pin.by ? { by: pin.by } : {}),
      });
  problem.items.forEach((planItem, index) => {
    if (planItem.copyOf !== undefined) {
      const leaf = assignment[index]!;
      const original = assignment[planItem.copyOf]!;
      if (leaf >= 0 && original >= 0)
        explanations.push({
          code: 'double-count',
          award: items[planItem.copyOf]!.awardId,
          requirements: [target.ids.get(nodes[original]!)!, target.ids.get(nodes[leaf]!)!],
          by: target.ids.get(nodes[planItem.within!.from]!)!,
        });
      return;
    }
    const item = items[index]!;
    if (item.keptOut && evaluation.fallThrough[index])
      explanations.push({
        code: 'kept-out',
        award: item.awardId,
        keptIn: item.keptOut.keptIn,
        rule: item.keptOut.code === 'over-sharing' ? 'sharing' : 'exclusiveWith',
      });
    if (item.components && assignment[index]! >= 0)
      explanations.push({
        code: 'stack',
        award: item.awardId,
        requirement: target.ids.get(nodes[assignment[index]!]!)!,
        program: item.credentialId!,
        components: planItem.components.length,
      });
    const counted = evaluation.counted[index]!;
    if (
      (evaluation.consumed[index] || evaluation.fallThrough[index]) &&
      planItem.components.length === 0 &&
      counted < planItem.ticks
    ) {
      const limits = planItem.limits.map((l) => policy.limits![l]!.id);
      explanations.push({
        code: 'cap',
        award: item.awardId,
        counted: credits(counted),
        of: credits(planItem.ticks),
        limits,
      });
    }
  });

  const unusedAward = (item: CreditItem, reasons: Reason[], order: number) => {
    const entry: Mutable<UnusedAward & { order: number }> = { award: item.awardId } as Mutable<
      UnusedAward & { order: number }
    >;
    if (item.credentialId) entry.credential = item.credentialId;
    const inline = inlineTitle(item);
    if (inline !== undefined) entry.title = inline;
    entry.reasons = reasons;
    entry.order = order;
    return entry;
  };
  const unused: (UnusedAward & { order: number })[] = plan.ignored.map(({ item, eligible, blockedByGrade, order }) =>
    unusedAward(item, reasonsNotCounted(item, eligible, blockedByGrade, false), order),
  );
  const inSharedLeaf =
    evaluation.sharedApplied.size > 0 ? new Set([...evaluation.sharedApplied.values()].flat()) : NO_ITEMS;
  items.forEach((item, index) => {
    if (item.components) return;
    const planItem = problem.items[index]!;
    const usedSomewhere = evaluation.consumed[index] || evaluation.fallThrough[index] || inSharedLeaf.has(index);
    if (usedSomewhere && (evaluation.counted[index]! > 0 || planItem.ticks === 0)) return;
    const overCap = planItem.ticks > 0 && (usedSomewhere || planItem.limits.some((l) => usedUp.has(l)));
    unused.push(unusedAward(item, whyUnused(item, index, outcome, overCap), plan.order[index]!));
  });

  const fallThrough: AppliedItem[] = [];
  let fallThroughTicks = 0;
  for (let index = 0; index < problem.items.length; index++)
    if (evaluation.fallThrough[index] && evaluation.counted[index]! > 0) {
      fallThrough.push(appliedItem(index));
      fallThroughTicks += evaluation.counted[index]!;
    }
  const required = policy.totalCredits ?? target.program.credits?.value ?? null;
  const requirements = nodeResult(0);
  // The headline (SPEC section 8): credits applied to requirements, plus fall-through (there is
  // some only under a totalCredits); while requirements are open, only the fall-through that
  // leaves room for what they still need, so it does not read as full.
  const onRequirements = credits(evaluation.totals.ticks - fallThroughTicks);
  const room =
    evaluation.met[0] || policy.totalCredits === undefined
      ? Infinity
      : Math.max(0, policy.totalCredits - onRequirements - creditsStillNeeded(requirements));
  const applied = round(onRequirements + Math.min(credits(fallThroughTicks), room));
  return {
    program: target.program.id,
    title: target.program.title,
    ...(target.program.effective ? { version: target.program.effective } : {}),
    asOf: prepared.asOf,
    status: outcome.status,
    optimal: outcome.optimal,
    credits: { applied, required, unit: target.unit },
    requirements,
    policies,
    fallThrough,
    unused: unused.sort((a, b) => a.order - b.order).map(({ order: _, ...entry }) => entry),
    explanations,
  };
}

/**
 * The catalog credentials that would meet a leaf, as `remaining.options`: up to {@link MAX_OPTIONS},
 * the one a leaf names first, leaving out credentials the learner holds. An award held is one that
 * may count: a planned, failed, expired or denied award is still something to earn.
 */
function optionsFinder(prepared: PreparedCatalog, outcome: ProgramOutcome) {
  const { target, plan } = outcome;
  // Worked out when an open leaf first asks: a complete audit never does.
  let held: Set<string> | undefined;
  const heldCredentials = () => {
    held = new Set();
    for (const item of [...plan.items, ...plan.ignored.map((i) => i.item)])
      if (item.credentialId && item.reasons.length === 0) held.add(item.credentialId);
    return held;
  };
  return (node: Requirement, index: number): RemainingOption[] => {
    const named = target.tree.specs[index]?.counts;
    const holds = held ?? heldCredentials();
    return target
      .optionsOf(node, (id) => id === named || !holds.has(id), MAX_OPTIONS)
      .map((id) => ({
        credential: id,
        title: prepared.credentials.get(id)!.title,
        credits: round(target.optionCredits(id)),
      }));
  };
}

function remainingOf(
  node: Requirement,
  index: number,
  isLeaf: boolean,
  missing: number,
  inCredits: boolean,
  credits: (ticks: number) => number,
  optionsOf: (node: Requirement, index: number) => RemainingOption[],
) {
  if (!isLeaf) return { count: missing };
  const options = optionsOf(node, index);
  return inCredits ? { credits: credits(missing), options } : { count: missing, options };
}

/** Why an item of the problem counts nowhere: over a cap (a limit left nothing of it, applied or not: SPEC section 4), else why it could not count. */
function whyUnused(item: CreditItem, index: number, outcome: ProgramOutcome, overCap: boolean): Reason[] {
  const { plan } = outcome;
  const planItem = plan.problem.items[index]!;
  if (overCap)
    return [{ code: 'over-limit', limits: planItem.limits.map((l) => outcome.target.program.policy!.limits![l]!.id) }];
  return reasonsNotCounted(
    item,
    plan.eligible[index]!,
    plan.blockedByGrade[index],
    planItem.candidates.length > 0 || planItem.sharedCandidates.length > 0,
  );
}

/** The title (else the code) of an award of no catalog credential, as the transcript describes it. */
function inlineTitle(item: CreditItem): string | undefined {
  if (item.credentialId !== undefined || item.components) return undefined;
  const { title, code } = item.facts;
  return typeof title === 'string' && title !== '' ? title : typeof code === 'string' && code !== '' ? code : undefined;
}
