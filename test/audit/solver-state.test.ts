import { describe, expect, it } from 'vitest';
import type { AllocationProblem } from '../../src/audit/allocation-problem.js';
import { DEFAULT_STEP_BUDGET, solveAllocation } from '../../src/audit/solve-allocation.js';
import { UpperBound } from '../../src/audit/solver/bound.js';
import { solveContext } from '../../src/audit/solver/context.js';
import { firstFit } from '../../src/audit/solver/first-fit.js';
import { mayHaveRoom } from '../../src/audit/solver/room.js';
import { search } from '../../src/audit/solver/search.js';
import { searchOrder } from '../../src/audit/solver/search-order.js';
import { SearchState } from '../../src/audit/solver/state.js';
import { placeUncontested } from '../../src/audit/solver/uncontested.js';
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

describe('the search reaching a complete assignment', () => {
  // Leaf 1 needs 2 credits, leaf 2 too but nothing can go there: no allocation completes. The
  // first fit places course 0 (1 credit, the fewest candidates first, then item order) at leaf 1,
  // where course 1 (2 credits) does not surely fit beside it: [1, -1], leaf 1 unmet. The search
  // reaches that assignment again (course 0 there, course 1 left out): the bound over it is its
  // own score, no better than the best, so it is not evaluated again. Course 1 alone meets leaf 1.
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 2, children: [1, 2] }),
      planNode({ parent: 0, kind: 'leaf', need: 2, measure: 'credits' }),
      planNode({ parent: 0, kind: 'leaf', need: 2, measure: 'credits' }),
    ],
    items: [
      planItem({ ticks: 1, inProgress: true, candidates: [1] }),
      planItem({ ticks: 2, inProgress: true, candidates: [1] }),
    ],
    policies: { limitCaps: [], limitCountCaps: [] },
  };

  it('evaluates it only when the bound over it (and what a clean-up makes of it) beats the best', () => {
    const context = solveContext(problem);
    const state = new SearchState(context);
    const contested = placeUncontested(state);
    expect(contested).toEqual([0, 1]);
    expect(firstFit(state, contested)).toBe(false);
    expect(state.evaluations).toBe(1);
    expect(state.best?.assignment).toEqual([1, -1]);
    const order = searchOrder(context, contested);
    for (const index of order.contested) state.addPotential(index, 1);
    expect(search(state, order, new UpperBound(state, order.contested), DEFAULT_STEP_BUDGET)).toBe(false);
    expect(state.evaluations).toBe(2);
    expect(state.best?.assignment).toEqual([-1, 1]);
  });
});

/** Two leaves of one course each under an `all`; the first under an assert of `need` matching courses. */
function assertOnFirstLeaf(
  need: number,
  items: AllocationProblem['items'],
  policies: AllocationProblem['policies'],
): AllocationProblem {
  return {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 2, children: [1, 2] }),
      planNode({ parent: 0, kind: 'leaf', need: 1 }),
      planNode({ parent: 0, kind: 'leaf', need: 1 }),
    ],
    items,
    policies,
    asserts: [
      {
        owner: 1,
        to: 2,
        nodes: [{ parent: -1, children: [], kind: 'leaf', need, measure: 'count', atMost: false, distinct: false }],
      },
    ],
  };
}

/** The bound at the search's root: both courses contested (each test's problem has two), nothing placed by the search. */
function rootBound(problem: AllocationProblem): UpperBound {
  const context = solveContext(problem);
  const state = new SearchState(context);
  const contested = placeUncontested(state);
  expect(contested).toEqual([0, 1]);
  const order = searchOrder(context, contested);
  for (const index of order.contested) state.addPotential(index, 1);
  return new UpperBound(state, order.contested);
}

describe('the bound over an assert on a requirement leaf', () => {
  // Leaf 1 takes one course, under an assert of two matching courses; leaf 2 takes one course.
  // Courses 0 and 1 both match the assert, but a limit lets only one of them count: no
  // allocation meets leaf 1. Course 0 can go to leaf 2 as well, so without the assert every leaf
  // could be met (course 0 at leaf 2, course 1 at leaf 1) and the program completed.
  const problem = assertOnFirstLeaf(
    2,
    [
      planItem({ ticks: 3, candidates: [1, 2], limits: [0], asserts: [{ assert: 0, leaf: 0 }] }),
      planItem({ ticks: 3, candidates: [1], limits: [0], asserts: [{ assert: 0, leaf: 0 }] }),
    ],
    { limitCaps: [Infinity], limitCountCaps: [1] },
  );

  it('takes the leaf as unmet when its assert cannot be met, limits counted', () => {
    // Leaf 2 and the three policies (none set) at most, as the best allocation (course 0 at leaf
    // 2; the limit lets only one course count): the progress bound still sees leaf 1 filled.
    expect(rootBound(problem).score(0)).toEqual([0, 4, 1, 4]);
    const solution = solveAllocation(problem);
    expect(solution.assignment).toEqual([2, -1]);
    expect(solution.evaluation.score).toEqual([0, 4, 1, 3]);
  });
});

