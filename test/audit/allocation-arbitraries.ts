import fc from 'fast-check';
import type { AllocationProblem, PlanItem, PlanNode } from '../../src/audit/allocation-problem.js';

/** A random requirement tree of at most `maxLeaves` leaves, in depth-first pre-order. */
const treeShape = fc.array(fc.record({ group: fc.nat(2), kind: fc.constantFrom<'all' | 'any'>('all', 'any') }), { minLength: 1, maxLength: 6 });

const leafSpec = fc.record({
  measure: fc.constantFrom<'count' | 'credits'>('count', 'credits'),
  count: fc.integer({ min: 1, max: 2 }),
  credits: fc.integer({ min: 1, max: 8 }),
  cap: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
  shared: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  waived: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** Random small allocation problems: up to 6 leaves and 8 items (7 awards and a nested-program bundle), with caps, limits, policies, shared leaves and nested-program bundles. */
export const smallProblem: fc.Arbitrary<AllocationProblem> = fc
  .record({
    shape: treeShape,
    leaves: fc.array(leafSpec, { minLength: 6, maxLength: 6 }),
    rootKind: fc.constantFrom<'all' | 'any'>('all', 'any'),
    items: fc.array(
      fc.record({
        ticks: fc.integer({ min: 0, max: 5 }),
        candidateMask: fc.tuple(fc.nat(63), fc.nat(63)).map(([a, b]) => a | b),
        limited: fc.boolean(),
        points: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        resident: fc.boolean(),
        fallsThrough: fc.boolean(),
        inProgress: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    bundle: fc.option(fc.record({ components: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 2 }), candidateMask: fc.nat(63) }), { nil: undefined }),
    limitCap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    totalTicks: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    residencyTicks: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    minGpa: fc.option(fc.constantFrom(1.5, 2, 3), { nil: undefined }),
  })
  .map(({ shape, leaves, rootKind, items, bundle, limitCap, totalTicks, residencyTicks, minGpa }) => {
    // Root, then groups (each an all/any), then leaves spread over root and groups.
    const nodes: { parent: number; kind: 'all' | 'any' | 'leaf'; leaf?: (typeof leaves)[number] }[] = [{ parent: -1, kind: rootKind }];
    const groups = shape.slice(0, 2).map((g) => nodes.push({ parent: 0, kind: g.kind }) - 1);
    shape.forEach((s, i) => {
      if (i >= leaves.length) return;
      const parent = s.group === 0 || groups.length === 0 ? 0 : groups[(s.group - 1) % groups.length]!;
      nodes.push({ parent, kind: 'leaf', leaf: leaves[i]! });
    });
    // Re-order into pre-order so that children follow their parents.
    const order: number[] = [];
    const visit = (i: number) => {
      order.push(i);
      nodes.forEach((n, j) => n.parent === i && visit(j));
    };
    visit(0);
    const position = new Map(order.map((old, index) => [old, index]));
    const planNodes: PlanNode[] = order.map((old) => {
      const n = nodes[old]!;
      const children = nodes.flatMap((m, j) => (m.parent === old ? [position.get(j)!] : []));
      if (n.kind === 'leaf') {
        const l = n.leaf!;
        return { parent: n.parent < 0 ? -1 : position.get(n.parent)!, children, kind: 'leaf', need: l.measure === 'count' ? l.count : l.credits, measure: l.measure, cap: l.cap ?? Infinity, waived: l.waived, shared: l.shared };
      }
      return { parent: n.parent < 0 ? -1 : position.get(n.parent)!, children, kind: n.kind, need: n.kind === 'any' ? 1 : children.length, measure: 'count', cap: Infinity, waived: false, shared: false };
    });
    const leafIndices = planNodes.flatMap((n, i) => (n.kind === 'leaf' && !n.waived ? [i] : []));
    const pick = (mask: number, shared: boolean) => leafIndices.filter((leaf, k) => (mask >> k) & 1 && planNodes[leaf]!.shared === shared);
    const planItems: PlanItem[] = items.map((item) => ({
      ticks: item.ticks,
      candidates: pick(item.candidateMask, false),
      sharedCandidates: pick(item.candidateMask, true),
      pinned: -1,
      limits: limitCap !== undefined && item.limited ? [0] : [],
      points: item.points,
      resident: item.resident,
      fallsThrough: item.fallsThrough,
      inProgress: item.inProgress,
      components: [],
    }));
    if (bundle) {
      const components = bundle.components.filter((c) => c < planItems.length);
      if (components.length > 0)
        planItems.push({ ticks: 0, candidates: pick(bundle.candidateMask, false), sharedCandidates: [], pinned: -1, limits: [], points: null, resident: false, fallsThrough: false, inProgress: false, components });
    }
    return {
      nodes: planNodes,
      items: planItems,
      policies: {
        ...(totalTicks !== undefined ? { totalTicks } : {}),
        ...(residencyTicks !== undefined ? { residencyTicks } : {}),
        ...(minGpa !== undefined ? { minGpa } : {}),
        limitCaps: limitCap !== undefined ? [limitCap] : [],
      },
    };
  });
