import { evaluateAsserts, type AssertOutcome, type AssertsEvaluation } from './evaluate-asserts.js';
import { treeShape } from './tree-shape.js';
import {
  appliedTwice,
  GPA_TOLERANCE,
  type AllocationProblem,
  type Assignment,
  type PlanNode,
  type Score,
} from './allocation-problem.js';

/** Everything an allocation achieves: what the result tree and the policies show. */
export interface Evaluation {
  readonly score: Score;
  readonly complete: boolean;
  /**
   * Every item applied to a leaf (pinned ones aside) is needed there, in what it counts after
   * limits: it counts at all, and without it the leaf would be unmet (README). The solver keeps
   * only such allocations; the result of one that is not says nothing.
   */
  readonly everyItemNeeded: boolean;
  /** The last applied item (in item order, pins aside) that is not needed; -1 when every one is. */
  readonly lastUnneeded: number;
  /** Per node: met (counting in-progress work), met by finished work only, and credits counted. */
  readonly met: readonly boolean[];
  readonly metFinished: readonly boolean[];
  readonly credits: readonly number[];
  /** Per leaf node: items counted, and progress in [0, 1]. */
  readonly have: readonly number[];
  readonly progress: readonly number[];
  /** Per item: whether it counts where it is applied (not clipped to zero, not past a count cap). */
  readonly counting: readonly boolean[];
  /** Per item: ticks it counts after limits (0 when it counts nowhere). */
  readonly counted: readonly number[];
  /** Per item: used up by a requirement (or inside an applied nested program). */
  readonly consumed: readonly boolean[];
  /** Per item: counts toward totals without a requirement. */
  readonly fallThrough: readonly boolean[];
  /** Per assert of the problem: what it finds among the items its node counts. */
  readonly asserts: readonly AssertOutcome[];
  /** Per shared leaf: the items it shows. */
  readonly sharedApplied: ReadonlyMap<number, readonly number[]>;
  readonly totals: { readonly ticks: number; readonly residencyTicks: number; readonly gpa: number | null };
  readonly policiesMet: { readonly total: boolean; readonly residency: boolean; readonly gpa: boolean };
}

/** Rolls leaf values up the tree: which nodes are met and how many ticks each counts. */
export function rollUp(
  nodes: readonly PlanNode[],
  leafValue: (leaf: number) => number,
  leafTicks: (leaf: number) => number,
  assertMet: (node: number) => boolean = () => true,
) {
  const met = new Array<boolean>(nodes.length).fill(false);
  const credits = new Array<number>(nodes.length).fill(0);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.kind === 'leaf') {
      met[i] = node.waived || (leafValue(i) >= node.need && assertMet(i));
      credits[i] = Math.min(node.cap, leafTicks(i));
      continue;
    }
    let metChildren = 0;
    let sum = 0;
    for (const child of node.children) {
      if (met[child]) metChildren++;
      sum += credits[child]!;
    }
    met[i] =
      node.waived ||
      ((node.kind === 'all' ? metChildren === node.children.length : metChildren >= node.need) && assertMet(i));
    credits[i] = Math.min(node.cap, sum);
  }
  return { met, credits };
}

/** Evaluates one allocation exactly: caps, limits, fall-through, residency, GPA and the score. */
export function evaluateAllocation(problem: AllocationProblem, assignment: Assignment): Evaluation {
  return evaluateApplied(problem, assignment, appliedCounts(problem, assignment));
}

/**
 * The first stage of an evaluation: what each item applied counts after limits and count rules,
 * what each leaf has, the asserts, and whether every item is needed ({@link AppliedCounts.lastUnneeded}).
 * A clean-up reads only that; {@link evaluateApplied} finishes the evaluation (once: it goes on
 * spending the limits in these arrays).
 */
