import type { PlanItem, PlanNode } from '../../src/audit/allocation-problem.js';

/**
 * A plan node with the defaults of an uncapped, unwaived, unshared node measured by count: a test
 * names only what differs.
 */
export function planNode(node: Pick<PlanNode, 'parent' | 'kind' | 'need'> & Partial<PlanNode>): PlanNode {
  return {
    children: [],
    measure: 'count',
    cap: Number.POSITIVE_INFINITY,
    maxCount: Number.POSITIVE_INFINITY,
    waived: false,
    shared: false,
    ...node,
  };
}

/** A plan item with the defaults of a finished, ungraded item that matches nothing: a test names what differs. */
export function planItem(item: Partial<PlanItem>): PlanItem {
  return {
    ticks: 0,
    candidates: [],
    sharedCandidates: [],
    pinned: -1,
    limits: [],
    points: null,
    resident: false,
    fallsThrough: false,
    inProgress: false,
    components: [],
    ...item,
  };
}
