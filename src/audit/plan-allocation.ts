import { ownValue } from '../model/own.js';
import { lcm, rational, times, type Rational } from '../model/rational.js';
import type { Reason } from '../explain/reasons.js';
import type { Policy } from '../model/program.js';
import { GPA_TOLERANCE } from './allocation-problem.js';
import type { Requirement } from '../model/requirement.js';
import type { Facts } from '../rules/compile-condition.js';
import { kindModule } from '../requirements/registry.js';
import type {
  AllocationProblem,
  AssertMatch,
  PlanAssert,
  PlanItem,
  PlanNode,
  PlanPolicies,
} from './allocation-problem.js';
import type { CreditItem } from './credit-items.js';
import type { PreparedProgram } from './prepare-catalog.js';
import { gradePasses, leavesPassed, type ProgramTree } from './program-tree.js';

/** The empty list every plan item without candidates, limits or components shares (plan items are never changed). */
const NONE: readonly number[] = [];

/** `list` with `value` added: a new list in place of {@link NONE}, else the same one, grown. */
function added(list: readonly number[], value: number): readonly number[] {
  const out = list === NONE ? [] : (list as number[]);
  out.push(value);
  return out;
}

/** Registrar exceptions that bear on one program, resolved to requirement nodes. */
export interface ProgramExceptions {
  /** Whole waivers (no `credits`) and partial ones (`credits` off a credits requirement). */
  readonly waivers: ReadonlyMap<
    Requirement,
    { readonly reason: string; readonly by?: string; readonly credits?: number }
  >;
  /** Awards pinned to a requirement; `force` also overrides why they could not count. */
  readonly pins: ReadonlyMap<
    string,
    { readonly node: Requirement; readonly force: boolean; readonly reason: string; readonly by?: string }
  >;
}

/** The allocation problem of one program, and the catalog objects behind its numbers. */
export interface ProgramPlan {
  readonly problem: AllocationProblem;
  /** Requirement nodes in the problem's order (depth-first pre-order). */
  readonly nodes: readonly Requirement[];
  /** Which nodes apply to the learner (absent: all of them); the others are `not-applicable`. */
  readonly applicable?: readonly boolean[];
  /** The items in the problem, in its order: those that can matter to this program (second applications, last in the problem, aside). */
  readonly items: readonly CreditItem[];
  /** Items that cannot matter to this program: why they do not count comes from {@link reasonsNotCounted} with these. */
  readonly ignored: readonly {
    readonly item: CreditItem;
    readonly eligible: boolean;
    readonly blockedByGrade: string | undefined;
    readonly order: number;
  }[];
  /** For each item in the problem, its position among all the program's items (the canonical order). */
  readonly order: readonly number[];
  /** Ticks in one credit of the program's unit. */
  readonly ticksPerCredit: number;
  /** Whether each item may count at all in this pass. */
  readonly eligible: readonly boolean[];
  /** For an item that matches requirements only below their minimum grade: that grade. */
  readonly blockedByGrade: readonly (string | undefined)[];
}

/** Which awards a pass may count: finished ones only, or in-progress ones too. */
export interface PlanPass {
  readonly includeInProgress: boolean;
}

/** Which requirement nodes apply to a learner: false under a `when` that does not hold for them. */
export function applicableNodes(tree: ProgramTree, learner: Facts): readonly boolean[] | undefined {
  if (tree.when.every((test) => test === undefined)) return undefined;
  const applies: boolean[] = [];
  tree.nodes.forEach((_, index) => {
    const parent = tree.parents[index]!;
    const test = tree.when[index];
    applies.push((parent < 0 || applies[parent]!) && (test === undefined || test(learner)));
  });
  return applies;
}