export interface AppliedCounts {
  /** The last applied item (in item order, pins aside) that is not needed; -1 when every one is. */
  readonly lastUnneeded: number;
  readonly consumed: boolean[];
  /** Items applied to each leaf, in item order: a linked list per leaf (first item, next item). */
  readonly firstAt: number[];
  readonly next: number[];
  /** Items that count nowhere (past a count rule, or a second application outside its sharing node). */
  readonly excluded: boolean[];
  /** Items a limit's maxCount (or its credits, to zero) keeps from counting. */
  readonly blocked: boolean[];
  readonly counted: number[];
  /** What is left of each limit: credits and items. */
  readonly budget: number[];
  readonly countBudget: number[];
  readonly leafTicks: number[];
  readonly leafTicksFinished: number[];
  readonly leafCount: number[];
  readonly leafCountFinished: number[];
  /** Listed double counting: where each item is at home (see {@link homes}). */
  readonly home: readonly number[] | undefined;
  readonly asserts: AssertsEvaluation | undefined;
}

/** Spends the limits on an item, in the order items come: what it counts after them. */
function spend(items: AllocationProblem['items'], applied: AppliedCounts, item: number): number {
  const { budget, countBudget } = applied;
  const { ticks, limits } = items[item]!;
  let open = true;
  for (const limit of limits) if (countBudget[limit]! <= 0) open = false;
  let allowed = open ? ticks : 0;
  for (const limit of limits) allowed = Math.min(allowed, budget[limit]!);
  if (open && (allowed > 0 || ticks === 0)) for (const limit of limits) countBudget[limit]! -= 1;
  else applied.blocked[item] = true;
  for (const limit of limits) budget[limit]! -= allowed;
  return (applied.counted[item] = allowed);
}

/** Whether an item counts: an item clipped to zero counts nowhere (SPEC section 4), not toward a count either. */
function countsAt(items: AllocationProblem['items'], applied: AppliedCounts, item: number): boolean {
  if (applied.excluded[item]) return false;
  const { components, ticks } = items[item]!;
  return components.length > 0 || (!applied.blocked[item] && (ticks === 0 || applied.counted[item]! > 0));
}

