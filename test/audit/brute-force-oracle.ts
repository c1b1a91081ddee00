import { compareScores, type AllocationProblem, type Assignment } from '../../src/audit/allocation-problem.js';
import { evaluateAllocation, type Evaluation } from '../../src/audit/evaluate-allocation.js';

const bases = (problem: AllocationProblem, item: number) =>
  problem.items[item]!.components.length > 0 ? problem.items[item]!.components : [item];

/** Whether an allocation only places items where they may go, each base item once. */
function wellFormed(problem: AllocationProblem, assignment: Assignment): boolean {
  const used = new Set<number>();
  for (let item = 0; item < assignment.length; item++) {
    const leaf = assignment[item]!;
    if (leaf < 0) continue;
    if (!problem.items[item]!.candidates.includes(leaf) && problem.items[item]!.pinned !== leaf) return false;
    for (const b of bases(problem, item)) {
      if (used.has(b)) return false;
      used.add(b);
    }
  }
  return true;
}

/**
 * Whether a leaf's items are each needed, in what they count after policy limits (README, "Every
 * applied item is needed"): an item clipped to zero counts nowhere, so no leaf takes it, and a
 * leaf takes an item only while it is not met without it. Pinned items are placed whatever the
 * capacity; they count toward the leaf all the same.
 */
function everyItemNeeded(problem: AllocationProblem, assignment: Assignment, evaluation: Evaluation): boolean {
  // Under an assert an item may be needed by the assert rather than its leaf: the evaluation's
  // rule (README) decides there; second applications too.
  if (coupled(problem)) return evaluation.everyItemNeeded;
  const byLeaf = new Map<number, number[]>();
  assignment.forEach((leaf, item) => leaf >= 0 && byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), item]));
  for (const [leaf, list] of byLeaf) {
    const node = problem.nodes[leaf]!;
    // What counts after limits and count caps: the evaluation says (an item past one counts nowhere).
    const counts = (item: number) => evaluation.counting[item]!;
    const adds = (item: number) => (node.measure === 'count' ? Number(counts(item)) : evaluation.counted[item]!);
    const total = list.reduce((sum, item) => sum + adds(item), 0);
    for (const item of list) {
      if (problem.items[item]!.pinned === leaf) continue;
      if (!counts(item) || total - adds(item) >= node.need) return false;
    }
  }
  return true;
}

/** Whether an allocation obeys the rules: candidates or pins, each base item used once, and every placed item needed. */
export function isValidAllocation(problem: AllocationProblem, assignment: Assignment): boolean {
  return (
    wellFormed(problem, assignment) && everyItemNeeded(problem, assignment, evaluateAllocation(problem, assignment))
  );
}

/**
 * Whether a partial allocation can still be completed into a valid one: bases used once, and in no
 * leaf do items outside every limit (they count in full whatever else is placed) leave one of them
 * unneeded. Items under a limit, and pins that a count cap or a repeated distinct value may stop,
 * are left out of that test: what they count depends on the rest.
 */
function mayBecomeValid(problem: AllocationProblem, assignment: Assignment): boolean {
  if (!wellFormed(problem, assignment)) return false;
  if (coupled(problem)) return true;
  const sure = new Map<number, { total: number; smallest: number }>();
  assignment.forEach((leaf, item) => {
    if (leaf < 0 || bases(problem, item).some((b) => problem.items[b]!.limits.length > 0)) return;
    // A pin under a count cap or in a distinct leaf may count nothing (another pin takes its slot or value).
    if (problem.items[item]!.pinned === leaf && mayCountNothingThere(problem, leaf)) return;
    const node = problem.nodes[leaf]!;
    const value =
      node.measure === 'count' ? 1 : bases(problem, item).reduce((sum, b) => sum + problem.items[b]!.ticks, 0);
    const entry = sure.get(leaf) ?? { total: 0, smallest: Infinity };
    entry.total += value;
    if (problem.items[item]!.pinned !== leaf) entry.smallest = Math.min(entry.smallest, value);
    sure.set(leaf, entry);
  });
  for (const [leaf, { total, smallest }] of sure)
    if (smallest < Infinity && total - smallest >= problem.nodes[leaf]!.need) return false;
  return true;
}

/** Whether an item placed in a leaf may count nothing there: a node maxCount over it, or a distinct leaf. */
function mayCountNothingThere(problem: AllocationProblem, leaf: number): boolean {
  if (problem.nodes[leaf]!.distinct) return true;
  for (let n = leaf; n >= 0; n = problem.nodes[n]!.parent) if (problem.nodes[n]!.maxCount < Infinity) return true;
  return false;
}

/**
 * The best score over every valid allocation, by exhaustive enumeration. A partial allocation that
 * can no longer become valid (a base item reused, or a leaf over capacity in items outside every
 * limit) is abandoned: both only get worse as items are added.
 */
export function bruteForceBest(problem: AllocationProblem): Evaluation {
  const n = problem.items.length;
  const assignment: Assignment = new Array<number>(n).fill(-1);
  let best: Evaluation | undefined;
  const walk = (item: number) => {
    if (!mayBecomeValid(problem, assignment)) return;
    if (item === n) {
      const evaluation = evaluateAllocation(problem, assignment);
      if (!everyItemNeeded(problem, assignment, evaluation)) return;
      if (!best || compareScores(evaluation.score, best.score) > 0) best = evaluation;
      return;
    }
    const { pinned, candidates } = problem.items[item]!;
    for (const leaf of pinned >= 0 ? [pinned] : [-1, ...candidates]) {
      assignment[item] = leaf;
      walk(item + 1);
    }
    assignment[item] = -1;
  };
  walk(0);
  return best!;
}

/** A problem with asserts or second applications: what an item needs depends on more than its leaf. */
function coupled(problem: AllocationProblem): boolean {
  return (problem.asserts?.length ?? 0) > 0 || problem.items.some((item) => item.copyOf !== undefined);
}
