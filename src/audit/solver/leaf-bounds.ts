import type { TreeShape } from '../tree-shape.js';
import type { Measure } from './measure.js';

/**
 * Pieces of the solver's upper bound that read only the tree, the leaves' measures and per-node
 * arrays (indexed by node: sums of what items add, and each measure's ceiling). They allocate
 * nothing: the bound runs at every search node.
 */

/** Whether a leaf whose items add `sum` (clipped to its `ceiling`) is met: 1 or 0. */
export function leafMet({ need, waived }: TreeShape, ceiling: number, leaf: number, sum: number): number {
  return waived[leaf] === 1 || need[leaf] === 0 || Math.min(ceiling, sum) >= need[leaf]! ? 1 : 0;
}

/** Rolls met flags (1 or 0) of the leaves up through the groups, in place; returns how many groups are met. */
function groupsMet({ count, kind, need, waived, childStart, childList }: TreeShape, met: number[]): number {
  let groups = 0;
  for (let i = count - 1; i >= 0; i--) {
    const type = kind[i]!;
    if (type === 0) continue;
    let metChildren = 0;
    for (let c = childStart[i]!; c < childStart[i + 1]!; c++) metChildren += met[childList[c]!]!;
    met[i] =
      waived[i] === 1 || (type === 1 ? metChildren === childStart[i + 1]! - childStart[i]! : metChildren >= need[i]!)
        ? 1
        : 0;
    groups += met[i]!;
  }
  return groups;
}

/** Scratch space for {@link requirementsWithin}, one entry per node (or open leaf): made once per solve. */
export interface BoundScratch {
  /** The items each open leaf needs, and the open leaves: as many as they hold, from the start. */
  readonly needed: Float64Array;
  readonly open: Int32Array;
  /** Per node: groups above it that an unmet node takes down with it. */
  readonly lost: number[];
  /** Per node: 1 when an unmet node takes the root down with it. */
  readonly down: number[];
}

/**
 * Requirements met at most, of those a relaxation leaves open: `met` holds 1 for each leaf the
 * relaxation meets (its groups are rolled up in place). Leaves: the ones met now, then the ones
 * needing the fewest more items, while the `itemsLeft` undecided items last (each goes to one leaf
 * only, adding at most its measure's bound when the largest item has `largestItem` ticks). Groups: those the relaxation meets, less, when some
 * open leaf must stay unmet, the fewest groups one open leaf takes down with it (an `all` above
 * it, an `any` met by exactly its need, and so on up: more unmet leaves only take more down);
 * when every open leaf takes the root down, `met[0]` is set to 0 (the program cannot be met).
 * Counts about one unit of work per node: the caller charges it.
 */
export function requirementsWithin(
  shape: TreeShape,
  measures: readonly Measure[],
  ceiling: readonly number[],
  met: number[],
  now: { readonly placed: readonly number[]; readonly shared: readonly number[] },
  itemsLeft: number,
  largestItem: number,
  { needed, open, lost, down }: BoundScratch,
): number {
  const { leafList, need, waived } = shape;
  let groups = groupsMet(shape, met);
  let leaves = 0;
  let opened = 0;
  for (let j = 0; j < leafList.length; j++) {
    const leaf = leafList[j]!;
    if (!met[leaf]) continue;
    const have = Math.min(ceiling[leaf]!, now.placed[leaf]! + now.shared[leaf]!);
    if (waived[leaf] === 1 || have >= need[leaf]!) leaves++;
    else {
      needed[opened] = Math.ceil((need[leaf]! - have) / measures[leaf]!.bound(largestItem));
      open[opened++] = leaf;
    }
  }
  sortBy(needed, opened, 1);
  let fitted = 0;
  for (let i = 0; i < opened; i++) {
    const items = needed[i]!;
    if (items > itemsLeft) break;
    itemsLeft -= items;
    fitted++;
  }
  if (fitted < opened) {
    takenDown(shape, met, lost, down);
    let fewest = Infinity;
    let root = 1;
    for (let i = 0; i < opened; i++) {
      const leaf = open[i]!;
      fewest = Math.min(fewest, lost[leaf]!);
      root &= down[leaf]!;
    }
    groups -= fewest;
    if (root) met[0] = 0;
  }
  return groups + leaves + fitted;
}

/**
 * For each node met, what making it unmet alone takes down above it (`met` rolled up): the groups
 * (`lost`), and whether the root goes (`down`). Parents come before children (pre-order).
 */
function takenDown(
  { count, kind, need, waived, childStart, childList }: TreeShape,
  met: readonly number[],
  lost: number[],
  down: number[],
): void {
  lost[0] = 0;
  down[0] = 1;
  for (let i = 0; i < count; i++) {
    const type = kind[i]!;
    if (type === 0) continue;
    const start = childStart[i]!;
    const end = childStart[i + 1]!;
    let metChildren = 0;
    for (let c = start; c < end; c++) metChildren += met[childList[c]!]!;
    // An unmet child takes a met group down when the group needs every child it has met.
    const critical = met[i] === 1 && waived[i] === 0 && (type === 1 || metChildren <= need[i]!);
    for (let c = start; c < end; c++) {
      const child = childList[c]!;
      lost[child] = critical ? 1 + lost[i]! : 0;
      down[child] = critical ? down[i]! : 0;
    }
  }
}

/**
 * Progress `itemsLeft` undecided items can add at most to the first `count` of the `open` leaves: each item goes to one
 * leaf and adds at most that leaf's `gain` per item, up to the leaf's `room`; the leaves with the
 * most gain per item take them first (a fractional knapsack, so an upper bound). Sorts `open`.
 */
export function progressWithin(
  open: Int32Array,
  count: number,
  room: readonly number[],
  gain: readonly number[],
  itemsLeft: number,
): number {
  sortBy(open, count, -1, gain);
  let gained = 0;
  for (let i = 0; i < count; i++) {
    const leaf = open[i]!;
    if (itemsLeft <= 0) break;
    const items = Math.min(itemsLeft, room[leaf]! / gain[leaf]!);
    gained += items * gain[leaf]!;
    itemsLeft -= items;
  }
  return gained;
}

/**
 * Sorts the first `count` entries of `list` in place by their values, or by `key[entry]`, ascending (`direction` 1) or
 * descending (-1), stably: an insertion sort, quicker than `Array.prototype.sort` with a
 * comparator on the few entries a bound sorts (at most its leaves), and in the same order.
 */
function sortBy(list: Int32Array | Float64Array, count: number, direction: 1 | -1, key?: readonly number[]): void {
  for (let i = 1; i < count; i++) {
    const entry = list[i]!;
    const value = direction * (key === undefined ? entry : key[entry]!);
    let j = i - 1;
    for (; j >= 0; j--) {
      const other = list[j]!;
      if (direction * (key === undefined ? other : key[other]!) <= value) break;
      list[j + 1] = other;
    }
    list[j + 1] = entry;
  }
}