/** The first stage of evaluating an allocation (see {@link AppliedCounts}). */
export function appliedCounts(problem: AllocationProblem, assignment: Assignment): AppliedCounts {
  const { nodes, items, policies } = problem;
  const consumed = new Array<boolean>(items.length).fill(false);
  // Items applied to each leaf, in item order: a linked list per leaf (first item, next item). A
  // second application takes its original's place in that order (it spends the limits there
  // when that leaf is its home), not the end of the problem where it is listed.
  const firstAt = new Array<number>(nodes.length).fill(-1);
  const next = new Array<number>(items.length).fill(-1);
  const order = itemOrder(items);
  for (let k = items.length - 1; k >= 0; k--) {
    const item = order ? order[k]! : k;
    const leaf = assignment[item]!;
    if (leaf < 0) continue;
    // A second application (listed double counting) uses nothing up: its original does.
    if (items[item]!.copyOf === undefined) consumed[item] = true;
    for (const component of items[item]!.components) consumed[component] = true;
    next[item] = firstAt[leaf]!;
    firstAt[leaf] = item;
  }
  const excluded = new Array<boolean>(items.length).fill(false);
  // Listed double counting: an item applied twice has its home at the first of its places in
  // tree order (it spends the limits and counts toward the total there, once).
  const copies = items.length > 0 && items[items.length - 1]!.copyOf !== undefined;
  const applied: { -readonly [K in keyof AppliedCounts]: AppliedCounts[K] } = {
    lastUnneeded: -1,
    consumed,
    firstAt,
    next,
    excluded,
    blocked: new Array<boolean>(items.length).fill(false),
    counted: new Array<number>(items.length).fill(0),
    // Limits: budgets are spent by applied items in tree order, then by fall-through items.
    budget: [...policies.limitCaps],
    countBudget: [...policies.limitCountCaps],
    leafTicks: new Array<number>(nodes.length).fill(0),
    leafTicksFinished: new Array<number>(nodes.length).fill(0),
    leafCount: new Array<number>(nodes.length).fill(0),
    leafCountFinished: new Array<number>(nodes.length).fill(0),
    home: copies ? homes(items, assignment, excluded) : undefined,
    asserts: undefined,
  };
  const { counted, blocked, home, leafTicks, leafTicksFinished, leafCount, leafCountFinished } = applied;
  // Finished work spends the limits before work in progress does (in tree order each time), so
  // work in progress never takes a cap's room from completed work: counting it can only help.
  for (const inProgressNow of [false, true])
    for (let leaf = 0; leaf < nodes.length; leaf++)
      for (let item = firstAt[leaf]!; item >= 0; item = next[item]!) {
        const base = items[item]!.copyOf ?? item;
        if (home && home[base] !== leaf) continue;
        const { components } = items[base]!;
        if (components.length === 0) {
          if (items[base]!.inProgress === inProgressNow) spend(items, applied, base);
        } else for (const c of components) if (items[c]!.inProgress === inProgressNow) spend(items, applied, c);
      }
  // A second application counts what its original counts after limits.
  if (copies)
    for (let item = 0; item < items.length; item++) {
      const { copyOf } = items[item]!;
      if (copyOf === undefined || assignment[item]! < 0) continue;
      counted[item] = counted[copyOf]!;
      blocked[item] = blocked[copyOf]!;
    }
  // Node maxCounts and distinct leaves: past a maxCount, or repeating a value a distinct leaf
  // already counts (pins first, then in tree order, finished work first), an item that counts
  // after the limits counts nothing there.
  if (treeShape(nodes).countRules) {
    const under = new Array<number>(nodes.length).fill(0);
    // With second applications: the nodes each item applied twice already takes a slot under.
    const marks = copies ? new Map<number, Set<number>>() : undefined;
    const twice = copies ? appliedTwice(items) : undefined;
    // Distinct leaves: the values counted so far; an item repeating one counts nothing there.
    const seen = new Map<number, Set<number>>();
    const { item: inOrder, leaf: leafOf } = countRuleOrder(items, nodes.length, firstAt, next);
    for (let k = 0; k < inOrder.length; k++) {
      const item = inOrder[k]!;
      const leaf = leafOf[k]!;
      const { copyOf } = items[item]!;
      if (copyOf !== undefined && excluded[copyOf]) excluded[item] = true;
      if (!countsAt(items, applied, item)) continue;
      // An item applied twice takes one slot under a node above both of its places.
      const base = copyOf ?? item;
      const slots = twice?.[base] ? (marks!.get(base) ?? marks!.set(base, new Set()).get(base)!) : undefined;
      let full = false;
      for (let n = leaf; n >= 0 && !full; n = nodes[n]!.parent)
        if (!slots?.has(n)) full = under[n]! >= nodes[n]!.maxCount;
      const key = nodes[leaf]!.distinct ? items[item]!.distinctKeys?.get(leaf) : undefined;
      if (key !== undefined) {
        const values = seen.get(leaf) ?? seen.set(leaf, new Set()).get(leaf)!;
        if (values.has(key)) full = true;
        else if (!full) values.add(key);
      }
      if (full) {
        excluded[item] = true;
        counted[item] = 0;
      } else
        for (let n = leaf; n >= 0; n = nodes[n]!.parent)
          if (!slots?.has(n)) {
            under[n]!++;
            slots?.add(n);
          }
    }
  }
  for (let leaf = 0; leaf < nodes.length; leaf++) {
    for (let item = firstAt[leaf]!; item >= 0; item = next[item]!) {
      const { components, inProgress } = items[item]!;
      if (components.length > 0 && !excluded[item]) counted[item] = components.reduce((sum, c) => sum + counted[c]!, 0);
      const ticks = counted[item]!;
      const one = countsAt(items, applied, item) ? 1 : 0;
      leafTicks[leaf]! += ticks;
      leafCount[leaf]! += one;
      if (!inProgress) {
        leafTicksFinished[leaf]! += ticks;
        leafCountFinished[leaf]! += one;
      }
    }
  }
  const asserts = problem.asserts
    ? evaluateAsserts(problem.asserts, items, assignment, (item) => countsAt(items, applied, item), counted)
    : undefined;
  applied.asserts = asserts;
  // The last applied item (pins aside) that is not needed, or -1.
  for (let item = items.length - 1; item >= 0 && applied.lastUnneeded < 0; item--) {
    const leaf = assignment[item]!;
    if (leaf < 0 || items[item]!.pinned === leaf) continue;
    const byCount = nodes[leaf]!.measure === 'count';
    const without = byCount ? leafCount[leaf]! - 1 : leafTicks[leaf]! - counted[item]!;
    if (!(countsAt(items, applied, item) && (without < nodes[leaf]!.need || asserts?.neededByAssert(item) === true)))
      applied.lastUnneeded = item;
  }
  return applied;
}