describe('the bound over an assert on finished work', () => {
  // Leaf 1 takes one course, under an assert of one matching course: course 1 matches, but it
  // is in progress, so finished work cannot meet the leaf (course 0 meets it, not its assert).
  // Leaf 2 takes one course, and none can go there: no allocation completes the program.
  const problem = assertOnFirstLeaf(
    1,
    [
      planItem({ ticks: 3, candidates: [1] }),
      planItem({ ticks: 3, candidates: [1], inProgress: true, asserts: [{ assert: 0, leaf: 0 }] }),
    ],
    { limitCaps: [], limitCountCaps: [] },
  );

  it('takes the leaf as unmet by finished work when only work in progress meets its assert', () => {
    // Leaf 1 and the three policies (none set) met at most, none of the leaves by finished work.
    const bound = rootBound(problem).score(0, [0, 4, 0, 0]);
    expect(bound.slice(0, 3)).toEqual([0, 4, 0]);
    const solution = solveAllocation(problem);
    expect(solution.assignment).toEqual([-1, 1]);
    expect(solution.evaluation.score.slice(0, 3)).toEqual([0, 4, 0]);
  });
});

describe('the bound over the totals under a limit that lets only so many items count', () => {
  // One leaf of one course; two resident courses of 3 credits each, both able to go there and
  // falling through otherwise, under a limit that lets one item count: 3 credits count at most,
  // toward the total and residency of 6 each. Before, the bound counted both courses in full and
  // took the program as completable (the batch's searches went on where the best was proven).
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 1, children: [1] }),
      planNode({ parent: 0, kind: 'leaf', need: 1 }),
    ],
    items: [0, 1].map(() => planItem({ ticks: 3, candidates: [1], limits: [0], resident: true, fallsThrough: true })),
    policies: { totalTicks: 6, residencyTicks: 6, limitCaps: [Infinity], limitCountCaps: [1] },
  };

  it('counts only the largest items the limit lets count', () => {
    // The leaf, the root and the GPA (none set) met at most; progress 1 (the leaf) + 1/2 + 1/2.
    expect(rootBound(problem).score(0)).toEqual([0, 3, 2, 2]);
    const solution = solveAllocation(problem);
    expect(solution.assignment).toEqual([1, -1]);
    expect(solution.evaluation.score).toEqual([0, 3, 2, 2]);
  });
});

describe('the search placing items under a limit that lets only so many items count', () => {
  // One leaf of 9 credits; three courses of 3 credits, the first pinned there, all under a limit
  // that lets one item count. In an allocation where every item is needed each applied course
  // counts, so spends the limit's one item: the search places no second one (a pin takes no slot:
  // it is applied whatever it counts). Before, it placed both and let the clean-up take one out.
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 1, children: [1] }),
      planNode({ parent: 0, kind: 'leaf', need: 9, measure: 'credits' }),
    ],
    items: [
      planItem({ ticks: 3, pinned: 1, limits: [0] }),
      planItem({ ticks: 3, candidates: [1], limits: [0] }),
      planItem({ ticks: 3, candidates: [1], limits: [0] }),
    ],
    policies: { limitCaps: [Infinity], limitCountCaps: [1] },
  };

  it('places no more items under the limit than it lets count', () => {
    const state = new SearchState(solveContext(problem));
    expect(placeUncontested(state)).toEqual([1, 2]);
    expect(mayHaveRoom(state, 1, 1)).toBe(true);
    state.place(1, 1);
    expect(mayHaveRoom(state, 1, 2)).toBe(false);
    state.unplace(1, 1);
    expect(mayHaveRoom(state, 1, 2)).toBe(true);
  });
});

