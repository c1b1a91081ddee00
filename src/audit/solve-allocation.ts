import type { AllocationProblem, Assignment } from './allocation-problem.js';
import { evaluateAllocation, type Evaluation } from './evaluate-allocation.js';
import { UpperBound } from './solver/bound.js';
import { solveContext } from './solver/context.js';
import { firstFit } from './solver/first-fit.js';
import { search, type SearchGoal } from './solver/search.js';
import { searchOrder } from './solver/search-order.js';
import { SearchState } from './solver/state.js';
import { placeUncontested } from './solver/uncontested.js';

/**
 * The solver's bound on work, in steps: one step for each node or item an evaluation or a bound
 * visits, each candidate the first fit or the search tries. Past it the solver settles for its
 * best so far, so its time is linear in the problem's size plus the budget, whatever the catalog.
 */
export const DEFAULT_STEP_BUDGET = 20_000_000;

export interface Solution {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
  /** False when the step budget ran out before the search could prove the best allocation. */
  readonly optimal: boolean;
  /** The work done, in steps ({@link DEFAULT_STEP_BUDGET}): about the problem's size when no search is needed. */
  readonly steps: number;
}

/**
 * Finds an optimal allocation of items to requirement leaves (SPEC section 5): complete if any
 * allocation completes, else the most requirements met, then the most progress.
 *
 * Items that cannot affect one another are placed directly (`solver/uncontested.ts`). The rest
 * (the contested items) go through a depth-first branch and bound (`solver/search.ts`), starting
 * from a first-fit allocation (`solver/first-fit.ts`, which ends the search when it completes the
 * program). Its bound (`solver/bound.ts`) relaxes the problem: every undecided item counted in
 * every leaf it could go to at once, leaves met limited by the items left, progress by what each
 * item can add to one leaf, requirements met by finished work on finished work only, and policies
 * on what the items still undecided or used up can bring (the GPA as a balance of grade points).
 * No allocation below a search node can do better, so subtrees whose bound does not beat the best
 * allocation found are cut. Interchangeable items are placed in non-decreasing leaf order, and
 * leaving out an item that only raises a leaf that will have room for it anyway is not searched
 * (`solver/search-order.ts`). Policy limits make what an item counts depend on the whole
 * allocation (they are spent in tree order): the search works with bounds on it
 * (`solver/counted-bounds.ts`), and keeps only complete allocations in which every item counts and
 * is needed. Ties keep the first allocation found, and every order is canonical (items by
 * candidates then canonical position, leaves in tree order), so the same transcript in any order
 * gives the same allocation. With `goal` 'completion' the search looks only for a complete
 * allocation: an incomplete answer is then valid but not the best (`optimal` says whether the
 * search ran to its end).
 */
export function solveAllocation(
  problem: AllocationProblem,
  budget = DEFAULT_STEP_BUDGET,
  goal: SearchGoal = 'best',
): Solution {
  const context = solveContext(problem);
  const state = new SearchState(context);
  const contested = placeUncontested(state);
  if (contested.length === 0) {
    const { assignment } = state;
    return {
      assignment,
      evaluation: evaluateAllocation(problem, assignment),
      optimal: true,
      steps: state.steps + context.size,
    };
  }
  if (firstFit(state, contested)) return { ...state.best!, optimal: true, steps: state.steps };
  state.steps += context.size; // setting up the search: potentials, twins, suffixes
  const order = searchOrder(context, contested);
  for (const index of order.contested) state.addPotential(index, 1);
  const exhausted = search(state, order, new UpperBound(state, order.contested), budget, goal);
  const { assignment, evaluation } = state.best!;
  return { assignment, evaluation, optimal: !exhausted, steps: state.steps };
}