/** The second stage of an evaluation: fall-through, shared leaves, the tree, the policies and the score. */
export function evaluateApplied(
  problem: AllocationProblem,
  assignment: Assignment,
  applied: AppliedCounts,
): Evaluation {
  const { nodes, items, policies } = problem;
  const { consumed, counted, leafTicks, leafTicksFinished, leafCount, leafCountFinished, home, asserts, lastUnneeded } =
    applied;
  const countsAtItem = (item: number) => countsAt(items, applied, item);
  const everyItemNeeded = lastUnneeded < 0;
  // Then the other items that count in the program, in item order: fall-through, and those only
  // in shared overlays (a limit clips an item anywhere in the program, overlays included).
  const fallThrough = new Array<boolean>(items.length).fill(false);
  for (const inProgressNow of [false, true])
    for (let item = 0; item < items.length; item++) {
      const { fallsThrough, sharedCandidates, components, inProgress } = items[item]!;
      if (inProgress !== inProgressNow || consumed[item] || components.length > 0) continue;
      if (!(fallsThrough || sharedCandidates.length > 0)) continue;
      fallThrough[item] = fallsThrough;
      spend(items, applied, item);
    }

  // Shared leaves take matching items in item order until met, each for what the limits leave of
  // it (an item clipped to zero counts nowhere); they use nothing up.
  const sharedApplied = new Map<number, number[]>();
  const ticksOf = (index: number) => (items[index]!.components.length > 0 ? items[index]!.ticks : counted[index]!);
  // A distinct shared leaf takes, of each value, the item counting the most (the first of those).
  const bestOfValue = new Map<number, Map<number, number>>();
  items.forEach((item, index) => {
    if (!countsAtItem(index) || !item.distinctKeys) return;
    for (const leaf of item.sharedCandidates) {
      const key = nodes[leaf]!.distinct ? item.distinctKeys.get(leaf) : undefined;
      if (key === undefined) continue;
      const best = bestOfValue.get(leaf) ?? bestOfValue.set(leaf, new Map()).get(leaf)!;
      const held = best.get(key);
      if (held === undefined || ticksOf(index) > ticksOf(held)) best.set(key, index);
    }
  });
  items.forEach((item, index) => {
    const ticks = ticksOf(index);
    if (!countsAtItem(index)) return;
    for (const leaf of item.sharedCandidates) {
      const node = nodes[leaf]!;
      const key = node.distinct ? item.distinctKeys?.get(leaf) : undefined;
      if (node.distinct && (key === undefined || bestOfValue.get(leaf)?.get(key) !== index)) continue;
      const value = node.measure === 'count' ? leafCount[leaf]! : leafTicks[leaf]!;
      if (value >= node.need) continue;
      const taken = sharedApplied.get(leaf);
      if (taken) taken.push(index);
      else sharedApplied.set(leaf, [index]);
      leafTicks[leaf]! += ticks;
      leafCount[leaf]! += 1;
      if (!item.inProgress) {
        leafTicksFinished[leaf]! += ticks;
        leafCountFinished[leaf]! += 1;
      }
    }
  });

  const value = (counts: number[], ticks: number[]) => (leaf: number) =>
    nodes[leaf]!.measure === 'count' ? counts[leaf]! : Math.min(nodes[leaf]!.cap, ticks[leaf]!);
  const haveOf = value(leafCount, leafTicks);
  const assertAt = new Map<number, AssertOutcome>();
  asserts?.outcomes.forEach((outcome, index) => assertAt.set(problem.asserts![index]!.owner, outcome));
  const metAsserts = (node: number) => assertAt.get(node)?.met[0] ?? true;
  const metAssertsFinished = (node: number) => assertAt.get(node)?.metFinished[0] ?? true;
  // Shared leaves count toward nothing above them: their items count where they are used up, or fall through.
  const all = rollUp(nodes, haveOf, (leaf) => (nodes[leaf]!.shared ? 0 : leafTicks[leaf]!), metAsserts);
  const finished = rollUp(
    nodes,
    value(leafCountFinished, leafTicksFinished),
    (leaf) => (nodes[leaf]!.shared ? 0 : leafTicksFinished[leaf]!),
    metAssertsFinished,
  );
  const have = new Array<number>(nodes.length);
  const progress = new Array<number>(nodes.length);
  // Requirements met and progress count every node but those under a whole waiver: the waiver
  // meets that node, so what is under it (met by a pin, or not) is no requirement of its own.
  const { underWaiver } = treeShape(nodes);
  let progressSum = 0;
  let metCount = 0;
  let metFinishedCount = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    have[i] = haveOf(i);
    progress[i] = node.kind !== 'leaf' ? 0 : node.waived || node.need === 0 ? 1 : Math.min(1, have[i]! / node.need);
    if (underWaiver[i] === 1) continue;
    progressSum += progress[i]!;
    if (all.met[i]) metCount++;
    if (finished.met[i]) metFinishedCount++;
  }

  // Toward the total an item counts once, at home.
  let totalTicks = home
    ? rollUp(nodes, haveOf, homeTicks(nodes, items, assignment, counted, countsAtItem, home)).credits[0]!
    : all.credits[0]!;
  let residencyTicks = 0;
  let points = 0;
  let graded = 0;
  items.forEach((item, index) => {
    if (fallThrough[index]) totalTicks += counted[index]!;
    if (!(consumed[index] || fallThrough[index]) || item.components.length > 0) return;
    if (item.resident) residencyTicks += counted[index]!;
    // An item a limit clips to zero counts nowhere, not in the GPA either.
    if (item.points !== null && item.ticks > 0 && countsAtItem(index)) {
      points += item.points * item.ticks;
      graded += item.ticks;
    }
  });
  const gpa = policies.fixedGpa ? policies.fixedGpa.gpa : graded > 0 ? points / graded : null;
  const policiesMet = {
    total: policies.totalTicks === undefined || totalTicks >= policies.totalTicks,
    residency: policies.residencyTicks === undefined || residencyTicks >= policies.residencyTicks,
    gpa: policies.fixedGpa
      ? policies.fixedGpa.met
      : policies.minGpa === undefined || gpa === null || gpa >= policies.minGpa - GPA_TOLERANCE,
  };
  const policyCount = Number(policiesMet.total) + Number(policiesMet.residency) + Number(policiesMet.gpa);
  const policyProgress =
    (policies.totalTicks ? Math.min(1, totalTicks / policies.totalTicks) : 1) +
    (policies.residencyTicks ? Math.min(1, residencyTicks / policies.residencyTicks) : 1);
  const complete = all.met[0]! && policyCount === 3;
  // Any complete allocation is as good as another (SPEC section 5): only incomplete ones are ranked further.
  const score: Score = complete
    ? [1, 0, 0, 0]
    : [0, metCount + policyCount, metFinishedCount, progressSum + policyProgress];
  return {
    score,
    complete,
    everyItemNeeded,
    lastUnneeded,
    met: all.met,
    metFinished: finished.met,
    credits: all.credits,
    have,
    progress,
    counted,
    counting: items.map((_, item) => countsAtItem(item)),
    asserts: asserts?.outcomes ?? [],
    consumed,
    fallThrough,
    sharedApplied,
    totals: { ticks: totalTicks, residencyTicks, gpa },
    policiesMet,
  };
}