describe('the search placing items at a leaf under an assert', () => {
  // One leaf of 3 credits, under an assert of two matching courses; courses 0 and 2 match it,
  // course 1 does not. With course 0 there the leaf is met, and the assert counts no course 1:
  // course 1 there would be needed by nothing, whatever comes later. Course 2 may be needed by the
  // assert. Before, a leaf under an assert took any item, for the clean-up to take out.
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 1, children: [1] }),
      planNode({ parent: 0, kind: 'leaf', need: 3, measure: 'credits' }),
    ],
    items: [
      planItem({ ticks: 3, candidates: [1], asserts: [{ assert: 0, leaf: 0 }] }),
      planItem({ ticks: 3, candidates: [1] }),
      planItem({ ticks: 3, candidates: [1], asserts: [{ assert: 0, leaf: 0 }] }),
    ],
    policies: { limitCaps: [], limitCountCaps: [] },
    asserts: [
      {
        owner: 1,
        to: 2,
        nodes: [{ parent: -1, children: [], kind: 'leaf', need: 2, measure: 'count', atMost: false, distinct: false }],
      },
    ],
  };

  it('takes no item there that only the leaf could need once the leaf is met', () => {
    const state = new SearchState(solveContext(problem));
    expect(placeUncontested(state)).toEqual([0, 1, 2]);
    expect(mayHaveRoom(state, 1, 1)).toBe(true);
    state.place(0, 1);
    expect(mayHaveRoom(state, 1, 1)).toBe(false);
    expect(mayHaveRoom(state, 1, 2)).toBe(true);
    expect(solveAllocation(problem).assignment).toEqual([1, -1, 1]);
  });
});

describe('the bound over an item the search can no longer place', () => {
  // One leaf of 3 credits; two courses of 3 credits that count toward the total (6 credits)
  // only when applied (they do not fall through), both able to go there. Once one is placed the
  // leaf is met, so it has no room for the other, here or below: the other brings the total
  // nothing. Before, the bound counted it toward the total until the search left it out, and
  // took the total as reachable.
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 1, children: [1] }),
      planNode({ parent: 0, kind: 'leaf', need: 3, measure: 'credits' }),
    ],
    items: [0, 1].map(() => planItem({ ticks: 3, candidates: [1], fallsThrough: false })),
    policies: { totalTicks: 6, limitCaps: [], limitCountCaps: [] },
  };

  it('counts it nowhere, toward the leaves or the policies', () => {
    const context = solveContext(problem);
    const state = new SearchState(context);
    const contested = placeUncontested(state);
    expect(contested).toEqual([0, 1]);
    const order = searchOrder(context, contested);
    for (const index of order.contested) state.addPotential(index, 1);
    const bound = new UpperBound(state, order.contested);
    // At the root both courses may go to the leaf: the bound takes the program as completable.
    expect(bound.score(0)).toEqual([1, 0, 0, 0]);
    state.addPotential(0, -1);
    state.place(0, 1);
    expect(mayHaveRoom(state, 1, 1)).toBe(false);
    // Course 0 there: the leaf, the root, residency and the GPA (none set) met; progress 1 (the
    // leaf) + 1/2 (the total) + 1 (residency), as the best allocation.
    expect(bound.score(1)).toEqual([0, 4, 2, 2.5]);
    const solution = solveAllocation(problem);
    expect(solution.assignment).toEqual([1, -1]);
    expect(solution.evaluation.score).toEqual([0, 4, 2, 2.5]);
  });
});

describe('the search opening its root', () => {
  // Two leaves of 2 credits under an `all`; two courses of 1 and 2 credits, both able to go to
  // the first leaf only: no allocation completes, and the first fit ([1, -1]) leaves the bound
  // above the best, so the search runs.
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 2, children: [1, 2] }),
      planNode({ parent: 0, kind: 'leaf', need: 2, measure: 'credits' }),
      planNode({ parent: 0, kind: 'leaf', need: 2, measure: 'credits' }),
    ],
    items: [planItem({ ticks: 1, candidates: [1] }), planItem({ ticks: 2, candidates: [1] })],
    policies: { limitCaps: [], limitCountCaps: [] },
  };

  it('works out the bound at the root once: its ceiling, on the same state', () => {
    const context = solveContext(problem);
    const state = new SearchState(context);
    const contested = placeUncontested(state);
    expect(firstFit(state, contested)).toBe(false);
    const order = searchOrder(context, contested);
    for (const index of order.contested) state.addPotential(index, 1);
    const bound = new UpperBound(state, order.contested);
    const depths: number[] = [];
    const score = bound.score.bind(bound);
    bound.score = (k, against, subsets) => {
      depths.push(k);
      return score(k, against, subsets);
    };
    expect(search(state, order, bound, DEFAULT_STEP_BUDGET)).toBe(false);
    expect(depths[0]).toBe(0);
    expect(depths.filter((k) => k === 0)).toHaveLength(1);
    expect(state.best?.assignment).toEqual([-1, 1]);
  });
});
