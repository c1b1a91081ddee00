import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type AllocationProblem,
  compareScores,
  type PlanItem,
  type PlanNode,
} from '../../src/audit/allocation-problem.js';
import { solveAllocation } from '../../src/audit/solve-allocation.js';
import { runs } from '../setup/fuzz.js';
import { coupledProblem, smallProblem } from './allocation-arbitraries.js';
import { bruteForceBest, isValidAllocation } from './brute-force-oracle.js';
import { planItem, planNode } from './plan-builders.js';

const ORACLE_BUDGET = 1_000_000_000;

describe('the allocation solver against a brute-force oracle', () => {
  // The search budget is a guard for production; here the question is whether the search, run to
  // the end, finds the best allocation (rare pathological small cases need more than the default).
  test.prop([smallProblem], { numRuns: runs(1000) })(
    'finds an allocation as good as the best of all allocations',
    (problem) => {
      const solution = solveAllocation(problem, ORACLE_BUDGET);
      const oracle = bruteForceBest(problem);
      expect(solution.optimal).toBe(true);
      expect(isValidAllocation(problem, solution.assignment)).toBe(true);
      expect(compareScores(solution.evaluation.score, oracle.score)).toBe(0);
    },
  );

  test.prop([coupledProblem], { numRuns: runs(400) })('with asserts and listed double counting too', (problem) => {
    const solution = solveAllocation(problem, ORACLE_BUDGET);
    const oracle = bruteForceBest(problem);
    expect(solution.optimal).toBe(true);
    expect(isValidAllocation(problem, solution.assignment)).toBe(true);
    expect(compareScores(solution.evaluation.score, oracle.score)).toBe(0);
  });

  test.prop([smallProblem], { seed: 11_2 })('never exceeds a cap: node caps and limits', (problem) => {
    const { evaluation } = solveAllocation(problem);
    problem.nodes.forEach((node, i) => expect(evaluation.credits[i]!).toBeLessThanOrEqual(node.cap));
    problem.policies.limitCaps.forEach((cap, limit) => {
      const counted = problem.items.reduce(
        (sum, item, i) => sum + (item.limits.includes(limit) ? evaluation.counted[i]! : 0),
        0,
      );
      expect(counted).toBeLessThanOrEqual(cap);
    });
  });

  test.prop([smallProblem, fc.nat(2_000)], { seed: 11_3 })(
    'with a tiny budget it says the result may not be optimal, and stays valid',
    (problem, budget) => {
      const solution = solveAllocation(problem, budget);
      expect(isValidAllocation(problem, solution.assignment)).toBe(true);
      if (solution.optimal) expect(compareScores(solution.evaluation.score, bruteForceBest(problem).score)).toBe(0);
    },
  );
});