/** Turns a program, its credit items and its exceptions into the solver's numeric problem. */
export function planAllocation(
  target: PreparedProgram,
  items: readonly CreditItem[],
  exceptions: ProgramExceptions,
  pass: PlanPass,
  applicable?: readonly boolean[],
): ProgramPlan {
  const { tree } = target;
  const policy = target.program.policy ?? {};
  const { nodes } = tree;
  let ticksPerCredit = tree.denominator;
  for (const item of items) if (item.credits.d !== 1) ticksPerCredit = lcm(ticksPerCredit, item.credits.d);
  const ticks = ticksIn(ticksPerCredit);
  const inUnit = inTicks(target, ticksPerCredit);
  const { planNodes, closed } =
    exceptions.waivers.size > 0
      ? buildPlanNodes(target, exceptions.waivers, ticksPerCredit, applicable)
      : applicable
        ? forApplicable(target, inUnit, ticksPerCredit, applicable)
        : inUnit;

  const residencySources: readonly string[] | undefined = policy.residency?.sources;
  let indexOfAward: Map<string, number> | undefined; // made when a nested program first needs its components
  const eligibleAll: boolean[] = [];
  const blockedAll: (string | undefined)[] = [];
  // Per item: its plan item, made only for items that can matter (most items of a nested program cannot).
  const planned: (PlanItem | undefined)[] = [];
  // Distinct leaves: each item's value of the leaf's fact, as a number (equal values, equal numbers).
  const distinctLeaves = tree.hasDistinct;
  let interned: Map<string, number> | undefined; // made when a distinct leaf or an assert first needs a value's key
  const distinctValue = (item: CreditItem, leaf: number): unknown => {
    const value = ownValue(item.facts, tree.specs[leaf]!.distinct!);
    return value === undefined || value === null ? undefined : value;
  };
  const keyOf = (value: unknown) => {
    const text = JSON.stringify(value);
    interned ??= new Map();
    let key = interned.get(text);
    if (key === undefined) interned.set(text, (key = interned.size));
    return key;
  };
  /** A distinct leaf takes only items that have a value of its fact to tell them apart. */
  const hasValueFor = (item: CreditItem, leaf: number) =>
    !distinctLeaves || tree.specs[leaf]?.distinct === undefined || distinctValue(item, leaf) !== undefined;
  const assertMatchesOf = (item: CreditItem, leaves: readonly number[]) =>
    tree.asserts.length === 0 || item.components ? undefined : assertMatches(tree, item, leaves, keyOf);
  const distinctKeysOf = (leaves: readonly number[], item: CreditItem) => {
    const keys = new Map<number, number>();
    for (const leaf of leaves) {
      if (tree.specs[leaf]?.distinct === undefined) continue;
      const value = distinctValue(item, leaf);
      // A pinned item without a value is unlike every other.
      keys.set(leaf, value === undefined ? keyOf({ award: item.awardId }) : keyOf(value));
    }
    return keys.size > 0 ? keys : undefined;
  };
  /** The plan item of items[index], placed at `pinned` or among its candidates. */
  const planItem = (
    index: number,
    candidates: readonly number[],
    sharedCandidates: readonly number[],
    pinned: number,
    fallsThrough: boolean,
    components: readonly number[],
  ): PlanItem => {
    const item = items[index]!;
    const isBundle = item.components !== undefined;
    let limits: readonly number[] = NONE;
    // Limits matter only to items that may count: the others are left out of the problem.
    if (eligibleAll[index] && !isBundle)
      for (let limit = 0; limit < target.limits.length; limit++)
        if (target.limits[limit]!(item.facts)) limits = added(limits, limit);
    const leaves = pinned >= 0 ? [pinned] : candidates;
    // Every key written (undefined when absent): one shape for every plan item the solver reads.
    return {
      ticks: isBundle ? 0 : ticks(item.credits),
      candidates,
      sharedCandidates,
      pinned,
      distinctKeys: distinctLeaves ? distinctKeysOf([...leaves, ...sharedCandidates], item) : undefined,
      asserts: assertMatchesOf(item, leaves),
      limits,
      points: isBundle ? null : item.points,
      resident: residencySources?.includes(item.source) ?? false,
      fallsThrough,
      inProgress: item.status === 'in-progress',
      components,
    };
  };
  // Only programs audited together under an overlap rule keep awards out (made then only: the audit's hot path).
  const keptOut = items.some((item) => item.keptOut)
    ? new Set(items.filter((item) => item.keptOut).map((item) => item.awardId))
    : undefined;
  /** Whether a nested program's item is made of an award kept out of this program. */
  const holdsKeptOut = (item: CreditItem) => keptOut !== undefined && item.components!.some((id) => keptOut.has(id));
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const pin = exceptions.pins.size > 0 ? exceptions.pins.get(item.awardId) : undefined;
    const allowed = item.reasons.length === 0 || (pin?.force === true && item.status !== 'planned');
    const counts = allowed && (item.status !== 'in-progress' || pass.includeInProgress);
    eligibleAll.push(counts);
    // An item kept out of the requirements (an overlap rule) may only fall through; so may a
    // nested program's item made of one: applying it would use that award up here.
    const placeable = counts && item.keptOut === undefined && !(item.components && holdsKeptOut(item));
    const pinAt = pin && placeable ? nodes.indexOf(pin.node) : -1;
    const pinned = pinAt >= 0 && (applicable?.[pinAt] ?? true) ? pinAt : -1;
    const isBundle = item.components !== undefined;
    // Lists made only when they get something: most items have no shared leaf, limit or component.
    let candidates: readonly number[] = NONE;
    let sharedCandidates: readonly number[] = NONE;
    let gradeBlock: string | undefined;
    // A pinned award goes to its leaf and nowhere else that uses it up; it still counts in the
    // shared overlays it matches, as any applied award does.
    if (placeable)
      for (const leaf of leavesPassed(tree, item.equivalents, item.facts, isBundle)) {
        if (closed[leaf] || (pinned >= 0 && !tree.shared[leaf]) || !hasValueFor(item, leaf)) continue;
        if (!gradePasses(tree, item.points, leaf)) gradeBlock ??= tree.minGrade[leaf];
        else if (tree.shared[leaf]) sharedCandidates = added(sharedCandidates, leaf);
        else candidates = added(candidates, leaf);
      }
    const programGradeOk = gradePasses(tree, item.points, -1);
    blockedAll.push(
      candidates.length + sharedCandidates.length > 0 || !counts
        ? undefined
        : (gradeBlock ?? (programGradeOk ? undefined : policy.minGrade)),
    );
    let components: readonly number[] = NONE;
    if (item.components) {
      if (!indexOfAward) {
        indexOfAward = new Map();
        for (let earlier = 0; earlier < index; earlier++) indexOfAward.set(items[earlier]!.awardId, earlier);
      }
      for (const id of item.components) {
        const component = indexOfAward.get(id);
        if (component === undefined || !eligibleAll[component]) continue;
        components = added(components, component);
        // The parts of a nested program are in the problem even when nothing else takes them.
        planned[component] ??= planItem(component, NONE, NONE, -1, false, NONE);
      }
    }
    const fallsThrough = counts && !isBundle && policy.totalCredits !== undefined && programGradeOk;
    // Keep only what can matter: candidates, pins, fall-through, and the parts of nested programs.
    planned.push(
      candidates.length + sharedCandidates.length > 0 || pinned >= 0 || fallsThrough
        ? planItem(index, candidates, sharedCandidates, pinned, fallsThrough, components)
        : undefined,
    );
  }
  const newIndex = new Array<number>(items.length).fill(-1);
  const plan = {
    items: [] as PlanItem[],
    credit: [] as CreditItem[],
    order: [] as number[],
    eligible: [] as boolean[],
    blockedByGrade: [] as (string | undefined)[],
  };
  const ignored: ProgramPlan['ignored'][number][] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const p = planned[index];
    if (!p) {
      if (!item.components)
        ignored.push({ item, eligible: eligibleAll[index]!, blockedByGrade: blockedAll[index], order: index });
      continue;
    }
    newIndex[index] = plan.items.length;
    plan.items.push(p.components.length > 0 ? { ...p, components: p.components.map((c) => newIndex[c]!) } : p);
    plan.credit.push(item);
    plan.order.push(index);
    plan.eligible.push(eligibleAll[index]!);
    plan.blockedByGrade.push(blockedAll[index]);
  }
  // Listed double counting: an item that may be applied under a sharing node gets a second
  // application for each listed node where some leaf takes it (SPEC section 4).
  const originals = plan.items.length;
  for (const pair of tree.shareWith)
    for (let index = 0; index < originals; index++) {
      const original = plan.items[index]!;
      const item = plan.credit[index]!;
      const leaves = original.pinned >= 0 ? [original.pinned] : original.candidates;
      // A nested program's item never double counts, even one made of no award (waived whole).
      if (item.components || !leaves.some((leaf) => leaf >= pair.from && leaf < pair.to)) continue;
      if (pair.where && !pair.where(item.facts)) continue;
      for (const target of pair.targets) {
        const candidates = leavesPassed(tree, item.equivalents, item.facts, false).filter(
          (leaf) =>
            leaf >= target.from &&
            leaf < target.to &&
            !closed[leaf] &&
            !tree.shared[leaf] &&
            hasValueFor(item, leaf) &&
            gradePasses(tree, item.points, leaf),
        );
        if (candidates.length === 0) continue;
        const keys = distinctLeaves ? distinctKeysOf(candidates, item) : undefined;
        const asserts = assertMatchesOf(item, candidates);
        plan.items.push({
          ticks: original.ticks,
          candidates,
          sharedCandidates: [],
          pinned: -1,
          distinctKeys: keys,
          asserts,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: original.inProgress,
          components: [],
          copyOf: index,
          within: { from: pair.from, to: pair.to },
        });
      }
    }
  const fixedGpa = policy.gpa?.over === 'all-graded' ? allGradedGpa(items, policy.gpa.min, ticks) : undefined;
  return {
    problem: {
      nodes: planNodes,
      items: plan.items,
      policies: fixedGpa ? { ...inUnit.policies, fixedGpa } : inUnit.policies,
      ...(inUnit.asserts.length > 0 ? { asserts: inUnit.asserts } : {}),
    },
    nodes,
    ...(applicable ? { applicable } : {}),
    items: plan.credit,
    ignored,
    order: plan.order,
    ticksPerCredit,
    eligible: plan.eligible,
    blockedByGrade: plan.blockedByGrade,
  };
}

