import { compareScores, type AllocationProblem, type Assignment } from '../../src/audit/allocation-problem.js';
import { evaluateAllocation, type Evaluation } from '../../src/audit/evaluate-allocation.js';

/** Value an item adds to a leaf: 1 for count leaves; its ticks (a bundle: its components' ticks) for credit leaves. */
function leafValue(problem: AllocationProblem, item: number, leaf: number): number {
  const it = problem.items[item]!;
  if (problem.nodes[leaf]!.measure === 'count') return 1;
  return it.components.length > 0 ? it.components.reduce((s, c) => s + problem.items[c]!.ticks, 0) : it.ticks;
}

/** Whether an allocation obeys the rules: capacities (every item in a leaf is needed) and each base item used once. */
export function isValidAllocation(problem: AllocationProblem, assignment: Assignment): boolean {
  const byLeaf = new Map<number, number[]>();
  const used = new Set<number>();
  for (let item = 0; item < assignment.length; item++) {
    const leaf = assignment[item]!;
    if (leaf < 0) continue;
    if (!problem.items[item]!.candidates.includes(leaf) && problem.items[item]!.pinned !== leaf) return false;
    const bases = problem.items[item]!.components.length > 0 ? problem.items[item]!.components : [item];
    for (const b of bases) {
      if (used.has(b)) return false;
      used.add(b);
    }
    byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), item]);
  }
  for (const [leaf, list] of byLeaf) {
    const node = problem.nodes[leaf]!;
    const values = list.map((i) => leafValue(problem, i, leaf));
    if (node.measure === 'count' ? list.length > node.need : values.reduce((a, b) => a + b, 0) - Math.min(...values) >= node.need) return false;
  }
  return true;
}

/**
 * The best score over every valid allocation, by exhaustive enumeration. A partial allocation that
 * already breaks a capacity or reuses an item is abandoned: both only get worse as items are added.
 */
export function bruteForceBest(problem: AllocationProblem): Evaluation {
  const n = problem.items.length;
  const assignment: Assignment = new Array<number>(n).fill(-1);
  let best: Evaluation | undefined;
  const walk = (item: number) => {
    if (!isValidAllocation(problem, assignment)) return;
    if (item === n) {
      const evaluation = evaluateAllocation(problem, assignment);
      if (!best || compareScores(evaluation.score, best.score) > 0) best = evaluation;
      return;
    }
    for (const leaf of [-1, ...problem.items[item]!.candidates]) {
      assignment[item] = leaf;
      walk(item + 1);
    }
    assignment[item] = -1;
  };
  walk(0);
  return best!;
}