describe('fuzz finds kept as regression tests', () => {
  it('a pinned F that a distinct leaf drops (another pin has its value) does not sink the GPA bound', () => {
    const leaf = (extra: Partial<PlanNode>) =>
      planNode({ parent: 0, kind: 'leaf', need: 1, maxCount: 1, distinct: true, ...extra });
    const item = (extra: Partial<PlanItem>) => planItem({ ticks: 1, points: 0, inProgress: true, ...extra });
    const problem: AllocationProblem = {
      nodes: [
        planNode({ parent: -1, children: [1, 2, 3], kind: 'all', need: 3 }),
        leaf({}),
        leaf({ waived: true }),
        leaf({ need: 5, measure: 'credits' }),
      ],
      items: [
        item({ pinned: 1, distinctKeys: new Map([[1, 0]]) }),
        item({ candidates: [3], distinctKeys: new Map([[3, 0]]) }),
        item({ ticks: 0, pinned: 1, points: null, inProgress: false, distinctKeys: new Map([[1, 0]]) }),
      ],
      policies: { minGpa: 1.5, limitCaps: [], limitCountCaps: [] },
    };
    // The finished pin keeps the value; the F pinned beside it counts nowhere, so the GPA (none) is met.
    const solution = solveAllocation(problem, ORACLE_BUDGET);
    expect(solution.evaluation.policiesMet.gpa).toBe(true);
    expect(compareScores(solution.evaluation.score, bruteForceBest(problem).score)).toBe(0);
  });
  it('a second application counts only where its original does: a pin a distinct leaf drops takes its copy along', () => {
    // Items 1 and 2 are pinned into a distinct leaf beside item 0 with the same value, so they
    // count nowhere there; their second applications (items 5 and 6) must count nothing either.
    const distinctLeaf = (parent: number, waived = false) =>
      planNode({ parent, kind: 'leaf', need: 1, maxCount: 1, distinct: true, waived });
    const pinnedInProgress = (ticks: number, extra: Partial<PlanItem> = {}) =>
      planItem({ ticks, pinned: 3, distinctKeys: new Map([[3, 0]]), inProgress: true, ...extra });
    const assertMatch = { asserts: [{ assert: 0, leaf: 0, key: 1 }] };
    const copy = (copyOf: number, ticks: number) =>
      planItem({ ticks, candidates: [6], inProgress: true, copyOf, within: { from: 1, to: 5 } });
    const problem: AllocationProblem = {
      nodes: [
        planNode({ parent: -1, children: [1, 5, 6, 7], kind: 'all', need: 4 }),
        planNode({ parent: 0, children: [2, 3, 4], kind: 'all', need: 3, cap: 2, maxCount: 1 }),
        planNode({ parent: 1, kind: 'leaf', need: 1, maxCount: 1, shared: true }),
        distinctLeaf(1),
        distinctLeaf(1),
        planNode({ parent: 0, kind: 'all', need: 0, cap: 2, maxCount: 1 }),
        planNode({ parent: 0, kind: 'leaf', need: 6, measure: 'credits' }),
        distinctLeaf(0, true),
      ],
      items: [
        pinnedInProgress(0),
        pinnedInProgress(3, assertMatch),
        pinnedInProgress(3),
        planItem({ ticks: 1, candidates: [6], inProgress: true, ...assertMatch }),
        copy(0, 0),
        copy(1, 3),
        copy(2, 3),
      ],
      policies: { totalTicks: 1, limitCaps: [], limitCountCaps: [] },
      asserts: [
        {
          owner: 0,
          to: 8,
          nodes: [{ parent: -1, children: [], kind: 'leaf', need: 1, measure: 'count', atMost: false, distinct: true }],
        },
      ],
    };
    const solution = solveAllocation(problem, ORACLE_BUDGET);
    expect(solution.evaluation.counting[5]).toBe(false);
    expect(compareScores(solution.evaluation.score, bruteForceBest(problem).score)).toBe(0);
  });
  it('under an assert a leaf takes an item past its need: the assert may need the smallest one', () => {
    // A 0-credit item the root's assert needs sits in a 1-credit leaf; the nested program that
    // meets the leaf must still join it (the room rule would drop it as the smallest item).
    const problem: AllocationProblem = {
      nodes: [
        planNode({ parent: -1, children: [1, 2], kind: 'all', need: 2 }),
        planNode({ parent: 0, kind: 'all', need: 0, cap: 2, maxCount: 1 }),
        planNode({ parent: 0, kind: 'leaf', need: 1, measure: 'credits', maxCount: 2, distinct: true }),
      ],
      items: [
        planItem({ ticks: 1, inProgress: true }),
        planItem({
          candidates: [2],
          distinctKeys: new Map([[2, 0]]),
          inProgress: true,
          asserts: [{ assert: 0, leaf: 0, key: 1 }],
        }),
        planItem({ candidates: [2], components: [0] }),
      ],
      policies: { limitCaps: [], limitCountCaps: [] },
      asserts: [
        {
          owner: 0,
          to: 3,
          nodes: [{ parent: -1, children: [], kind: 'leaf', need: 1, measure: 'count', atMost: false, distinct: true }],
        },
      ],
    };
    const solution = solveAllocation(problem, ORACLE_BUDGET);
    expect(solution.evaluation.complete).toBe(true);
    expect(compareScores(solution.evaluation.score, bruteForceBest(problem).score)).toBe(0);
  });
});

describe('a completion-only search (nested programs audited for their parents)', () => {
  test.prop([fc.oneof(smallProblem, coupledProblem)], { seed: 15_1, numRuns: runs(600) })(
    'completes exactly when the best allocation does, with the same allocation, in no more steps',
    (problem) => {
      const best = solveAllocation(problem, ORACLE_BUDGET);
      const completion = solveAllocation(problem, ORACLE_BUDGET, 'completion');
      expect(completion.optimal).toBe(true);
      expect(isValidAllocation(problem, completion.assignment)).toBe(true);
      expect(completion.evaluation.complete).toBe(best.evaluation.complete);
      if (best.evaluation.complete) expect(completion.assignment).toEqual(best.assignment);
      expect(completion.steps).toBeLessThanOrEqual(best.steps);
    },
  );

  it('gives up on an incomplete program at once instead of proving its best allocation', () => {
    // Two leaves of 10 credits, three courses (3, 4 and 5 credits) each could go to either: never
    // complete, and proving the best incomplete allocation takes a search.
    const problem: AllocationProblem = {
      nodes: [
        planNode({ parent: -1, kind: 'all', need: 2, children: [1, 2] }),
        planNode({ parent: 0, kind: 'leaf', need: 10, measure: 'credits' }),
        planNode({ parent: 0, kind: 'leaf', need: 10, measure: 'credits' }),
      ],
      items: [3, 4, 5].map((ticks) => planItem({ ticks, candidates: [1, 2] })),
      policies: { limitCaps: [], limitCountCaps: [] },
    };
    const best = solveAllocation(problem);
    const completion = solveAllocation(problem, undefined, 'completion');
    expect(best.evaluation.complete).toBe(false);
    expect(completion.evaluation.complete).toBe(false);
    expect(completion.steps).toBeLessThan(best.steps);
  });
});