/** The minimum GPA over the graded items an allocation applies, if the policy sets one. */
function appliedGpaMin(policy: Policy): number | undefined {
  return policy.minGpa ?? (policy.gpa?.over === 'applied' ? policy.gpa.min : undefined);
}

/**
 * The GPA over every graded award that may count in the program, failing grades (0 points)
 * included (`gpa.over: "all-graded"`): what the allocation applies does not change it. Undefined
 * with no graded credit, and then the check is met.
 */
function allGradedGpa(
  items: readonly CreditItem[],
  min: number,
  ticks: (credits: Rational) => number,
): { gpa: number | null; met: boolean } {
  let points = 0;
  let graded = 0;
  for (const item of items) {
    if (item.components || item.points === null || !item.reasons.every((r) => r.code === 'failing-grade')) continue;
    const weight = ticks(item.credits);
    points += item.points * weight;
    graded += weight;
  }
  const gpa = graded > 0 ? points / graded : null;
  return { gpa, met: gpa === null || gpa >= min - GPA_TOLERANCE };
}

/** Converts credits to integer ticks, `ticksPerCredit` to the credit. */
function ticksIn(ticksPerCredit: number) {
  return (value: Rational | number): number => {
    const amount = typeof value === 'number' ? rational(value) : value;
    if (amount.d === 1) return amount.n * ticksPerCredit;
    const exact = times(amount, { n: ticksPerCredit, d: 1 });
    return exact.n / exact.d;
  };
}

