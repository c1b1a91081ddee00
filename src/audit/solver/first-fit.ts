import { evaluateAllocation } from '../evaluate-allocation.js';
import { surelyHasRoom } from './room.js';
import type { SearchState } from './state.js';

/**
 * A first allocation: the contested items with the fewest candidates first (second applications
 * last, once their originals are placed), each to its first leaf with room for sure. It completes
 * most complete transcripts, and ends the search; otherwise the bound must beat it. Every item in
 * it is needed, but an item under a limit may end up clipped to zero: taking it out changes what
 * no other item counts (it spent nothing), so it is taken out. Returns whether it completes the
 * program (`state.best` is then the answer); else the state is left as it found it, with a best
 * allocation to beat (the pins alone, when the first fit is not valid).
 */
export function firstFit(state: SearchState, contested: readonly number[]): boolean {
  const { problem, size, counted } = state.context;
  const { items } = problem;
  const placed: number[] = [];
  state.steps += size;
  const order = [...contested].sort(
    (a, b) =>
      Number(items[a]!.copyOf !== undefined) - Number(items[b]!.copyOf !== undefined) ||
      items[a]!.candidates.length - items[b]!.candidates.length ||
      a - b,
  );
  for (const index of order) {
    if (!state.originalAllows(index) || !state.free(index)) continue;
    for (const leaf of items[index]!.candidates)
      if (surelyHasRoom(state, leaf, index)) {
        state.place(index, leaf);
        placed.push(index);
        break;
      }
  }
  const { low, high, mayCount, surelyCounts } = counted;
  if (placed.some((index) => low[index] !== high[index] || mayCount[index] !== surelyCounts[index])) {
    state.steps += size;
    const { counting } = evaluateAllocation(problem, state.assignment);
    for (let p = placed.length - 1; p >= 0; p--) {
      const index = placed[p]!;
      if (counting[index]) continue;
      state.unplace(index, state.assignment[index]!);
      placed.splice(p, 1);
    }
  }
  state.consider();
  if (state.best?.evaluation.complete) return true;
  for (let p = placed.length - 1; p >= 0; p--) state.unplace(placed[p]!, state.assignment[placed[p]!]!);
  // A first fit a node's maxCount or a limit's maxCount made invalid (an item that counts nowhere):
  // the pins alone are a valid start, whatever the budget allows after.
  if (!state.best) state.consider();
  return false;
}
