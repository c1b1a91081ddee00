import { describe, expect, it } from 'vitest';
import type { AllocationProblem } from '../../src/audit/allocation-problem.js';
import { solveContext } from '../../src/audit/solver/context.js';
import { SearchState } from '../../src/audit/solver/state.js';
import { planItem, planNode } from './plan-builders.js';

describe('the search state considering allocations', () => {
  // One leaf of one course under an assert of one course: two courses there, and the second is
  // not needed, so considering the allocation cleans it up (two evaluations).
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 1, children: [1] }),
      planNode({ parent: 0, kind: 'leaf', need: 1 }),
    ],
    items: [0, 1].map(() => planItem({ ticks: 3, candidates: [1], asserts: [{ assert: 0, leaf: 0 }] })),
    policies: { limitCaps: [], limitCountCaps: [] },
    asserts: [
      {
        owner: 0,
        to: 2,
        nodes: [{ parent: -1, children: [], kind: 'leaf', need: 1, measure: 'count', atMost: false, distinct: false }],
      },
    ],
  };

  it('does not evaluate again an allocation it considered, but counts its steps as before', () => {
    const state = new SearchState(solveContext(problem));
    state.place(0, 1);
    state.place(1, 1);
    const start = state.steps;
    state.consider();
    expect(state.evaluations).toBe(2);
    expect(state.best?.assignment).toEqual([1, -1]);
    const once = state.steps - start;
    state.consider();
    expect(state.evaluations).toBe(2);
    expect(state.steps - start).toBe(2 * once);
    // The cleaned-up allocation, reached directly, is known too.
    state.unplace(1, 1);
    state.consider();
    expect(state.evaluations).toBe(2);
    expect(state.best?.assignment).toEqual([1, -1]);
  });
});
