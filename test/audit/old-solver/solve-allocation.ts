import {
  compareScores,
  SCORE_TOLERANCE,
  type AllocationProblem,
  type Assignment,
  type PlanItem,
  type Score,
} from '../../../src/audit/allocation-problem.js';
import { evaluateAllocation, type Evaluation } from '../../../src/audit/evaluate-allocation.js';
import { leafMet, progressWithin, requirementsWithin, type BoundScratch } from './leaf-bounds.js';
import { treeShape } from './tree-shape.js';

/**
 * The solver's bound on work, in steps: one step for each node or item an evaluation or a bound
 * visits, each candidate the first fit or the search tries. Past it the solver settles for its
 * best so far, so its time is linear in the problem's size plus the budget, whatever the catalog.
 */
export const DEFAULT_STEP_BUDGET = 20_000_000;

export interface Solution {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
  /** False when the step budget ran out before the search could prove the best allocation. */
  readonly optimal: boolean;
  /** The work done, in steps ({@link DEFAULT_STEP_BUDGET}): about the problem's size when no search is needed. */
  readonly steps: number;
}

/**
 * Finds an optimal allocation of items to requirement leaves (SPEC section 5): complete if any
 * allocation completes, else the most requirements met, then the most progress.
 *
 * Items that cannot affect one another are placed directly: an item with one candidate leaf
 * whose candidates all fit it, outside every limit and the GPA. The rest (the contested items)
 * go through a depth-first branch and bound, starting from a first-fit allocation (which ends
 * the search when it completes the program). Its bound relaxes the problem: every undecided
 * item counted in every leaf it could go to at once, leaves met limited by the items left,
 * progress by what each item can add to one leaf, requirements met by finished work on finished
 * work only, and policies on what the items still undecided or used up can bring (the GPA as a
 * balance of grade points). No allocation below a search node can do better, so subtrees whose
 * bound does not beat the best allocation found are cut. Interchangeable items (same credits,
 * candidates and policy roles) are placed in non-decreasing leaf order, so their permutations
 * are searched once; leaving out an item that only raises a leaf that will have room for it
 * anyway is not searched. Policy limits make what an item counts depend on the whole allocation
 * (they are spent in tree order): the search works with bounds on it, and keeps only complete
 * allocations in which every item counts and is needed. Ties keep the first allocation found,
 * and every order is canonical (items by candidates then canonical position, leaves in tree
 * order), so the same transcript in any order gives the same allocation.
 */
