import { compareScores, type AllocationProblem, type Assignment, type PlanItem, type Score } from './allocation-problem.js';
import { evaluateAllocation, type Evaluation } from './evaluate-allocation.js';
import { treeShape } from './tree-shape.js';

/** The solver's bound on work: search nodes visited before it settles for its best so far. */
export const DEFAULT_STEP_BUDGET = 200_000;

export interface Solution {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
  /** False when the step budget ran out before the search could prove the best allocation. */
  readonly optimal: boolean;
  readonly steps: number;
}

/**
 * Finds an optimal allocation of items to requirement leaves (SPEC section 5): complete if any
 * allocation completes, else the most requirements met, then the most progress.
 *
 * Items that cannot affect one another are placed directly: an item with one candidate leaf
 * whose candidates all fit it, outside every limit and the GPA. The rest (the contested items)
 * go through a depth-first branch and bound. Its bound relaxes the problem by letting every
 * undecided item count in every leaf it could go to at once (ignoring capacities, limits and
 * GPA): no allocation below a search node can do better, so subtrees whose bound does not beat
 * the best allocation found are cut. Interchangeable items (same credits, candidates and
 * policy roles) are placed in non-decreasing leaf order, so their permutations are searched
 * once. Ties keep the first allocation found: items in their canonical order try leaves in tree
 * order, so the same transcript in any order gives the same allocation.
 */
