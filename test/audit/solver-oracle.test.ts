import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareScores } from '../../src/audit/allocation-problem.js';
import { solveAllocation } from '../../src/audit/solve-allocation.js';
import { runs } from '../setup/fuzz.js';
import { smallProblem } from './allocation-arbitraries.js';
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