export function solveAllocation(problem: AllocationProblem, budget = DEFAULT_STEP_BUDGET): Solution {
  const { nodes, items, policies } = problem;
  const shape = treeShape(nodes);
  const { count, need, cap, byCount, waived, leafList } = shape;
  const assignment: Assignment = filled(items.length, -1);
  // The problem's size: what setting up, one evaluation or one first fit visits, about.
  let size = count;
  for (const item of items)
    size += 1 + item.candidates.length + item.sharedCandidates.length + item.limits.length + item.components.length;
  let steps = size;
  // What an item counts after policy limits depends on the whole allocation (limits are spent in
  // tree order), so the solver works with bounds: at most its ticks clipped to each of its limits,
  // at least what is left of them when every other item under the limit counts in full. Where no
  // limit can clip (the usual case) both are its ticks.
  const { low, high, mayCount, surelyCounts } = countedBounds(problem);
  /** The most an item adds to a leaf: 1 (when it can count at all) or its ticks after limits. */
  const leafValueOf = (item: number, leaf: number) => (byCount[leaf] ? (mayCount[item] ? 1 : 0) : high[item]!);
  /** The least an item adds to a leaf: exact when it is the most too. */
  const leastValueOf = (item: number, leaf: number) => (byCount[leaf] ? (surelyCounts[item] ? 1 : 0) : low[item]!);
  /** Shared leaves count items in full, outside every limit (they use nothing up). */
  const sharedValueOf = (item: number, leaf: number) =>
    byCount[leaf] ? 1 : items[item]!.components.length > 0 ? bundleTicks(problem, items[item]!) : items[item]!.ticks;
  /** An item every limit clips to zero counts nowhere: no requirement takes it. */
  const neverCounts = (item: number) => !mayCount[item];
  // Asserts: an item may be needed by an assert above its leaf rather than by the leaf (README).
  const asserts = problem.asserts ?? [];
  // Under an assert any item the leaf takes may be one the assert needs, so a leaf there takes
  // items past its need: which of them every allocation needs is for the clean-up to find.
  const underAssert = nodes.map((_, leaf) => asserts.some((a) => leaf >= a.owner && leaf < a.to));
  const hasCopy = new Array<boolean>(items.length).fill(false);
  for (const item of items) if (item.copyOf !== undefined) hasCopy[item.copyOf] = true;
  const isCopy = (index: number) => items[index]!.copyOf !== undefined;
  /** Whether a second application's original, if placed, is under its sharing node. */
  const originalAllows = (index: number) => {
    const { copyOf, within } = items[index]!;
    if (copyOf === undefined) return true;
    const at = assignment[copyOf]!;
    return at >= within!.from && at < within!.to;
  };
  // Some allocation the search reaches may hold items no leaf or assert needs: it is cleaned up.
  const cleansUp = asserts.length > 0 || hasCopy.some(Boolean);

  const assignedValue = filled(count, 0);
  const potentialValue = filled(count, 0);
  // The same, counting finished work only: the score ranks requirements met by finished work next.
  const assignedFinished = filled(count, 0);
  const potentialFinished = filled(count, 0);
  // The least the items placed add to each leaf: all of them, and those whose value is exact.
  const sureAll = filled(count, 0);
  const sureExact = filled(count, 0);
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

  // Per leaf: stacks of the smallest value of the items placed so far, pinned ones aside: their
  // most, and their exact value (items whose value is not exact left out).
  const smallest: number[][] = [];
  const smallestSure: number[][] = [];
  const topOf = (stacks: number[][], leaf: number) => {
    const stack = stacks[leaf];
    return stack && stack.length > 0 ? stack[stack.length - 1]! : Infinity;
  };
  // The GPA policy as a balance: each graded item counted weighs (points − minimum) × credits. The
  // most it can be: every item at or above the minimum, and those under it that count whatever
  // happens (they fall through) or are used up so far.
  const minGpa = policies.minGpa;
  // An item under a limit may be clipped to zero, and a pin past a count cap or repeating a
  // distinct value counts nothing: such an item may leave the GPA, so the bound takes it as not
  // pulling the GPA down, and stays optimistic.
  /** A leaf where a pin may count nothing: under a count cap, or a distinct leaf. */
  const countRuleAt = (leaf: number) => {
    for (let n = leaf; n >= 0; n = nodes[n]!.parent) if (nodes[n]!.maxCount < Infinity) return true;
    return nodes[leaf]!.distinct === true;
  };
  const gpaWeight = items.map((item) =>
    minGpa === undefined || item.points === null || item.ticks <= 0 || item.components.length > 0
      ? 0
      : item.limits.length > 0 || (item.pinned >= 0 && countRuleAt(item.pinned))
        ? Math.max(0, (item.points - minGpa) * item.ticks)
        : (item.points - minGpa) * item.ticks,
  );
  let gpaBalance = 0;
  let gradedTicks = 0;
  items.forEach((item, index) => {
    if (gpaWeight[index]! > 0 || (gpaWeight[index]! < 0 && item.fallsThrough)) gpaBalance += gpaWeight[index]!;
    if (item.points !== null && item.ticks > 0 && item.components.length === 0) gradedTicks += item.ticks;
  });
  // The evaluation's tolerance, on the balance: (points / graded ≥ minimum − ε) ⇔ balance ≥ −ε × graded.
  const gpaPossible = () =>
    policies.fixedGpa ? policies.fixedGpa.met : minGpa === undefined || gpaBalance >= -1e-9 * gradedTicks;
  const useUp = (base: number, sign: 1 | -1) => {
    inUse[base]! += sign;
    if (gpaWeight[base]! < 0 && !items[base]!.fallsThrough) gpaBalance += sign * gpaWeight[base]!;
  };
  // Node maxCounts: the capped nodes over each leaf, and the items placed under each so far.
  const countCapsOver = nodes.map((_, leaf) => {
    const capped: number[] = [];
    for (let n = leaf; n >= 0; n = nodes[n]!.parent) if (nodes[n]!.maxCount < Infinity) capped.push(n);
    return capped;
  });
  const placedUnder = filled(count, 0);
  // Distinct leaves: how many items placed there so far have each value.
  const placedKeys = new Map<number, Map<number, number>>();
  const keyAt = (index: number, leaf: number) =>
    nodes[leaf]!.distinct ? items[index]!.distinctKeys?.get(leaf) : undefined;
  /** Whether a leaf takes one more item: room under its capped ancestors (itself included), and a value it has not. */
  // Subtree ends (pre-order): a second application takes no slot under a node above its original.
  const subtreeEnd = nodes.map((_, n) => n + 1);
  for (let n = nodes.length - 1; n > 0; n--)
    subtreeEnd[nodes[n]!.parent] = Math.max(subtreeEnd[nodes[n]!.parent]!, subtreeEnd[n]!);
  const roomUnderCounts = (leaf: number, index: number) => {
    const { copyOf } = items[index]!;
    const original = copyOf === undefined ? -1 : assignment[copyOf]!;
    for (const n of countCapsOver[leaf]!) {
      if (original >= n && original < subtreeEnd[n]!) continue;
      if (placedUnder[n]! >= nodes[n]!.maxCount) return false;
    }
    const key = keyAt(index, leaf);
    return key === undefined || !(placedKeys.get(leaf)?.get(key) ?? 0);
  };
  const place = (index: number, leaf: number, sign: 1 | -1) => {
    const item = items[index]!;
    const value = leafValueOf(index, leaf);
    // Only items that surely count take a slot, and no pin (one may be past a cap): the count never
    // goes over the evaluation's, so no allocation is missed; the evaluation judges those it lets by.
    // A second application takes none either: it counts only where its original does, and under
    // a node above both places the two take one slot.
    if (surelyCounts[index] && item.pinned !== leaf && item.copyOf === undefined) {
      for (const n of countCapsOver[leaf]!) placedUnder[n]! += sign;
      const key = keyAt(index, leaf);
      if (key !== undefined) {
        const keys = placedKeys.get(leaf) ?? placedKeys.set(leaf, new Map()).get(leaf)!;
        keys.set(key, (keys.get(key) ?? 0) + sign);
      }
    }
    // Under a node maxCount a pin may be past it (another pin before it): it counts for sure only where none is.
    const least =
      (item.pinned === leaf && countRuleAt(leaf)) || item.copyOf !== undefined ? 0 : leastValueOf(index, leaf);
    assignedValue[leaf]! += sign * value;
    if (!item.inProgress) assignedFinished[leaf]! += sign * value;
    sureAll[leaf]! += sign * least;
    if (least === value) sureExact[leaf]! += sign * least;
    if (item.pinned !== leaf) {
      if (sign === 1) {
        (smallest[leaf] ??= []).push(Math.min(value, topOf(smallest, leaf)));
        (smallestSure[leaf] ??= []).push(
          least === value ? Math.min(least, topOf(smallestSure, leaf)) : topOf(smallestSure, leaf),
        );
      } else {
        smallest[leaf]!.pop();
        smallestSure[leaf]!.pop();
      }
    }
    if (item.components.length === 0) useUp(index, sign);
    else for (const b of item.components) useUp(b, sign);
    assignment[index] = sign === 1 ? leaf : -1;
  };

  for (let index = 0; index < items.length; index++)
    if (items[index]!.pinned >= 0) place(index, items[index]!.pinned, 1);
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
    const fits = candidateTotal[leaf]! + assignedValue[leaf]! - candidateSmallest[leaf]! < need[leaf]!;
    if (!fits) contestedLeaf.add(leaf);
  }
  // An item with grade points at or above the minimum GPA can never pull the GPA below it.
  const interacts = (item: PlanItem, index: number) =>
    item.limits.length > 0 ||
    item.asserts !== undefined ||
    item.copyOf !== undefined ||
    (minGpa !== undefined && item.points !== null && item.points < minGpa) ||
    sharesBase(index);
  // Under a cap, applying an item can count for less than letting it fall through: decide those by search.
  const contested: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.pinned >= 0 || item.candidates.length === 0) continue;
    const only = item.candidates[0]!;
    if (item.candidates.length === 1 && !contestedLeaf.has(only) && !shape.underCap[only] && !interacts(item, index))
      place(index, only, 1);
    else contested.push(index);
  }
  if (contested.length === 0)
    return { assignment, evaluation: evaluateAllocation(problem, assignment), optimal: true, steps: steps + size };
  /**
   * A leaf takes an item only if every item in it stays needed (README): without its smallest
   * item it would be unmet. This holds for sure when it holds of what the items count at most.
   */
  const surelyHasRoom = (leaf: number, index: number) => {
    const value = leafValueOf(index, leaf);
    return (
      !neverCounts(index) &&
      roomUnderCounts(leaf, index) &&
      (assignedValue[leaf]! + value - Math.min(value, topOf(smallest, leaf)) < need[leaf]! || underAssert[leaf]!)
    );
  };
  /**
   * Whether a leaf may take an item, as far as the items placed so far tell: what they count for
   * sure already leaves none of them unneeded. Where no limit can clip, the same as
   * {@link surelyHasRoom}; else a complete allocation is checked as a whole ({@link consider}).
   */
  const mayHaveRoom = (leaf: number, index: number) => {
    if (neverCounts(index) || !roomUnderCounts(leaf, index)) return false;
    const least = leastValueOf(index, leaf);
    const exact = least === leafValueOf(index, leaf);
    const smallestExact = exact ? Math.min(least, topOf(smallestSure, leaf)) : topOf(smallestSure, leaf);
    // The item a leaf needs least is its smallest exact one (without it the leaf keeps at least the
    // least of all the others) or an inexact one (without it, at least its exact items): either
    // way the leaf must stay unmet without it.
    const kept =
      smallestExact < Infinity ? sureAll[leaf]! + least - smallestExact : sureExact[leaf]! + (exact ? least : 0);
    return kept < need[leaf]! || underAssert[leaf]!;
  };
  let best: { assignment: Assignment; evaluation: Evaluation } | undefined;
  const consider = () => {
    steps += size;
    let evaluation = evaluateAllocation(problem, assignment);
    let candidate = assignment;
    // Under asserts and listed double counting an allocation may hold items nothing needs: taking
    // them out one by one (the last first) keeps every requirement met and frees their room.
    if (cleansUp && !evaluation.everyItemNeeded) {
      candidate = assignment.slice();
      while (!evaluation.everyItemNeeded) {
        candidate[evaluation.lastUnneeded] = -1;
        steps += size;
        evaluation = evaluateAllocation(problem, candidate);
      }
    }
    if (evaluation.everyItemNeeded && (!best || compareScores(evaluation.score, best.evaluation.score) > 0))
      best = { assignment: candidate === assignment ? assignment.slice() : candidate, evaluation };
  };
  // A first allocation: items with the fewest candidates first, each to its first leaf with room
  // for sure. It completes most complete transcripts, and ends the search; otherwise the bound
  // must beat it. Every item in it is needed, but an item under a limit may end up clipped to
  // zero: taking it out changes what no other item counts (it spent nothing), so it is taken out.
  const placed: [number, number][] = [];
  steps += size;
  for (const index of [...contested].sort(
    (a, b) =>
      Number(isCopy(a)) - Number(isCopy(b)) || items[a]!.candidates.length - items[b]!.candidates.length || a - b,
  )) {
    if (!originalAllows(index)) continue;
    const leaf = items[index]!.candidates.find((l) => free(index) && surelyHasRoom(l, index));
    if (leaf === undefined) continue;
    place(index, leaf, 1);
    placed.push([index, leaf]);
  }
  if (placed.some(([index]) => low[index] !== high[index] || mayCount[index] !== surelyCounts[index])) {
    steps += size;
    const { counting } = evaluateAllocation(problem, assignment);
    for (let p = placed.length - 1; p >= 0; p--) {
      const [index, leaf] = placed[p]!;
      if (counting[index]) continue;
      place(index, leaf, -1);
      placed.splice(p, 1);
    }
  }
  consider();
  if (best?.evaluation.complete) return { ...best, optimal: true, steps };
  for (const [index, leaf] of placed.reverse()) place(index, leaf, -1);
  // A first fit a node's maxCount or a limit's maxCount made invalid (an item that counts nowhere):
  // the pins alone are a valid start, whatever the budget allows after.
  if (!best) consider();
  steps += size; // setting up the search: potentials, twins, suffixes
  // The search decides items with the most candidates first: they are what the bound relaxes most,
  // so once they are placed the bound cuts the rest quickly.
  // Second applications come last: their originals are placed by then.
  contested.sort(
    (a, b) =>
      Number(isCopy(a)) - Number(isCopy(b)) || items[b]!.candidates.length - items[a]!.candidates.length || a - b,
  );
  const addPotential = (index: number, sign: 1 | -1) => {
    const finished = !items[index]!.inProgress;
    for (const leaf of items[index]!.candidates) {
      const value = sign * leafValueOf(index, leaf);
      potentialValue[leaf]! += value;
      if (finished) potentialFinished[leaf]! += value;
    }
  };
  for (const index of contested) addPotential(index, 1);

  const gpaAtRisk = minGpa !== undefined && items.some((item) => item.points !== null && item.points < minGpa);
  // Interchangeable contested items: each remembers the previous one of its kind.
  const previousTwin = filled(contested.length, -1);
  const lastOfKind = new Map<string, number>();
  contested.forEach((index, k) => {
    const item = items[index]!;
    // Limits spend their budget in item order, so items under a limit are never interchangeable.
    if (item.limits.length > 0 || sharesBase(index) || isCopy(index) || hasCopy[index]) return;
    // An item that falls through counts toward totals, residency and the GPA whether it is applied
    // or not, so its grade and residency tell it apart from another only when it does not fall
    // through (and its grade only when some grade could pull the GPA under its minimum).
    const own = item.fallsThrough ? 'falls-through' : `${gpaAtRisk ? item.points : '-'}|${item.resident}`;
    const values = `${item.distinctKeys ? [...item.distinctKeys].join(';') : ''}|${item.asserts ? JSON.stringify(item.asserts) : ''}`;
    const key = `${item.ticks}|${item.candidates.join(',')}|${item.sharedCandidates.join(',')}|${item.inProgress}|${own}|${values}`;
    const previous = lastOfKind.get(key);
    if (previous !== undefined) previousTwin[k] = previous;
    lastOfKind.set(key, k);
  });
  /**
   * Leaving an item out is never better than applying it to a leaf that will still have room for
   * it whatever comes later, when applying it changes nothing but that leaf's value: no limits,
   * caps, GPA risk, nested program or shared base. Then the branch that leaves it out is dropped:
   * every allocation in it is matched or beaten by one that applies it there (or, for a twin, an
   * interchangeable one), which the search visits or bounds.
   */
  const onlyRaisesLeaves = contested.map((index) => {
    const item = items[index]!;
    return (
      !interacts(item, index) && item.components.length === 0 && item.candidates.every((leaf) => !shape.underCap[leaf])
    );
  });
  const alwaysHasRoom = (index: number) =>
    items[index]!.candidates.some(
      (leaf) => assignedValue[leaf]! + potentialValue[leaf]! + leafValueOf(index, leaf) < need[leaf]! + byCount[leaf]!,
    );
  const rank = (k: number) => {
    const leaf = assignment[contested[k]!]!;
    const candidates = items[contested[k]!]!.candidates;
    return leaf < 0 ? candidates.length : candidates.indexOf(leaf);
  };

  // Bounds of the totals and residency: every item counted in full, but items under a limit no
  // more than its cap (each item against its first limit, whose budget it spends), less what
  // items left out for good no longer bring (those that count only when used up, which no
  // nested program can use up either).
  const groupOf = (item: PlanItem) => (item.limits.length > 0 ? item.limits[0]! : policies.limitCaps.length);
  const groupCap = [...policies.limitCaps, Infinity];
  const totalIn = filled(groupCap.length, 0);
  const residencyIn = filled(groupCap.length, 0);
  for (const item of items) {
    if (item.components.length > 0 || item.copyOf !== undefined) continue;
    totalIn[groupOf(item)]! += item.ticks;
    if (item.resident) residencyIn[groupOf(item)]! += item.ticks;
  }
  const leaveOut = (index: number, sign: 1 | -1) => {
    const item = items[index]!;
    if (item.fallsThrough || item.components.length > 0 || item.copyOf !== undefined || users[index]! > 1) return;
    totalIn[groupOf(item)]! -= sign * item.ticks;
    if (item.resident) residencyIn[groupOf(item)]! -= sign * item.ticks;
  };
  const clipped = (amounts: number[]) => {
    let sum = 0;
    for (let g = 0; g < amounts.length; g++) sum += Math.min(groupCap[g]!, amounts[g]!);
    return sum;
  };
  const { totalTicks, residencyTicks } = policies;
  const policiesMetBound = () =>
    Number(totalTicks === undefined || clipped(totalIn) >= totalTicks) +
    Number(residencyTicks === undefined || clipped(residencyIn) >= residencyTicks) +
    Number(gpaPossible());
  const policyProgressBound = () =>
    (totalTicks ? Math.min(1, clipped(totalIn) / totalTicks) : 1) +
    (residencyTicks ? Math.min(1, clipped(residencyIn) / residencyTicks) : 1);
  const sharedValue = filled(count, 0);
  const sharedFinished = filled(count, 0);
  for (let index = 0; index < items.length; index++)
    for (const leaf of items[index]!.sharedCandidates) {
      sharedValue[leaf]! += sharedValueOf(index, leaf);
      if (!items[index]!.inProgress) sharedFinished[leaf]! += sharedValueOf(index, leaf);
    }
  const anyInProgress = items.some((item) => item.inProgress);

  // Per undecided suffix of the contested items: the most one item can add to a leaf's value, and
  // the most progress the remaining items can add at all (each goes to one leaf only).
  const suffixMaxValue = filled(contested.length + 1, 0);
  const suffixGain = filled(contested.length + 1, 0);
  const suffixFinished = filled(contested.length + 1, 0);
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
    suffixFinished[k] = suffixFinished[k + 1]! + (items[index]!.inProgress ? 0 : 1);
  }

  /**
   * An upper bound on the score of any allocation that completes the current one (items from
   * position k on undecided), the tightest of several relaxations, each valid: every undecided
   * item in every leaf it could go to; each leaf met needs at least so many more items, and only
   * so many are left (an open leaf left unmet takes down the groups that need it); each undecided item adds progress to one leaf at most (a fractional
   * knapsack). Requirements met by finished work: the same on finished work only. Policies: what
   * the items still undecided or used up can bring.
   */
  const boundMet = filled(count, 0);
  const boundMetFinished = filled(count, 0);
  const scratch: BoundScratch = { needed: [], open: [], lost: filled(count, 0), down: filled(count, 0) };
  // A bound goes over the leaves and the nodes a few times: charged as one pass over each.
  const boundSteps = count + leafList.length;
  const openLeaves: number[] = [];
  const openRoom = filled(count, 0);
  const openGain = filled(count, 0);
  const placedAll = { assigned: assignedValue, shared: sharedValue };
  const placedFinished = { assigned: assignedFinished, shared: sharedFinished };
  /** Requirements that finished work could meet at most. */
  const finishedBound = (k: number) => {
    steps += boundSteps;
    for (let j = 0; j < leafList.length; j++) {
      const leaf = leafList[j]!;
      boundMetFinished[leaf] = leafMet(
        shape,
        leaf,
        assignedFinished[leaf]! + potentialFinished[leaf]! + sharedFinished[leaf]!,
      );
    }
    return requirementsWithin(shape, boundMetFinished, placedFinished, suffixFinished[k]!, suffixMaxValue[k]!, scratch);
  };
  const upperBound = (k: number, against?: Score): Score => {
    steps += boundSteps;
    let relaxedProgress = 0;
    let assignedProgress = 0;
    openLeaves.length = 0;
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
      boundMet[leaf] = leafMet(shape, leaf, relaxed);
      const relaxedShare = full ? 1 : Math.min(1, relaxed / target);
      const nowShare = full ? 1 : Math.min(1, now / target);
      relaxedProgress += relaxedShare;
      assignedProgress += nowShare;
      if (relaxedShare > nowShare) {
        openRoom[leaf] = relaxedShare - nowShare;
        openGain[leaf] = byCount[leaf] ? 1 / target : Math.min(1, suffixMaxValue[k]! / target);
        openLeaves.push(leaf);
      }
    }
    const itemsLeft = contested.length - k;
    const metCount = requirementsWithin(shape, boundMet, placedAll, itemsLeft, suffixMaxValue[k]!, scratch);
    const policiesMet = policiesMetBound();
    if (boundMet[0] && policiesMet === 3) return [1, 0, 0, 0];
    // Against a score to beat, a component is worked out only when the ones before it tie (else 0).
    const met = metCount + policiesMet;
    if (differs(met, against, 1)) return [0, met, 0, 0];
    const finished = anyInProgress ? Math.min(metCount, finishedBound(k)) : metCount;
    if (differs(finished, against, 2)) return [0, met, finished, 0];
    const progress = Math.min(
      relaxedProgress,
      assignedProgress + Math.min(suffixGain[k]!, progressWithin(openLeaves, openRoom, openGain, itemsLeft)),
    );
    return [0, met, finished, progress + policyProgressBound()];
  };

  let exhausted = false;
  const ceiling = upperBound(0);
  const done = () =>
    exhausted ||
    (best !== undefined && (best.evaluation.complete || compareScores(best.evaluation.score, ceiling) >= 0));

  /** Opens the search node at depth k: false when it has nothing to try (done, out of budget, a complete allocation, or cut by the bound). */
  const open = (k: number): boolean => {
    if (done()) return false;
    if (steps > budget) {
      exhausted = true;
      return false;
    }
    steps++;
    if (k === contested.length) {
      consider();
      return false;
    }
    if (best && compareScores(upperBound(k, best.evaluation.score), best.evaluation.score) <= 0) return false;
    const index = contested[k]!;
    // Moving the item's potential out and back, trying each candidate, and the room it may have.
    steps += 3 * items[index]!.candidates.length;
    addPotential(index, -1);
    next[k] = previousTwin[k]! >= 0 ? rank(previousTwin[k]!) : 0;
    taken[k] = NOTHING;
    return true;
  };
  // A depth-first search without recursion (a transcript of thousands of awards is as deep): at
  // each depth k, the candidate to try next and what the node's child took (a leaf, LEFT_OUT or NOTHING).
  const next = filled(contested.length, 0);
  const taken = filled(contested.length, NOTHING);
  let k = open(0) ? 0 : -1;
  while (k >= 0) {
    const index = contested[k]!;
    const { candidates } = items[index]!;
    if (taken[k]! >= 0) place(index, taken[k]!, -1);
    else if (taken[k] === LEFT_OUT) leaveOut(index, -1);
    const after = taken[k];
    taken[k] = NOTHING;
    if (after !== LEFT_OUT) {
      // The item to each candidate with room, in order (all of them skipped once done or used up), then left out.
      while (next[k]! < candidates.length) {
        if (!free(index) || done()) {
          next[k] = candidates.length;
          break;
        }
        const leaf = candidates[next[k]!++]!;
        if (!originalAllows(index) || !mayHaveRoom(leaf, index)) continue;
        place(index, leaf, 1);
        taken[k] = leaf;
        break;
      }
      if (taken[k] === NOTHING && !(onlyRaisesLeaves[k] && alwaysHasRoom(index))) {
        leaveOut(index, 1);
        taken[k] = LEFT_OUT;
      }
    }
    if (taken[k] === NOTHING) {
      addPotential(index, 1);
      k--;
    } else if (open(k + 1)) k++;
  }

  return { assignment: best!.assignment, evaluation: best!.evaluation, optimal: !exhausted, steps };
}