type Waivers = ProgramExceptions['waivers'];
/** What a plan takes from the program alone, in ticks: unwaived nodes and the policies. */
interface ProgramInTicks extends PlanNodes {
  readonly policies: PlanPolicies;
  readonly asserts: readonly PlanAssert[];
  /** The nodes for each pattern of applicable nodes met so far (`when`), without waivers. */
  readonly byApplicable: Map<string, PlanNodes>;
}

/** A program's nodes in the solver's terms, and which are closed (waived, not applicable, or under such a node). */
interface PlanNodes {
  readonly planNodes: PlanNode[];
  readonly closed: boolean[];
}

/** Patterns of applicable nodes kept per program and unit: learners fall into a few, but the memo stays bounded. */
const MAX_APPLICABLE_PATTERNS = 64;

/**
 * The program's nodes without waivers for the nodes that apply to a learner: memoised per
 * pattern (learners with the same declarations share one node list, and so its tree shape).
 */
function forApplicable(
  target: PreparedProgram,
  inUnit: ProgramInTicks,
  ticksPerCredit: number,
  applicable: readonly boolean[],
): PlanNodes {
  let pattern = '';
  for (let i = 0; i < applicable.length; i++) pattern += applicable[i] ? '1' : '0';
  let known = inUnit.byApplicable.get(pattern);
  if (!known) {
    known = buildPlanNodes(target, new Map(), ticksPerCredit, applicable);
    if (inUnit.byApplicable.size < MAX_APPLICABLE_PATTERNS) inUnit.byApplicable.set(pattern, known);
  }
  return known;
}
const programsInTicks = new WeakMap<PreparedProgram['tree'], Map<number, ProgramInTicks>>();

