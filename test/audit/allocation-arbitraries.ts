import fc from 'fast-check';
import type { AllocationProblem, PlanItem, PlanNode } from '../../src/audit/allocation-problem.js';
import { planItem } from './plan-builders.js';

/** A random requirement tree of at most `maxLeaves` leaves, in depth-first pre-order. */
const treeShape = fc.array(
  fc.record({
    group: fc.nat(2),
    kind: fc.constantFrom<'all' | 'any'>('all', 'any'),
    cap: fc.integer({ min: 0, max: 29 }).map((n) => (n < 10 ? n + 2 : undefined)),
    maxCount: fc.integer({ min: 0, max: 9 }).map((n) => (n < 3 ? n + 1 : undefined)),
  }),
  {
    minLength: 1,
    maxLength: 6,
  },
);

const leafSpec = fc.record({
  measure: fc.constantFrom<'count' | 'credits'>('count', 'credits'),
  count: fc.integer({ min: 1, max: 2 }),
  credits: fc.integer({ min: 1, max: 8 }),
  cap: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
  maxCount: fc.integer({ min: 0, max: 9 }).map((n) => (n < 2 ? n + 1 : undefined)),
  distinct: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  shared: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  waived: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/**
 * Random small allocation problems: up to 6 leaves and 9 items (7 awards and up to two
 * nested-program bundles), with caps on leaves and groups, up to two policy limits that often clip
 * an item in part (an item may fall under both), pins (exceptions placing an award in a leaf
 * whatever it matches, over its capacity), policies, shared leaves and nested-program bundles
 * (two may share a component).
 */
export const smallProblem: fc.Arbitrary<AllocationProblem> = fc
  .record({
    shape: treeShape,
    leaves: fc.array(leafSpec, { minLength: 6, maxLength: 6 }),
    rootKind: fc.constantFrom<'all' | 'any'>('all', 'any'),
    items: fc.array(
      fc.record({
        ticks: fc.integer({ min: 0, max: 5 }),
        candidateMask: fc.tuple(fc.nat(63), fc.nat(63)).map(([a, b]) => a | b),
        limitMask: fc.nat(3),
        // One award in five is pinned by an exception.
        pin: fc.integer({ min: 0, max: 29 }).map((n) => (n < 6 ? n : undefined)),
        points: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        resident: fc.boolean(),
        fallsThrough: fc.boolean(),
        inProgress: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        // Its value of a distinct leaf's fact: few values, so repeats are common.
        value: fc.nat(2),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    bundles: fc.array(
      fc.record({ components: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 2 }), candidateMask: fc.nat(63) }),
      { maxLength: 2 },
    ),
    limitCaps: fc.array(
      fc.record({
        credits: fc.integer({ min: 0, max: 12 }).map((n) => (n <= 8 ? n : Infinity)),
        count: fc.integer({ min: 0, max: 6 }).map((n) => (n <= 2 ? n : Infinity)),
      }),
      { maxLength: 2 },
    ),
    totalTicks: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    residencyTicks: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    minGpa: fc.option(fc.constantFrom(1.5, 2, 3), { nil: undefined }),
  })
  .map(({ shape, leaves, rootKind, items, bundles, limitCaps, totalTicks, residencyTicks, minGpa }) => {
    // Root, then groups (each an all/any), then leaves spread over root and groups.
    const nodes: {
      parent: number;
      kind: 'all' | 'any' | 'leaf';
      cap?: number | undefined;
      maxCount?: number | undefined;
      leaf?: (typeof leaves)[number];
    }[] = [{ parent: -1, kind: rootKind }];
    const groups = shape
      .slice(0, 2)
      .map((g) => nodes.push({ parent: 0, kind: g.kind, cap: g.cap, maxCount: g.maxCount }) - 1);
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
        return {
          parent: n.parent < 0 ? -1 : position.get(n.parent)!,
          children,
          kind: 'leaf',
          need: l.measure === 'count' ? l.count : l.credits,
          measure: l.measure,
          cap: l.cap ?? Infinity,
          maxCount: l.maxCount ?? Infinity,
          ...(l.distinct && !l.shared ? { distinct: true } : {}),
          waived: l.waived,
          shared: l.shared,
        };
      }
      return {
        parent: n.parent < 0 ? -1 : position.get(n.parent)!,
        children,
        kind: n.kind,
        need: n.kind === 'any' ? 1 : children.length,
        measure: 'count',
        cap: n.cap ?? Infinity,
        maxCount: n.maxCount ?? Infinity,
        waived: false,
        shared: false,
      };
    });
    const leafIndices = planNodes.flatMap((n, i) => (n.kind === 'leaf' && !n.waived ? [i] : []));
    const pick = (mask: number, shared: boolean) =>
      leafIndices.filter((leaf, k) => (mask >> k) & 1 && planNodes[leaf]!.shared === shared);
    // An exception pins an award to any leaf not shared (waived or not); a pinned award has no other candidates.
    const pinnable = planNodes.flatMap((n, i) => (n.kind === 'leaf' && !n.shared ? [i] : []));
    const distinctKeysOf = (leaves: number[], value: number) => {
      const keys = new Map(leaves.filter((leaf) => planNodes[leaf]!.distinct).map((leaf) => [leaf, value] as const));
      return keys.size > 0 ? { distinctKeys: keys } : {};
    };
    const planItems: PlanItem[] = items.map((item) => {
      const pinned = item.pin !== undefined && pinnable.length > 0 ? pinnable[item.pin % pinnable.length]! : -1;
      return {
        ticks: item.ticks,
        candidates: pinned >= 0 ? [] : pick(item.candidateMask, false),
        sharedCandidates: pinned >= 0 ? [] : pick(item.candidateMask, true),
        pinned,
        limits: limitCaps.flatMap((_, limit) => ((item.limitMask >> limit) & 1 ? [limit] : [])),
        ...distinctKeysOf(pinned >= 0 ? [pinned] : pick(item.candidateMask, false), item.value),
        points: item.points,
        resident: item.resident,
        fallsThrough: item.fallsThrough,
        inProgress: item.inProgress,
        components: [],
      };
    });
    const awards = planItems.length;
    for (const bundle of bundles) {
      const components = bundle.components.filter((c) => c < awards);
      if (components.length > 0)
        planItems.push(planItem({ candidates: pick(bundle.candidateMask, false), components }));
    }
    return {
      nodes: planNodes,
      items: planItems,
      policies: {
        ...(totalTicks !== undefined ? { totalTicks } : {}),
        ...(residencyTicks !== undefined ? { residencyTicks } : {}),
        ...(minGpa !== undefined ? { minGpa } : {}),
        limitCaps: limitCaps.map((l) => l.credits),
        limitCountCaps: limitCaps.map((l) => l.count),
      },
    };
  });

