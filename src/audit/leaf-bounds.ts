import type { TreeShape } from './tree-shape.js';

/**
 * Pieces of the solver's upper bound that read only the tree and per-node arrays (indexed by node,
 * values in the leaf's measure: items or credit ticks). They allocate nothing: the bound runs at
 * every search node.
 */

/** Whether a leaf holding `value` (items, or credit ticks before its cap) is met: 1 or 0. */
export function leafMet({ need, cap, byCount, waived }: TreeShape, leaf: number, value: number): number {
  return waived[leaf] === 1 || need[leaf] === 0 || (byCount[leaf] ? value : Math.min(cap[leaf]!, value)) >= need[leaf]! ? 1 : 0;
}

/** Rolls met flags (1 or 0) of the leaves up through the groups, in place; returns how many groups are met. */
export function groupsMet({ count, kind, need, waived, childStart, childList }: TreeShape, met: number[]): number {
  let groups = 0;
  for (let i = count - 1; i >= 0; i--) {
    const type = kind[i]!;
    if (type === 0) continue;
    let metChildren = 0;
    for (let c = childStart[i]!; c < childStart[i + 1]!; c++) metChildren += met[childList[c]!]!;
    met[i] = waived[i] === 1 || (type === 1 ? metChildren === childStart[i + 1]! - childStart[i]! : metChildren >= need[i]!) ? 1 : 0;
    groups += met[i]!;
  }
  return groups;
}

/**
 * Leaves met at most, of those a relaxation leaves open (`relaxedMet`): the ones met now, then
 * the ones needing the fewest more items, while the `itemsLeft` undecided items last (each goes
 * to one leaf only, adding at most `largestItem` ticks). `needed` is scratch space.
 */
export function leavesWithin(
  { leafList, byCount, cap, need, waived }: TreeShape,
  relaxedMet: readonly number[],
  now: { readonly assigned: readonly number[]; readonly shared: readonly number[] },
  itemsLeft: number,
  largestItem: number,
  needed: number[],
): number {
  let met = 0;
  needed.length = 0;
  for (let j = 0; j < leafList.length; j++) {
    const leaf = leafList[j]!;
    if (!relaxedMet[leaf]) continue;
    const value = now.assigned[leaf]! + now.shared[leaf]!;
    const have = byCount[leaf] ? value : Math.min(cap[leaf]!, value);
    if (waived[leaf] === 1 || have >= need[leaf]!) met++;
    else needed.push(byCount[leaf] ? need[leaf]! - have : Math.ceil((need[leaf]! - have) / largestItem));
  }
  if (needed.length > 1) needed.sort((a, b) => a - b);
  for (const items of needed) {
    if (items > itemsLeft) break;
    itemsLeft -= items;
    met++;
  }
  return met;
}

/**
 * Progress `itemsLeft` undecided items can add at most to the `open` leaves: each item goes to one
 * leaf and adds at most that leaf's `gain` per item, up to the leaf's `room`; the leaves with the
 * most gain per item take them first (a fractional knapsack, so an upper bound). Sorts `open`.
 */
export function progressWithin(open: number[], room: readonly number[], gain: readonly number[], itemsLeft: number): number {
  if (open.length > 1) open.sort((a, b) => gain[b]! - gain[a]!);
  let gained = 0;
  for (const leaf of open) {
    if (itemsLeft <= 0) break;
    const items = Math.min(itemsLeft, room[leaf]! / gain[leaf]!);
    gained += items * gain[leaf]!;
    itemsLeft -= items;
  }
  return gained;
}