/** The program in the solver's terms at `ticksPerCredit`, without waivers: memoised (most audits waive nothing, and share them). */
function inTicks(target: PreparedProgram, ticksPerCredit: number): ProgramInTicks {
  let byTicks = programsInTicks.get(target.tree);
  if (!byTicks) programsInTicks.set(target.tree, (byTicks = new Map()));
  let known = byTicks.get(ticksPerCredit);
  if (!known) {
    const policy = target.program.policy ?? {};
    const ticks = ticksIn(ticksPerCredit);
    const policies: PlanPolicies = {
      ...(policy.totalCredits !== undefined ? { totalTicks: ticks(policy.totalCredits) } : {}),
      ...(policy.residency ? { residencyTicks: ticks(policy.residency.minCredits) } : {}),
      ...(appliedGpaMin(policy) !== undefined ? { minGpa: appliedGpaMin(policy)! } : {}),
      limitCaps: (policy.limits ?? []).map((l) => (l.maxCredits === undefined ? Infinity : ticks(l.maxCredits))),
      limitCountCaps: (policy.limits ?? []).map((l) => l.maxCount ?? Infinity),
    };
    const asserts = target.tree.asserts.map(
      (a): PlanAssert => ({
        owner: a.owner,
        to: a.to,
        nodes: a.nodes.map((n) => ({
          parent: n.parent,
          children: n.children,
          kind: n.kind,
          need: n.kind === 'leaf' && n.measure === 'credits' ? ticks(n.amount) : n.amount,
          measure: n.measure,
          atMost: n.atMost,
          distinct: n.distinct !== undefined,
        })),
      }),
    );
    byTicks.set(
      ticksPerCredit,
      (known = { ...buildPlanNodes(target, new Map(), ticksPerCredit), policies, asserts, byApplicable: new Map() }),
    );
  }
  return known;
}