/** Each problem's items in the order of their originals (second applications beside theirs), when it has any. */
const ordersOfItems = new WeakMap<AllocationProblem['items'], readonly number[]>();

/**
 * The items in the order of the items they apply (a second application right after its
 * original), for a problem with listed double counting; undefined otherwise (item order).
 */
function itemOrder(items: AllocationProblem['items']): readonly number[] | undefined {
  if (items.length === 0 || items[items.length - 1]!.copyOf === undefined) return undefined;
  let order = ordersOfItems.get(items);
  if (!order) {
    const base = (k: number) => items[k]!.copyOf ?? k;
    order = items.map((_, k) => k).sort((a, b) => base(a) - base(b) || a - b);
    ordersOfItems.set(items, order);
  }
  return order;
}

/**
 * Where each item applied twice (listed double counting) is at home: the first of its places in
 * tree order, a second application counting only while its original is under the sharing node
 * (one that is not is marked excluded: it counts nowhere). Other items are at home where applied.
 */
function homes(items: AllocationProblem['items'], assignment: Assignment, excluded: boolean[]): number[] {
  const home = assignment.slice();
  for (let item = 0; item < items.length; item++) {
    const { copyOf, within } = items[item]!;
    const leaf = assignment[item]!;
    if (copyOf === undefined || leaf < 0) continue;
    const at = assignment[copyOf]!;
    if (at < within!.from || at >= within!.to) excluded[item] = true;
    else home[copyOf] = Math.min(home[copyOf]!, leaf);
  }
  return home;
}

