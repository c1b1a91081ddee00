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
    const leaf = (extra: Partial<PlanNode>): PlanNode => ({
      parent: 0,
      children: [],
      kind: 'leaf',
      need: 1,
      measure: 'count',
      cap: Infinity,
      maxCount: 1,
      distinct: true,
      waived: false,
      shared: false,
      ...extra,
    });
    const item = (extra: Partial<PlanItem>): PlanItem => ({
      ticks: 1,
      candidates: [],
      sharedCandidates: [],
      pinned: -1,
      limits: [],
      points: 0,
      resident: false,
      fallsThrough: false,
      inProgress: true,
      components: [],
      ...extra,
    });
    const problem: AllocationProblem = {
      nodes: [
        {
          parent: -1,
          children: [1, 2, 3],
          kind: 'all',
          need: 3,
          measure: 'count',
          cap: Infinity,
          maxCount: Infinity,
          waived: false,
          shared: false,
        },
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
    const problem: AllocationProblem = {
      nodes: [
        {
          parent: -1,
          children: [1, 5, 6, 7],
          kind: 'all',
          need: 4,
          measure: 'count',
          cap: Number.POSITIVE_INFINITY,
          maxCount: Number.POSITIVE_INFINITY,
          waived: false,
          shared: false,
        },
        {
          parent: 0,
          children: [2, 3, 4],
          kind: 'all',
          need: 3,
          measure: 'count',
          cap: 2,
          maxCount: 1,
          waived: false,
          shared: false,
        },
        {
          parent: 1,
          children: [],
          kind: 'leaf',
          need: 1,
          measure: 'count',
          cap: Number.POSITIVE_INFINITY,
          maxCount: 1,
          waived: false,
          shared: true,
        },
        {
          parent: 1,
          children: [],
          kind: 'leaf',
          need: 1,
          measure: 'count',
          cap: Number.POSITIVE_INFINITY,
          maxCount: 1,
          distinct: true,
          waived: false,
          shared: false,
        },
        {
          parent: 1,
          children: [],
          kind: 'leaf',
          need: 1,
          measure: 'count',
          cap: Number.POSITIVE_INFINITY,
          maxCount: 1,
          distinct: true,
          waived: false,
          shared: false,
        },
        {
          parent: 0,
          children: [],
          kind: 'all',
          need: 0,
          measure: 'count',
          cap: 2,
          maxCount: 1,
          waived: false,
          shared: false,
        },
        {
          parent: 0,
          children: [],
          kind: 'leaf',
          need: 6,
          measure: 'credits',
          cap: Number.POSITIVE_INFINITY,
          maxCount: Number.POSITIVE_INFINITY,
          waived: false,
          shared: false,
        },
        {
          parent: 0,
          children: [],
          kind: 'leaf',
          need: 1,
          measure: 'count',
          cap: Number.POSITIVE_INFINITY,
          maxCount: 1,
          distinct: true,
          waived: true,
          shared: false,
        },
      ],
      items: [
        {
          ticks: 0,
          candidates: [],
          sharedCandidates: [],
          pinned: 3,
          limits: [],
          distinctKeys: new Map([[3, 0]]),
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
        },
        {
          ticks: 3,
          candidates: [],
          sharedCandidates: [],
          pinned: 3,
          limits: [],
          distinctKeys: new Map([[3, 0]]),
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
          asserts: [{ assert: 0, leaf: 0, key: 1 }],
        },
        {
          ticks: 3,
          candidates: [],
          sharedCandidates: [],
          pinned: 3,
          limits: [],
          distinctKeys: new Map([[3, 0]]),
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
        },
        {
          ticks: 1,
          candidates: [6],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
          asserts: [{ assert: 0, leaf: 0, key: 1 }],
        },
        {
          ticks: 0,
          candidates: [6],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
          copyOf: 0,
          within: { from: 1, to: 5 },
        },
        {
          ticks: 3,
          candidates: [6],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
          copyOf: 1,
          within: { from: 1, to: 5 },
        },
        {
          ticks: 3,
          candidates: [6],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
          copyOf: 2,
          within: { from: 1, to: 5 },
        },
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
        {
          parent: -1,
          children: [1, 2],
          kind: 'all',
          need: 2,
          measure: 'count',
          cap: Number.POSITIVE_INFINITY,
          maxCount: Number.POSITIVE_INFINITY,
          waived: false,
          shared: false,
        },
        {
          parent: 0,
          children: [],
          kind: 'all',
          need: 0,
          measure: 'count',
          cap: 2,
          maxCount: 1,
          waived: false,
          shared: false,
        },
        {
          parent: 0,
          children: [],
          kind: 'leaf',
          need: 1,
          measure: 'credits',
          cap: Number.POSITIVE_INFINITY,
          maxCount: 2,
          distinct: true,
          waived: false,
          shared: false,
        },
      ],
      items: [
        {
          ticks: 1,
          candidates: [],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
        },
        {
          ticks: 0,
          candidates: [2],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          distinctKeys: new Map([[2, 0]]),
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: true,
          components: [],
          asserts: [{ assert: 0, leaf: 0, key: 1 }],
        },
        {
          ticks: 0,
          candidates: [2],
          sharedCandidates: [],
          pinned: -1,
          limits: [],
          points: null,
          resident: false,
          fallsThrough: false,
          inProgress: false,
          components: [0],
        },
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