/** The nodes of a subtree in pre-order: `from` up to (not including) the returned end. */
function subtreeEnd(nodes: readonly PlanNode[], from: number): number {
  let end = from + 1;
  while (end < nodes.length && nodes[end]!.parent >= from && isUnder(nodes, end, from)) end++;
  return end;
}
function isUnder(nodes: readonly PlanNode[], node: number, ancestor: number): boolean {
  for (let n = node; n >= 0; n = nodes[n]!.parent) if (n === ancestor) return true;
  return false;
}

const assertLeafSpec = fc.record({
  measure: fc.constantFrom<'count' | 'credits'>('count', 'credits'),
  atMost: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  need: fc.integer({ min: 0, max: 4 }),
  distinct: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  matchMask: fc.nat(511),
});

/**
 * {@link smallProblem} (at most 6 items) with the constructs that couple items beyond their
 * leaves: an assert on a random node (one leaf, or an all/any of two, at-least or at-most, some
 * distinct, matched by random items), and listed double counting from one subtree to a disjoint
 * one (second applications of random items placed under the first, last in the problem).
 */
export const coupledProblem: fc.Arbitrary<AllocationProblem> = fc
  .tuple(
    smallProblem.filter((p) => p.items.length <= 6),
    fc.record({
      assertOwner: fc.option(fc.nat(8), { nil: undefined }),
      assertKind: fc.constantFrom<'leaf' | 'all' | 'any'>('leaf', 'all', 'any'),
      assertLeaves: fc.array(assertLeafSpec, { minLength: 2, maxLength: 2 }),
      share: fc.option(fc.tuple(fc.nat(8), fc.nat(8), fc.nat(63), fc.nat(63)), { nil: undefined }),
    }),
  )
  .map(([problem, { assertOwner, assertKind, assertLeaves, share }]) => {
    const { nodes } = problem;
    const items: PlanItem[] = [...problem.items];
    let asserts: AllocationProblem['asserts'];
    if (assertOwner !== undefined) {
      const owner = assertOwner % nodes.length;
      const leafCount = assertKind === 'leaf' ? 1 : 2;
      const leafNodes = assertLeaves.slice(0, leafCount).map((l) => ({
        parent: assertKind === 'leaf' ? -1 : 0,
        children: [],
        kind: 'leaf' as const,
        need: l.measure === 'count' ? Math.min(l.need, 3) : l.need * 2,
        measure: l.measure,
        atMost: l.atMost,
        distinct: l.distinct && !l.atMost,
      }));
      const assertNodes =
        assertKind === 'leaf'
          ? leafNodes
          : [
              {
                parent: -1,
                children: [1, 2],
                kind: assertKind,
                need: assertKind === 'all' ? 2 : 1,
                measure: 'count' as const,
                atMost: false,
                distinct: false,
              },
              ...leafNodes,
            ];
      asserts = [{ owner, to: subtreeEnd(nodes, owner), nodes: assertNodes }];
      const offset = assertKind === 'leaf' ? 0 : 1;
      items.forEach((item, index) => {
        const matches = assertLeaves
          .slice(0, leafCount)
          .flatMap((l, j) =>
            (l.matchMask >> index) & 1
              ? [{ assert: 0, leaf: j + offset, ...(l.distinct ? { key: index % 2 } : {}) }]
              : [],
          );
        if (matches.length > 0 && item.components.length === 0) items[index] = { ...item, asserts: matches };
      });
    }
    if (share) {
      // The sharing node: one that items may go under; the listed one: the first after a random start disjoint from it.
      const from = share[0] % nodes.length === 0 ? 1 % nodes.length : share[0] % nodes.length;
      const to = subtreeEnd(nodes, from);
      const target = [...nodes.keys()]
        .map((k) => (share[1] + k) % nodes.length)
        .find((t) => subtreeEnd(nodes, t) <= from || t >= to);
      const targetEnd = target === undefined ? 0 : subtreeEnd(nodes, target);
      if (target !== undefined) {
        const originals = items.length;
        for (let index = 0; index < originals && items.length < originals + 3; index++) {
          const item = items[index]!;
          const leaves = item.pinned >= 0 ? [item.pinned] : item.candidates;
          if (item.components.length > 0 || !(((share[2] | 5) >> index) & 1)) continue;
          if (!leaves.some((leaf) => leaf >= from && leaf < to)) continue;
          const candidates = nodes.flatMap((n, leaf) =>
            n.kind === 'leaf' &&
            !n.shared &&
            !n.waived &&
            leaf >= target &&
            leaf < targetEnd &&
            ((share[3] | 1) >> (leaf - target)) & 1
              ? [leaf]
              : [],
          );
          if (candidates.length === 0) continue;
          const value = item.distinctKeys ? ([...item.distinctKeys.values()][0] ?? 0) : index % 3;
          const keys = new Map(
            candidates.filter((leaf) => nodes[leaf]!.distinct).map((leaf) => [leaf, value] as const),
          );
          items.push(
            planItem({
              ticks: item.ticks,
              candidates,
              ...(keys.size > 0 ? { distinctKeys: keys } : {}),
              inProgress: item.inProgress,
              copyOf: index,
              within: { from, to },
            }),
          );
        }
      }
    }
    return { ...problem, items, ...(asserts ? { asserts } : {}) };
  });