/** Ticks each leaf passes up toward the total: items at home there (an item applied twice counts once). */
function homeTicks(
  nodes: readonly PlanNode[],
  items: AllocationProblem['items'],
  assignment: Assignment,
  counted: readonly number[],
  countsAt: (item: number) => boolean,
  home: readonly number[],
) {
  const ticks = new Array<number>(nodes.length).fill(0);
  for (let item = 0; item < items.length; item++) {
    const leaf = assignment[item]!;
    if (leaf >= 0 && home[items[item]!.copyOf ?? item] === leaf && countsAt(item) && !nodes[leaf]!.shared)
      ticks[leaf]! += counted[item]!;
  }
  return (leaf: number) => ticks[leaf]!;
}

/** Items and their leaves in the order count rules take them (see {@link countRuleOrder}); reused by every evaluation. */
const ruleOrder = { item: [] as number[], leaf: [] as number[] };
/** Per group of that order: where its entries start (scratch, reused). */
const groupStart: number[] = [];

/**
 * The applied items in the order node maxCounts and distinct leaves take them: pins first (an
 * exception places its award whatever the capacity), then the others, then second applications
 * (listed double counting), which count only where their originals do; in each, finished work
 * before work in progress, and then tree order (leaves in order, each leaf's items in item
 * order). A second application is never pinned. Filled in two passes over the leaves' lists
 * (a counting sort) into arrays every evaluation reuses: an evaluation never runs inside another.
 */
function countRuleOrder(
  items: AllocationProblem['items'],
  leaves: number,
  firstAt: readonly number[],
  next: readonly number[],
): { readonly item: readonly number[]; readonly leaf: readonly number[] } {
  const group = (item: number, leaf: number) => {
    const { pinned, inProgress, copyOf } = items[item]!;
    if (pinned === leaf) return copyOf === undefined ? (inProgress ? 1 : 0) : -1;
    return (copyOf === undefined ? 2 : 4) + (inProgress ? 1 : 0);
  };
  groupStart.length = 0;
  for (let g = 0; g <= 6; g++) groupStart.push(0);
  for (let leaf = 0; leaf < leaves; leaf++)
    for (let item = firstAt[leaf]!; item >= 0; item = next[item]!) {
      const g = group(item, leaf);
      if (g >= 0) groupStart[g + 1]!++;
    }
  for (let g = 1; g <= 6; g++) groupStart[g]! += groupStart[g - 1]!;
  const { item: inOrder, leaf: leafOf } = ruleOrder;
  inOrder.length = leafOf.length = groupStart[6]!;
  for (let leaf = 0; leaf < leaves; leaf++)
    for (let item = firstAt[leaf]!; item >= 0; item = next[item]!) {
      const g = group(item, leaf);
      if (g < 0) continue;
      const at = groupStart[g]!++;
      inOrder[at] = item;
      leafOf[at] = leaf;
    }
  return ruleOrder;
}
