import type { UpperBound } from './bound.js';
import { neededByLeafOnly } from './context.js';
import type { SearchState } from './state.js';

/**
 * Whether a leaf may take one more item, as the search knows it: the rule that every applied
 * item is needed (README), count caps and distinct values. A leaf takes an item only if, without
 * its smallest item, it would be unmet (a leaf under an assert takes items past its need that an
 * assert over it may need).
 */

/**
 * Whether `leaf` has room for item `index` under its count caps (itself included; a second
 * application takes no slot under a node above its original) and its measure takes the item.
 */
export function roomUnderCounts(state: SearchState, leaf: number, index: number): boolean {
  const { problem, countCapsOver, subtreeEnd } = state.context;
  const { copyOf } = problem.items[index]!;
  const original = copyOf === undefined ? -1 : state.assignment[copyOf]!;
  for (const n of countCapsOver[leaf]!) {
    if (original >= n && original < subtreeEnd[n]!) continue;
    if (state.slots[n]! >= problem.nodes[n]!.maxCount) return false;
  }
  return state.measures[leaf]!.takes(index);
}

/** Whether `leaf` surely has room for item `index`: every item stays needed in what they count at most. */
export function surelyHasRoom(state: SearchState, leaf: number, index: number): boolean {
  const { counted, shape, underAssert } = state.context;
  const value = state.measures[leaf]!.most(index);
  return (
    counted.mayCount[index]! &&
    roomUnderCounts(state, leaf, index) &&
    (state.placed[leaf]! + value - Math.min(value, state.smallestAt(leaf)) < shape.need[leaf]! || underAssert[leaf]!)
  );
}

/**
 * Whether `leaf` may take item `index`, as far as the items placed so far tell: what they count
 * for sure already leaves none of them unneeded (a complete allocation is checked as a whole,
 * `SearchState.consider`). Under an assert, only the items no assert may need ({@link neededByLeafOnly}) must be needed by
 * the leaf itself: the others may be needed by the assert, which the clean-up finds. No limit
 * may have more items placed under it than it lets count ({@link SearchState.limitHasRoom}).
 * Once false it stays false as more items are placed (the count caps, limits and distinct values
 * only fill up; what the leaf holds for sure less its smallest exact item only grows), for an item
 * that is not a second application (its original's place decides its room): the bound relies on
 * it ({@link UpperBound}).
 */
export function mayHaveRoom(state: SearchState, leaf: number, index: number): boolean {
  const { counted, shape } = state.context;
  if (!counted.mayCount[index] || !roomUnderCounts(state, leaf, index) || !state.limitHasRoom(index, leaf))
    return false;
  const measure = state.measures[leaf]!;
  const least = measure.least(index);
  const exact = least === measure.most(index);
  const own = neededByLeafOnly(state.context, index, leaf);
  const smallestExact = exact && own ? Math.min(least, state.smallestSureAt(leaf)) : state.smallestSureAt(leaf);
  // The item a leaf needs least is its smallest exact one (without it the leaf keeps at least the
  // least of all the others) or an inexact one (without it, at least its exact items): either
  // way the leaf must stay unmet without it. An item an assert may need is not that one.
  if (smallestExact < Infinity) return state.sureAll[leaf]! + least - smallestExact < shape.need[leaf]!;
  // No exact item placed, and this one inexact (an exact one of its own took the branch above).
  return !own || state.sureExact[leaf]! < shape.need[leaf]!;
}

/**
 * Whether some candidate of item `index` will still need it whatever comes later: with every
 * undecided item in it too, it would fall short without any one of its items.
 */
export function alwaysHasRoom(state: SearchState, index: number): boolean {
  for (const leaf of state.context.problem.items[index]!.candidates) {
    const measure = state.measures[leaf]!;
    if (measure.needsEach(leaf, state.placed[leaf]! + state.potential[leaf]! + measure.most(index))) return true;
  }
  return false;
}
