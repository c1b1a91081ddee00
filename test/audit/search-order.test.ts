import { describe, expect, it } from 'vitest';
import type { AllocationProblem } from '../../src/audit/allocation-problem.js';
import { solveContext } from '../../src/audit/solver/context.js';
import { searchOrder } from '../../src/audit/solver/search-order.js';
import { planItem, planNode } from './plan-builders.js';

describe('the search order finding interchangeable items', () => {
  // Eight courses of 3 credits that may go to either of two leaves (so in item order: they have
  // as many candidates). Course 1 is course 0 again; course 2 is resident, so counts otherwise
  // toward residency; courses 3 and 4 fall through, so their residency tells them apart in
  // nothing; courses 5 to 7 match the assert's leaf, course 6 with a value of its own there.
  const course = { ticks: 3, candidates: [1, 2] };
  const match = { assert: 0, leaf: 0 };
  const problem: AllocationProblem = {
    nodes: [
      planNode({ parent: -1, kind: 'all', need: 2, children: [1, 2] }),
      planNode({ parent: 0, kind: 'leaf', need: 3 }),
      planNode({ parent: 0, kind: 'leaf', need: 3 }),
    ],
    items: [
      planItem(course),
      planItem(course),
      planItem({ ...course, resident: true }),
      planItem({ ...course, resident: true, fallsThrough: true }),
      planItem({ ...course, fallsThrough: true }),
      planItem({ ...course, asserts: [match] }),
      planItem({ ...course, asserts: [{ ...match, key: 1 }] }),
      planItem({ ...course, asserts: [match] }),
    ],
    policies: { limitCaps: [], limitCountCaps: [] },
    asserts: [
      {
        owner: 1,
        to: 2,
        nodes: [{ parent: -1, children: [], kind: 'leaf', need: 1, measure: 'count', atMost: false, distinct: false }],
      },
    ],
  };

  it('links each to the last one before it that it is interchangeable with', () => {
    const order = searchOrder(solveContext(problem), [0, 1, 2, 3, 4, 5, 6, 7]);
    expect(order.contested).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(order.previousTwin).toEqual([-1, 0, -1, -1, 3, -1, -1, 5]);
  });
});
