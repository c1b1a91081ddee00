import { COMPLETE_SCORE, compareScores, type Score } from '../allocation-problem.js';
import { filled } from './arrays.js';
import type { UpperBound } from './bound.js';
import { alwaysHasRoom, mayHaveRoom } from './room.js';
import type { SearchOrder } from './search-order.js';
import type { SearchState } from './state.js';

/** What a search node's child took: no leaf yet, or the item left out (else a leaf). */
const NOTHING = -2;
const LEFT_OUT = -1;

/**
 * The branch and bound over the contested items, depth-first, from the state's best allocation
 * (the first fit's, or the pins alone): at depth k the item `order.contested[k]` goes to each of
 * its candidates with room, in order, then is left out; a node whose bound does not beat the best
 * allocation found is cut, and each complete assignment is considered (`SearchState.consider`).
 * It keeps its own stack, without recursion (a transcript of thousands of awards is as deep).
 * Returns whether the step budget ran out before the search could prove the best allocation.
 */
export function search(
  state: SearchState,
  order: SearchOrder,
  bound: UpperBound,
  budget: number,
  goal: SearchGoal = 'best',
): boolean {
  return new BranchAndBound(state, order, bound, budget, goal).run();
}

/**
 * What a search looks for: the best allocation, or only whether one completes the program (a
 * nested program audited for its parents alone): then every node whose bound is not complete is
 * cut. Both find the same complete allocation when there is one (the first in search order).
 */
export type SearchGoal = 'best' | 'completion';

class BranchAndBound {
  private exhausted = false;
  /** No allocation beats this: the bound of the whole search. */
  private readonly ceiling: Score;
  /** Per depth: the candidate to try next. */
  private readonly next: number[];
  /** Per depth: what the node's child took (a leaf, LEFT_OUT or NOTHING). */
  private readonly taken: number[];

  constructor(
    private readonly state: SearchState,
    private readonly order: SearchOrder,
    private readonly bound: UpperBound,
    private readonly budget: number,
    private readonly goal: SearchGoal,
  ) {
    this.ceiling = bound.score(0);
    this.next = filled(order.contested.length, 0);
    this.taken = filled(order.contested.length, NOTHING);
  }

  run(): boolean {
    const { state, order, bound, next, taken } = this;
    const { contested, onlyRaisesLeaves } = order;
    const { items } = state.context.problem;
    let k = this.open(0) ? 0 : -1;
    while (k >= 0) {
      const index = contested[k]!;
      const { candidates } = items[index]!;
      if (taken[k]! >= 0) state.unplace(index, taken[k]!);
      else if (taken[k] === LEFT_OUT) bound.policies.leaveOut(index, -1);
      const after = taken[k];
      taken[k] = NOTHING;
      if (after !== LEFT_OUT) {
        // The item to each candidate with room, in order (all of them skipped once done or used up), then left out.
        while (next[k]! < candidates.length) {
          if (!state.free(index) || this.done()) {
            next[k] = candidates.length;
            break;
          }
          const leaf = candidates[next[k]!++]!;
          if (!state.originalAllows(index) || !mayHaveRoom(state, leaf, index)) continue;
          state.place(index, leaf);
          taken[k] = leaf;
          break;
        }
        if (taken[k] === NOTHING && !(onlyRaisesLeaves[k] && alwaysHasRoom(state, index))) {
          bound.policies.leaveOut(index, 1);
          taken[k] = LEFT_OUT;
        }
      }
      if (taken[k] === NOTHING) {
        state.addPotential(index, 1);
        k--;
      } else if (this.open(k + 1)) k++;
    }
    return this.exhausted;
  }

  /** Whether the search is over: out of budget, a complete allocation found, or one as good as the ceiling. */
  private done(): boolean {
    const { best } = this.state;
    return (
      this.exhausted ||
      (best !== undefined && (best.evaluation.complete || compareScores(best.evaluation.score, this.ceiling) >= 0))
    );
  }

  /** Opens the search node at depth k: false when it has nothing to try (done, out of budget, a complete assignment, or cut by the bound). */
  private open(k: number): boolean {
    const { state, order } = this;
    if (this.done()) return false;
    if (state.steps > this.budget) {
      this.exhausted = true;
      return false;
    }
    state.steps++;
    if (k === order.contested.length) {
      // A complete assignment is evaluated only if it (or what a clean-up makes of it) may beat the best.
      const best = state.best;
      if (!best || compareScores(this.bound.score(k, best.evaluation.score, true), best.evaluation.score) > 0)
        state.consider();
      return false;
    }
    if (this.goal === 'completion') {
      if (compareScores(this.boundAt(k, COMPLETE_SCORE), COMPLETE_SCORE) < 0) return false;
    } else {
      const best = state.best;
      if (best && compareScores(this.boundAt(k, best.evaluation.score), best.evaluation.score) <= 0) return false;
    }
    const index = order.contested[k]!;
    // Moving the item's potential out and back, trying each candidate, and the room it may have.
    state.steps += 3 * state.context.problem.items[index]!.candidates.length;
    state.addPotential(index, -1);
    const twin = order.previousTwin[k]!;
    this.next[k] = twin >= 0 ? this.rank(twin) : 0;
    this.taken[k] = NOTHING;
    return true;
  }

  /** The bound at depth k against a score to beat: at the root, the ceiling (worked out just before, on the same state). */
  private boundAt(k: number, against: Score): Score {
    return k === 0 ? this.ceiling : this.bound.score(k, against);
  }

  /** Where the item at depth k is: the index of its leaf among its candidates, or past them when left out. */
  private rank(k: number): number {
    const index = this.order.contested[k]!;
    const leaf = this.state.assignment[index]!;
    const { candidates } = this.state.context.problem.items[index]!;
    return leaf < 0 ? candidates.length : candidates.indexOf(leaf);
  }
}