export function solveAllocation(problem: AllocationProblem, budget = DEFAULT_STEP_BUDGET): Solution {
  const { nodes, items, policies } = problem;
  const shape = treeShape(nodes);
  const { count, kind, need, cap, byCount, waived, childStart, childList, leafList } = shape;
  const assignment: Assignment = filled(items.length, -1);
  const bundleValue = items.map((item) => (item.components.length > 0 ? bundleTicks(problem, item) : item.ticks));
  const leafValueOf = (item: number, leaf: number) => (byCount[leaf] ? 1 : bundleValue[item]!);

  const assignedValue = filled(count, 0);
  const potentialValue = filled(count, 0);
  const assignedCount = filled(count, 0);
  // The base items each item uses up: itself, or a nested program's components. Two items that
  // share a base item (a component and its program, two programs nesting the same one) exclude each other.
  const users = filled(items.length, 0);
  for (let index = 0; index < items.length; index++) {
    const { components } = items[index]!;
    if (components.length === 0) users[index]!++;
    else for (const b of components) users[b]!++;
  }
  const sharesBase = (index: number) => {
    const { components } = items[index]!;
    return components.length === 0 ? users[index]! > 1 : components.some((b) => users[b]! > 1);
  };
  const inUse = filled(items.length, 0);
  const free = (index: number) => {
    const { components } = items[index]!;
    return components.length === 0 ? inUse[index] === 0 : components.every((b) => inUse[b] === 0);
  };

  // Per leaf: value of pinned items, and a stack of the smallest value of the others placed so far.
  const pinnedValue = filled(count, 0);
  const smallest: number[][] = [];
  const smallestIn = (leaf: number) => {
    const stack = smallest[leaf];
    return stack && stack.length > 0 ? stack[stack.length - 1]! : Infinity;
  };
  const place = (index: number, leaf: number, sign: 1 | -1) => {
    const item = items[index]!;
    const value = leafValueOf(index, leaf);
    assignedValue[leaf]! += sign * value;
    assignedCount[leaf]! += sign;
    if (item.pinned === leaf) pinnedValue[leaf]! += sign * value;
    else if (sign === 1) (smallest[leaf] ??= []).push(Math.min(value, smallestIn(leaf)));
    else smallest[leaf]!.pop();
    if (item.components.length === 0) inUse[index]! += sign;
    else for (const b of item.components) inUse[b]! += sign;
    assignment[index] = sign === 1 ? leaf : -1;
  };

  for (let index = 0; index < items.length; index++) if (items[index]!.pinned >= 0) place(index, items[index]!.pinned, 1);
  // A leaf is contested when the items that could go to it do not all fit.
  const contestedLeaf = new Set<number>();
  const candidateCount = filled(count, 0);
  const candidateTotal = filled(count, 0);
  const candidateSmallest = filled(count, Infinity);
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.pinned >= 0) continue;
    for (const leaf of item.candidates) {
      const value = leafValueOf(index, leaf);
      candidateCount[leaf]!++;
      candidateTotal[leaf]! += value;
      candidateSmallest[leaf] = Math.min(candidateSmallest[leaf]!, value);
    }
  }
  for (const leaf of leafList) {
    if (candidateCount[leaf] === 0) continue;
    const fits = byCount[leaf] ? candidateCount[leaf]! + assignedCount[leaf]! <= need[leaf]! : candidateTotal[leaf]! + assignedValue[leaf]! - candidateSmallest[leaf]! < need[leaf]!;
    if (!fits) contestedLeaf.add(leaf);
  }
  // An item with grade points at or above the minimum GPA can never pull the GPA below it.
  const interacts = (item: PlanItem, index: number) =>
    item.limits.length > 0 || (policies.minGpa !== undefined && item.points !== null && item.points < policies.minGpa) || sharesBase(index);
  // Under a cap, applying an item can count for less than letting it fall through: decide those by search.
  const contested: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.pinned >= 0 || item.candidates.length === 0) continue;
    const only = item.candidates[0]!;
    if (item.candidates.length === 1 && !contestedLeaf.has(only) && !shape.underCap[only] && !interacts(item, index)) place(index, only, 1);
    else contested.push(index);
  }
  if (contested.length === 0) return { assignment, evaluation: evaluateAllocation(problem, assignment), optimal: true, steps: 1 };
  contested.sort((a, b) => items[a]!.candidates.length - items[b]!.candidates.length || a - b);
  for (const index of contested) for (const leaf of items[index]!.candidates) potentialValue[leaf]! += leafValueOf(index, leaf);

  const gpaAtRisk = policies.minGpa !== undefined && items.some((item) => item.points !== null && item.points < policies.minGpa!);
  // Interchangeable contested items: each remembers the previous one of its kind.
  const previousTwin = filled(contested.length, -1);
  const lastOfKind = new Map<string, number>();
  contested.forEach((index, k) => {
    const item = items[index]!;
    // Limits spend their budget in item order, so items under a limit are never interchangeable.
    if (item.limits.length > 0 || sharesBase(index)) return;
    // An item that falls through counts toward totals, residency and the GPA whether it is applied
    // or not, so its grade and residency tell it apart from another only when it does not fall
    // through (and its grade only when some grade could pull the GPA under its minimum).
    const own = item.fallsThrough ? 'falls-through' : `${gpaAtRisk ? item.points : '-'}|${item.resident}`;
    const key = `${item.ticks}|${item.candidates.join(',')}|${item.sharedCandidates.join(',')}|${item.inProgress}|${own}`;
    const previous = lastOfKind.get(key);
    if (previous !== undefined) previousTwin[k] = previous;
    lastOfKind.set(key, k);
  });
  /** A leaf takes an item only if every item in it stays needed: without its smallest item it would be unmet. */
  const hasRoom = (leaf: number, value: number) =>
    byCount[leaf] ? assignedCount[leaf]! + 1 <= need[leaf]! : assignedValue[leaf]! + value - Math.min(value, smallestIn(leaf)) < need[leaf]!;
  const rank = (k: number) => {
    const leaf = assignment[contested[k]!]!;
    const candidates = items[contested[k]!]!.candidates;
    return leaf < 0 ? candidates.length : candidates.indexOf(leaf);
  };

  // Constant bounds of the policies: every item counted in full.
  let totalBound = 0;
  let residencyBound = 0;
  for (const item of items) {
    if (item.components.length > 0) continue;
    totalBound += item.ticks;
    if (item.resident) residencyBound += item.ticks;
  }
  const policyBound = {
    met: Number(policies.totalTicks === undefined || totalBound >= policies.totalTicks) + Number(policies.residencyTicks === undefined || residencyBound >= policies.residencyTicks) + 1,
    progress: (policies.totalTicks ? Math.min(1, totalBound / policies.totalTicks) : 1) + (policies.residencyTicks ? Math.min(1, residencyBound / policies.residencyTicks) : 1),
  };
  const sharedValue = filled(count, 0);
  for (let index = 0; index < items.length; index++) for (const leaf of items[index]!.sharedCandidates) sharedValue[leaf]! += leafValueOf(index, leaf);

  // Per undecided suffix of the contested items: the most one item can add to a leaf's value, and
  // the most progress the remaining items can add at all (each goes to one leaf only).
  const suffixMaxValue = filled(contested.length + 1, 0);
  const suffixGain = filled(contested.length + 1, 0);
  for (let k = contested.length - 1; k >= 0; k--) {
    const index = contested[k]!;
    let gain = 0;
    let most = 0;
    for (const leaf of items[index]!.candidates) {
      const value = leafValueOf(index, leaf);
      most = Math.max(most, value);
      gain = Math.max(gain, need[leaf]! > 0 ? Math.min(1, Math.min(cap[leaf]!, value) / need[leaf]!) : 0);
    }
    suffixMaxValue[k] = Math.max(most, suffixMaxValue[k + 1]!);
    suffixGain[k] = suffixGain[k + 1]! + gain;
  }

  /**
   * An upper bound on the score of any allocation that completes the current one (items from
   * position k on undecided). Three relaxations, each valid, the tightest kept: every undecided
   * item in every leaf it could go to; each leaf met needs at least so many more items, and only
   * so many are left; each undecided item adds progress to one leaf at most.
   */
  const boundMet = filled(count, 0);
  const itemsNeeded: number[] = [];
  const upperBound = (k: number): Score => {
    let relaxedProgress = 0;
    let assignedProgress = 0;
    let leavesMet = 0;
    for (let j = 0; j < leafList.length; j++) {
      const leaf = leafList[j]!;
      const shared = sharedValue[leaf]!;
      let relaxed = assignedValue[leaf]! + potentialValue[leaf]! + shared;
      let now = assignedValue[leaf]! + shared;
      if (!byCount[leaf]) {
        relaxed = Math.min(cap[leaf]!, relaxed);
        now = Math.min(cap[leaf]!, now);
      }
      const target = need[leaf]!;
      const full = waived[leaf] === 1 || target === 0;
      boundMet[leaf] = full || relaxed >= target ? 1 : 0;
      relaxedProgress += full ? 1 : Math.min(1, relaxed / target);
      assignedProgress += full ? 1 : Math.min(1, now / target);
      if (full || now >= target) leavesMet++;
    }
    let internalMet = 0;
    for (let i = count - 1; i >= 0; i--) {
      const type = kind[i]!;
      if (type === 0) continue;
      let metChildren = 0;
      for (let c = childStart[i]!; c < childStart[i + 1]!; c++) metChildren += boundMet[childList[c]!]!;
      const met = waived[i] === 1 || (type === 1 ? metChildren === childStart[i + 1]! - childStart[i]! : metChildren >= need[i]!);
      boundMet[i] = met ? 1 : 0;
      if (met) internalMet++;
    }
    itemsNeeded.length = 0;
    for (let j = 0; j < leafList.length; j++) {
      const leaf = leafList[j]!;
      if (!boundMet[leaf] || waived[leaf]) continue;
      const now = byCount[leaf] ? assignedValue[leaf]! + sharedValue[leaf]! : Math.min(cap[leaf]!, assignedValue[leaf]! + sharedValue[leaf]!);
      if (now >= need[leaf]!) continue;
      itemsNeeded.push(byCount[leaf] ? need[leaf]! - now : Math.ceil((need[leaf]! - now) / suffixMaxValue[k]!));
    }
    let left = contested.length - k;
    if (itemsNeeded.length > 1) itemsNeeded.sort((a, b) => a - b);
    for (const needed of itemsNeeded) {
      if (needed > left) break;
      left -= needed;
      leavesMet++;
    }
    const metCount = internalMet + leavesMet;
    const progress = Math.min(relaxedProgress, assignedProgress + suffixGain[k]!);
    return boundMet[0] && policyBound.met === 3 ? [1, 0, 0, 0] : [0, metCount + policyBound.met, metCount, progress + policyBound.progress];
  };

  let best: { assignment: Assignment; evaluation: Evaluation } | undefined;
  let steps = 0;
  let exhausted = false;
  const ceiling = upperBound(0);
  const consider = () => {
    const evaluation = evaluateAllocation(problem, assignment);
    if (!best || compareScores(evaluation.score, best.evaluation.score) > 0) best = { assignment: assignment.slice(), evaluation };
  };
  const done = () => exhausted || (best !== undefined && (best.evaluation.complete || compareScores(best.evaluation.score, ceiling) >= 0));

  const search = (k: number): void => {
    if (done()) return;
    if (++steps > budget) {
      exhausted = true;
      return;
    }
    if (k === contested.length) return consider();
    if (best && compareScores(upperBound(k), best.evaluation.score) <= 0) return;
    const index = contested[k]!;
    const { candidates } = items[index]!;
    for (const leaf of candidates) potentialValue[leaf]! -= leafValueOf(index, leaf);
    const floor = previousTwin[k]! >= 0 ? rank(previousTwin[k]!) : 0;
    for (let position = floor; position < candidates.length; position++) {
      if (!free(index) || done()) break;
      const leaf = candidates[position]!;
      if (!hasRoom(leaf, leafValueOf(index, leaf))) continue;
      place(index, leaf, 1);
      search(k + 1);
      place(index, leaf, -1);
    }
    search(k + 1);
    for (const leaf of candidates) potentialValue[leaf]! += leafValueOf(index, leaf);
  };
  search(0);
  if (!best) consider();
  return { assignment: best!.assignment, evaluation: best!.evaluation, optimal: !exhausted, steps };
}

function bundleTicks(problem: AllocationProblem, item: PlanItem): number {
  return item.components.reduce((sum, c) => sum + problem.items[c]!.ticks, 0);
}

/** A plain array of `length` copies of `value`: for the few dozen entries a solve needs, far cheaper to make than a typed array. */
function filled(length: number, value: number): number[] {
  return new Array<number>(length).fill(value);
}
