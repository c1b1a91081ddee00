/**
 * The allocation problem in numbers, free of catalog types: requirement nodes in depth-first
 * pre-order (a parent before its children), items with their candidate leaves, and the program
 * policies that couple leaves. Credits are integer ticks (a common denominator), so sums are exact.
 */

/** A requirement node. Index 0 is the root; children have larger indices than their parent. */
export interface PlanNode {
  readonly parent: number;
  readonly children: readonly number[];
  /** A leaf takes items; `all` needs every child, `any` needs `need` children. */
  readonly kind: 'all' | 'any' | 'leaf';
  /** `any`: children needed. Leaf: items (`count`) or ticks (`credits`) needed. `all`: unused. */
  readonly need: number;
  /** How a leaf measures: number of items, or credit ticks. */
  readonly measure: 'count' | 'credits';
  /** Ticks counted under this node are clipped to this (Infinity when uncapped). */
  readonly cap: number;
  /** At most this many items count under this node (Infinity when uncapped): the allocation applies no more. */
  readonly maxCount: number;
  /** A leaf counting only items whose values of a fact differ pairwise (their keys: {@link PlanItem.distinctKeys}). */
  readonly distinct?: boolean;
  /** Met by an exception, whatever is applied. */
  readonly waived: boolean;
  /** Items applied under a shared node are not used up (an overlay). */
  readonly shared: boolean;
}

/** A credit item as the solver sees it. */
export interface PlanItem {
  readonly ticks: number;
  /** Non-shared leaves it may be applied to (tree order). */
  readonly candidates: readonly number[];
  /** Shared leaves it matches. */
  readonly sharedCandidates: readonly number[];
  /** A leaf an exception pins it to (-1 for none): applied there whatever the capacity. */
  readonly pinned: number;
  /** For each distinct leaf it may go to: its value of the leaf's fact, as a number (equal values, equal numbers). */
  readonly distinctKeys?: ReadonlyMap<number, number>;
  /** Policy limits whose condition it matches. */
  readonly limits: readonly number[];
  /** Grade points for the GPA, or null when ungraded or pass/fail. */
  readonly points: number | null;
  /** It counts toward residency. */
  readonly resident: boolean;
  /** It counts toward the program's totals when applied to no requirement (fall-through). */
  readonly fallsThrough: boolean;
  /** Only once in-progress work finishes. */
  readonly inProgress: boolean;
  /** For a completed nested program: the items it is made of (used up with it). */
  readonly components: readonly number[];
  /** The asserts' leaves it matches, where it may count under their nodes (with its distinct value there). */
  readonly asserts?: readonly AssertMatch[];
  /**
   * Listed double counting: this item is the second application of item `copyOf`, valid only
   * while that one is applied to a leaf in nodes `within.from` up to `within.to`. It counts what
   * its original counts after limits, and toward no total, residency or GPA.
   */
  readonly copyOf?: number;
  readonly within?: { readonly from: number; readonly to: number };
}

/** An assert leaf an item matches: the assert's index, the leaf's, and its distinct value there. */
export interface AssertMatch {
  readonly assert: number;
  readonly leaf: number;
  readonly key?: number;
}

/** Per item list with second applications: which items are applied twice. */
const appliedTwiceOf = new WeakMap<readonly PlanItem[], readonly boolean[]>();

/** Which items some second application copies: only they can take a place twice under one node. */
export function appliedTwice(items: readonly PlanItem[]): readonly boolean[] {
  let twice = appliedTwiceOf.get(items);
  if (!twice) {
    const flags = new Array<boolean>(items.length).fill(false);
    for (const item of items) if (item.copyOf !== undefined) flags[item.copyOf] = true;
    appliedTwiceOf.set(items, (twice = flags));
  }
  return twice;
}

/**
 * The value an item brings to an assert leaf it matches: its distinct value there, or one of its
 * own (negative; a second application shares its original's, so an item applied twice under the
 * node is one item there).
 */
export function assertValueKey(match: AssertMatch, items: readonly PlanItem[], item: number): number {
  return match.key ?? -1 - (items[item]!.copyOf ?? item);
}

/** A node of an assert's tree, in the solver's terms (needs in ticks for credits). */
export interface PlanAssertNode {
  readonly parent: number;
  readonly children: readonly number[];
  readonly kind: 'all' | 'any' | 'leaf';
  /** `any`: children needed; `all`: its children's number; leaf: items or ticks (at least, or at most). */
  readonly need: number;
  readonly measure: 'count' | 'credits';
  readonly atMost: boolean;
  readonly distinct: boolean;
}

/** A node's assert ("among the counted"): met on the items counting in nodes `owner` up to `to`. */
export interface PlanAssert {
  readonly owner: number;
  readonly to: number;
  readonly nodes: readonly PlanAssertNode[];
}

/** Program policies that need the whole allocation. */
export interface PlanPolicies {
  readonly totalTicks?: number;
  readonly residencyTicks?: number;
  readonly minGpa?: number;
  /** A GPA the allocation cannot change (`over: "all-graded"`): its value and whether it meets the minimum. */
  readonly fixedGpa?: { readonly gpa: number | null; readonly met: boolean };
  /** Caps in ticks of the program's `limits`, by index. */
  readonly limitCaps: readonly number[];
  /** Items each limit lets count at most (`maxCount`, Infinity when it caps only credits), by index. */
  readonly limitCountCaps: readonly number[];
}

export interface AllocationProblem {
  readonly nodes: readonly PlanNode[];
  /** The items; second applications (listed double counting, {@link PlanItem.copyOf}) come last. */
  readonly items: readonly PlanItem[];
  readonly policies: PlanPolicies;
  /** The nodes' asserts, if any. */
  readonly asserts?: readonly PlanAssert[];
}

/** An allocation: for each item the leaf it is applied to, or -1. */
export type Assignment = number[];

/** Lexicographic objective: complete, nodes met, nodes met by finished work, progress. */
export type Score = readonly [number, number, number, number];

/** The score of a complete allocation (any one is as good as another). */
export const COMPLETE_SCORE: Score = [1, 0, 0, 0];

/** A GPA this close under its minimum still meets it (floating-point sums of grade points). */
export const GPA_TOLERANCE = 1e-9;

/** Score components closer than this are equal. */
export const SCORE_TOLERANCE = 1e-9;

/** Compares two scores: positive when `a` is better. */
export function compareScores(a: Score, b: Score): number {
  for (let i = 0; i < 4; i++) {
    const d = a[i]! - b[i]!;
    if (Math.abs(d) > SCORE_TOLERANCE) return d;
  }
  return 0;
}