/** What a search node's child took: no leaf yet, or the item left out. */
const NOTHING = -2;
const LEFT_OUT = -1;

/** Whether a bound's component already differs from that of the score it is compared with. */
function differs(bound: number, against: Score | undefined, component: number): boolean {
  return against !== undefined && Math.abs(bound - against[component]!) > SCORE_TOLERANCE;
}

function bundleTicks(problem: AllocationProblem, item: PlanItem): number {
  return item.components.reduce((sum, c) => sum + problem.items[c]!.ticks, 0);
}

/**
 * Bounds on the ticks each item applied counts after the policy limits, in any allocation: at
 * most its ticks clipped to each cap; at least what is left of each cap when every other item
 * that could be applied under it counted in full before it (items that can only fall through
 * spend a limit after every applied item). A limit's `maxCount` may keep an item from counting at
 * all: it surely counts only when fewer other items could be applied under it. A nested
 * program: the sums over its components, and it always counts.
 */
function countedBounds({ items, policies }: AllocationProblem): {
  low: number[];
  high: number[];
  mayCount: boolean[];
  surelyCounts: boolean[];
} {
  const applicable = items.map((item) => item.candidates.length > 0 || item.pinned >= 0);
  items.forEach((item, index) => {
    if (applicable[index]) for (const c of item.components) applicable[c] = true;
  });
  const matched = filled(policies.limitCaps.length, 0);
  const members = filled(policies.limitCaps.length, 0);
  items.forEach((item, index) => {
    if (!applicable[index]) return;
    for (const limit of item.limits) {
      matched[limit]! += item.ticks;
      members[limit]!++;
    }
  });
  const low = filled(items.length, 0);
  const high = filled(items.length, 0);
  const mayCount = items.map(() => true);
  const surelyCounts = items.map(() => true);
  items.forEach((item, index) => {
    let most = item.ticks;
    let least = item.ticks;
    for (const limit of item.limits) {
      const cap = policies.limitCaps[limit]!;
      const countCap = policies.limitCountCaps[limit]!;
      const others = members[limit]! - (applicable[index] ? 1 : 0);
      if (countCap <= 0) mayCount[index] = false;
      if (others >= countCap) surelyCounts[index] = false;
      most = Math.min(most, cap);
      least = Math.min(least, Math.max(0, cap - (matched[limit]! - (applicable[index] ? item.ticks : 0))));
    }
    if (!mayCount[index]) most = 0;
    if (!surelyCounts[index]) least = 0;
    high[index] = most;
    low[index] = least;
    if (item.ticks > 0 && most === 0) mayCount[index] = false;
    if (item.ticks > 0 && least === 0) surelyCounts[index] = false;
  });
  items.forEach((item, index) => {
    if (item.copyOf === undefined) return;
    high[index] = high[item.copyOf]!;
    low[index] = low[item.copyOf]!;
    mayCount[index] = mayCount[item.copyOf]!;
    surelyCounts[index] = surelyCounts[item.copyOf]!;
  });
  items.forEach((item, index) => {
    if (item.components.length === 0) return;
    high[index] = item.components.reduce((sum, c) => sum + high[c]!, 0);
    low[index] = item.components.reduce((sum, c) => sum + low[c]!, 0);
    mayCount[index] = true;
    surelyCounts[index] = true;
  });
  return { low, high, mayCount, surelyCounts };
}

/** A plain array of `length` copies of `value`: for the few dozen entries a solve needs, far cheaper to make than a typed array. */
function filled(length: number, value: number): number[] {
  return new Array<number>(length).fill(value);
}
