import { filled } from './arrays.js';
import { interacts } from './context.js';
import type { SearchState } from './state.js';

/**
 * Places the pins (an exception places its award whatever the capacity) and the items that
 * cannot affect one another: an item with one candidate leaf whose candidates all fit it, outside
 * every limit, cap, assert and the GPA. Returns the rest, the contested items, in item order.
 */
export function placeUncontested(state: SearchState): number[] {
  const { problem, shape } = state.context;
  const { items } = problem;
  for (let index = 0; index < items.length; index++)
    if (items[index]!.pinned >= 0) state.place(index, items[index]!.pinned);
  // A leaf is contested when the items that could go to it do not all fit.
  const candidateCount = filled(shape.count, 0);
  const candidateTotal = filled(shape.count, 0);
  const candidateSmallest = filled(shape.count, Infinity);
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.pinned >= 0) continue;
    for (const leaf of item.candidates) {
      const value = state.measures[leaf]!.most(index);
      candidateCount[leaf]!++;
      candidateTotal[leaf]! += value;
      candidateSmallest[leaf] = Math.min(candidateSmallest[leaf]!, value);
    }
  }
  const contestedLeaf = new Array<boolean>(shape.count).fill(false);
  for (const leaf of shape.leafList) {
    if (candidateCount[leaf] === 0) continue;
    const fits = candidateTotal[leaf]! + state.placed[leaf]! - candidateSmallest[leaf]! < shape.need[leaf]!;
    contestedLeaf[leaf] = !fits;
  }
  // Under a cap, applying an item can count for less than letting it fall through: decide those by search.
  const contested: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.pinned >= 0 || item.candidates.length === 0) continue;
    const only = item.candidates[0]!;
    if (
      item.candidates.length === 1 &&
      !contestedLeaf[only] &&
      !shape.underCap[only] &&
      !interacts(state.context, index)
    )
      state.place(index, only);
    else contested.push(index);
  }
  return contested;
}