/** The program's requirement nodes in the solver's terms, and which are closed (waived, or under a waived node). */
function buildPlanNodes(
  { tree }: PreparedProgram,
  waivers: Waivers,
  ticksPerCredit: number,
  applicable?: readonly boolean[],
): PlanNodes {
  const ticks = ticksIn(ticksPerCredit);
  const closed = new Array<boolean>(tree.nodes.length).fill(false);
  const planNodes: PlanNode[] = tree.nodes.map((node, index) => {
    const parent = tree.parents[index]!;
    const waiver = waivers.get(node);
    const applies = applicable?.[index] ?? true;
    // An exception on a node that does not apply to the learner has no effect.
    const whole = applies && waiver !== undefined && waiver.credits === undefined;
    // A node that does not apply takes nothing and is never met; its parent needs only the children that apply.
    closed[index] = whole || !applies || (parent >= 0 && closed[parent]!);
    const children = tree.children[index]!;
    const spec = tree.specs[index];
    const byCredits = spec?.measure === 'credits';
    const kind = kindModule(node);
    const applying = applicable ? children.filter((c) => applicable[c]).length : children.length;
    // A node that does not apply needs at least one thing it can never have, so it is never met.
    const floor = applies ? 0 : 1;
    const groupNeed = spec === undefined ? Math.max(floor, Math.min(kind.childrenNeeded(node)!, applying)) : 0;
    const leafNeed = byCredits ? Math.max(0, ticks(spec.amount) - ticks(waiver?.credits ?? 0)) : (spec?.amount ?? 0);
    return {
      parent,
      children,
      kind: kind.shape === 'all' && applying < children.length ? 'any' : kind.shape,
      need: spec === undefined ? groupNeed : Math.max(floor, leafNeed),
      measure: byCredits ? 'credits' : 'count',
      cap: node.maxCredits !== undefined ? ticks(node.maxCredits) : Infinity,
      maxCount: node.maxCount ?? Infinity,
      ...(spec?.distinct !== undefined ? { distinct: true } : {}),
      waived: whole,
      shared: tree.shared[index]!,
    };
  });
  return { planNodes, closed };
}

/** The leaves of the asserts over `leaves` that an item matches (grade included), with its distinct value there. */
function assertMatches(
  tree: ProgramTree,
  item: CreditItem,
  leaves: readonly number[],
  keyOf: (value: unknown) => number,
): AssertMatch[] | undefined {
  const found: AssertMatch[] = [];
  tree.asserts.forEach((compiled, assert) => {
    if (!leaves.some((leaf) => leaf >= compiled.owner && leaf < compiled.to)) return;
    compiled.nodes.forEach((node, leaf) => {
      if (node.kind !== 'leaf' || !node.where!(item.facts)) return;
      if (node.minPoints !== undefined && item.points !== null && item.points < node.minPoints) return;
      if (node.distinct === undefined) return void found.push({ assert, leaf });
      const value = ownValue(item.facts, node.distinct);
      // Without a value of the fact an item cannot count toward a distinct leaf.
      if (value !== undefined && value !== null) found.push({ assert, leaf, key: keyOf(value) });
    });
  });
  return found.length > 0 ? found : undefined;
}

/** Why an item counts nowhere, when the reason is not a cap: what an advisor reads in `unused`. */
export function reasonsNotCounted(
  item: CreditItem,
  eligible: boolean,
  blockedByGrade: string | undefined,
  hadCandidates: boolean,
): Reason[] {
  if (!eligible && item.reasons.length > 0) return [...item.reasons];
  if (item.keptOut) return [item.keptOut];
  if (!eligible) return [{ code: item.status === 'in-progress' ? 'in-progress-not-needed' : 'cannot-count' }];
  if (blockedByGrade) return [{ code: 'below-min-grade', grade: blockedByGrade }];
  if (hadCandidates) return [{ code: 'not-needed' }];
  return [{ code: 'no-matching-requirement' }];
}
