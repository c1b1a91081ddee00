import { compareScores, GPA_TOLERANCE, type Assignment, type PlanItem } from '../allocation-problem.js';
import { appliedCounts, evaluateAllocation, evaluateApplied, type Evaluation } from '../evaluate-allocation.js';
import { filled } from './arrays.js';
import { neededByLeafOnly, type SolveContext } from './context.js';
import { leafMeasures, type Measure } from './measure.js';

/** Assignments a search remembers having considered, at most (their keys are strings of the item count's length). */
const MAX_CONSIDERED = 20_000;

/** An allocation and what it achieves. */
export interface Allocation {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
}

/**
 * The solver's state while it places items: the assignment, what the items placed (and the
 * undecided ones) bring to each leaf, the count caps' slots, the base items in use, the GPA as a
 * balance, the work done, and the best allocation found. Only {@link place} and {@link unplace}
 * change what is placed (each undoes the other), so the search backtracks by unplacing.
 */
export class SearchState {
  /** Per item: the leaf it is placed at, or -1. */
  readonly assignment: Assignment;
  /** Per node: its measure (a distinct leaf's holds the values its items surely counting have). */
  readonly measures: readonly Measure[];
  /** Per node: its measure's ceiling (what its value is clipped to). */
  readonly ceiling: readonly number[];
  /** Per leaf: the most the items placed add, all of them and finished ones only. */
  readonly placed: number[];
  readonly placedFinished: number[];
  /** Per leaf: the most the undecided contested items add, each counted in every leaf it could go to. */
  readonly potential: number[];
  readonly potentialFinished: number[];
  /** Per leaf: the least the items placed add, all of them and those whose value is exact. */
  readonly sureAll: number[];
  readonly sureExact: number[];
  /**
   * Per leaf: stacks of the smallest value of the items placed so far, pinned ones aside: their
   * most, and their exact value (items whose value is not exact left out).
   */
  private readonly smallest: number[][] = [];
  private readonly smallestSure: number[][] = [];
  /** Per node with a `maxCount`: the items placed under it that take a slot there. */
  readonly slots: number[];
  /**
   * Per policy limit: the items placed under it (pins, second applications and nested programs
   * aside). In an allocation where every item is needed each of them counts, and so spends one
   * of the limit's `maxCount`: no more can be placed ({@link limitHasRoom}).
   */
  private readonly underLimit: number[];
  /** Per base item: how many placed items use it up. */
  private readonly inUse: number[];
  /**
   * Per item: its weight in the GPA policy as a balance, (points − minimum) × credits for each
   * graded item counted. An item a limit may clip to zero, or a pin that may count nothing (past
   * a count cap, repeating a distinct value), may leave the GPA: it weighs nothing below zero, so
   * the bound takes it as not pulling the GPA down and stays optimistic.
   */
  private readonly gpaWeight: number[];
  /**
   * The most the GPA balance can be: every item at or above the minimum, and those under it that
   * count whatever happens (they fall through) or are used up so far.
   */
  private gpaBalance = 0;
  /** The GPA balance with nothing used up: the most any allocation's subset can have. */
  private readonly gpaBalanceAlone: number = 0;
  private readonly gradedTicks: number = 0;
  /** The work done, in steps (`DEFAULT_STEP_BUDGET`). */
  steps: number;
  /** Allocations evaluated so far (a search's real work, where steps are its budget's measure). */
  evaluations = 0;
  /** The best allocation found so far in which every item is needed. */
  best: Allocation | undefined;
  /** Assignments considered under clean-up (as keys), each with the evaluations its clean-up took after it. */
  private readonly considered = new Map<string, number>();

  constructor(readonly context: SolveContext) {
    const { problem, shape, size, counted } = context;
    const { items, policies } = problem;
    const { count } = shape;
    this.assignment = filled(items.length, -1);
    this.measures = leafMeasures(problem, shape, counted);
    this.ceiling = this.measures.map((measure, node) => measure.ceiling(node));
    this.placed = filled(count, 0);
    this.placedFinished = filled(count, 0);
    this.potential = filled(count, 0);
    this.potentialFinished = filled(count, 0);
    this.sureAll = filled(count, 0);
    this.sureExact = filled(count, 0);
    this.slots = filled(count, 0);
    this.inUse = filled(items.length, 0);
    this.underLimit = filled(policies.limitCountCaps.length, 0);
    const { minGpa } = policies;
    this.gpaWeight = items.map((item) =>
      minGpa === undefined || item.points === null || item.ticks <= 0 || item.components.length > 0
        ? 0
        : item.limits.length > 0 || (item.pinned >= 0 && this.mayCountNothing(item.pinned))
          ? Math.max(0, (item.points - minGpa) * item.ticks)
          : (item.points - minGpa) * item.ticks,
    );
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      const weight = this.gpaWeight[index]!;
      if (weight > 0 || (weight < 0 && item.fallsThrough)) this.gpaBalance += weight;
      if (item.points !== null && item.ticks > 0 && item.components.length === 0) this.gradedTicks += item.ticks;
    }
    this.gpaBalanceAlone = this.gpaBalance;
    this.steps = size;
  }

  /** Places item `index` at `leaf`. */
  place(index: number, leaf: number): void {
    this.move(index, leaf, 1);
  }

  /** Takes item `index` back from `leaf` (undone in the reverse order of placing, it restores the state exactly). */
  unplace(index: number, leaf: number): void {
    this.move(index, leaf, -1);
  }

  /** Adds (or, with -1, takes out) what an undecided item could add to each of its candidates. */
  addPotential(index: number, sign: 1 | -1): void {
    const item = this.context.problem.items[index]!;
    const finished = !item.inProgress;
    for (const leaf of item.candidates) {
      const value = sign * this.measures[leaf]!.most(index);
      this.potential[leaf]! += value;
      if (finished) this.potentialFinished[leaf]! += value;
    }
  }

  /** Whether no placed item uses up a base item of item `index`. */
  free(index: number): boolean {
    const { components } = this.context.problem.items[index]!;
    if (components.length === 0) return this.inUse[index] === 0;
    for (const b of components) if (this.inUse[b] !== 0) return false;
    return true;
  }

  /**
   * Whether item `index` may be placed at `leaf` under the limits' `maxCount`s: each limit of its
   * has a slot left among the items placed (which all count in an allocation where every item is needed).
   */
  limitHasRoom(index: number, leaf: number): boolean {
    const item = this.context.problem.items[index]!;
    if (!takesLimitSlot(item, leaf)) return true;
    const { limitCountCaps } = this.context.problem.policies;
    for (const l of item.limits) if (this.underLimit[l]! >= limitCountCaps[l]!) return false;
    return true;
  }

  /** Whether a second application's original, if placed, is under its sharing node. */
  originalAllows(index: number): boolean {
    const { copyOf, within } = this.context.problem.items[index]!;
    if (copyOf === undefined) return true;
    const at = this.assignment[copyOf]!;
    return at >= within!.from && at < within!.to;
  }

  /** The smallest most of the items placed at `leaf` (pins aside), Infinity when none. */
  smallestAt(leaf: number): number {
    return top(this.smallest[leaf]);
  }

  /** The smallest exact value of the items placed at `leaf` that only the leaf needs (pins aside), Infinity when none. */
  smallestSureAt(leaf: number): number {
    return top(this.smallestSure[leaf]);
  }

  /** Whether a pin at `leaf` may count nothing: under a count cap (another pin before it), or repeating a value. */
  mayCountNothing(leaf: number): boolean {
    return this.context.countCapsOver[leaf]!.length > 0 || this.measures[leaf]!.mayRefuse;
  }

  /**
   * Whether the GPA policy may still be met (the evaluation's tolerance, on the balance); with
   * `subsets`, by some allocation of the items placed or fewer (taking one out may raise the GPA).
   */
  gpaPossible(subsets = false): boolean {
    const { fixedGpa, minGpa } = this.context.problem.policies;
    const balance = subsets ? this.gpaBalanceAlone : this.gpaBalance;
    // (points / graded ≥ minimum − ε) ⇔ balance ≥ −ε × graded.
    return fixedGpa ? fixedGpa.met : minGpa === undefined || balance >= -GPA_TOLERANCE * this.gradedTicks;
  }

  /**
   * Evaluates the assignment and keeps it if it beats the best so far. Under asserts and listed
   * double counting an allocation may hold items nothing needs: taking them out one by one (the
   * last first) keeps every requirement met and frees their room. Different assignments the
   * search reaches often clean up to the same ones: an assignment considered before is not
   * evaluated again (what it cleans up to was compared then, with a best allocation no better
   * than now's), though its steps are counted as before, so the budget ends a search where it did.
   */
  consider(): void {
    const { size, cleansUp } = this.context;
    this.steps += size;
    if (!cleansUp) {
      this.keep(this.assignment, this.evaluate(this.assignment));
      return;
    }
    const chain: string[] = [];
    let candidate = this.assignment;
    for (;;) {
      const key = assignmentKey(candidate, this.context.shape.count);
      const known = this.considered.get(key);
      if (known !== undefined) {
        this.steps += known * size;
        this.remember(chain, known + 1);
        return;
      }
      chain.push(key);
      // An allocation with an item nothing needs is only cleaned up: its first stage says which.
      this.evaluations++;
      const applied = appliedCounts(this.context.problem, candidate);
      if (applied.lastUnneeded < 0) {
        this.remember(chain, 0);
        this.keep(candidate, evaluateApplied(this.context.problem, candidate, applied));
        return;
      }
      if (candidate === this.assignment) candidate = this.assignment.slice();
      candidate[applied.lastUnneeded] = -1;
      this.steps += size;
    }
  }

  private evaluate(assignment: Assignment): Evaluation {
    this.evaluations++;
    return evaluateAllocation(this.context.problem, assignment);
  }

  /** Keeps an allocation in which every item is needed if it beats the best so far. */
  private keep(candidate: Assignment, evaluation: Evaluation): void {
    if (evaluation.everyItemNeeded && (!this.best || compareScores(evaluation.score, this.best.evaluation.score) > 0))
      this.best = { assignment: candidate === this.assignment ? this.assignment.slice() : candidate, evaluation };
  }

  /**
   * Remembers a clean-up chain of assignments (as keys), each with the evaluations that followed
   * it: `tail` after the last of them. Up to {@link MAX_CONSIDERED} assignments per search.
   */
  private remember(chain: readonly string[], tail: number): void {
    for (let i = 0; i < chain.length && this.considered.size < MAX_CONSIDERED; i++)
      this.considered.set(chain[i]!, chain.length - 1 - i + tail);
  }

  private move(index: number, leaf: number, sign: 1 | -1): void {
    const { problem, counted, countCapsOver } = this.context;
    const item = problem.items[index]!;
    const measure = this.measures[leaf]!;
    const value = measure.most(index);
    // Only items that surely count take a slot, and no pin (one may be past a cap): the count never
    // goes over the evaluation's, so no allocation is missed; the evaluation judges those it lets by.
    // A second application takes none either: it counts only where its original does, and under
    // a node above both places the two take one slot.
    if (counted.surelyCounts[index] && item.pinned !== leaf && item.copyOf === undefined) {
      for (const n of countCapsOver[leaf]!) this.slots[n]! += sign;
      if (sign === 1) measure.add(index);
      else measure.remove(index);
    }
    const least =
      (item.pinned === leaf && this.mayCountNothing(leaf)) || item.copyOf !== undefined ? 0 : measure.least(index);
    this.placed[leaf]! += sign * value;
    if (!item.inProgress) this.placedFinished[leaf]! += sign * value;
    this.sureAll[leaf]! += sign * least;
    if (least === value) this.sureExact[leaf]! += sign * least;
    if (item.pinned !== leaf) {
      if (sign === 1) {
        (this.smallest[leaf] ??= []).push(Math.min(value, this.smallestAt(leaf)));
        (this.smallestSure[leaf] ??= []).push(
          least === value && neededByLeafOnly(this.context, index, leaf)
            ? Math.min(least, this.smallestSureAt(leaf))
            : this.smallestSureAt(leaf),
        );
      } else {
        this.smallest[leaf]!.pop();
        this.smallestSure[leaf]!.pop();
      }
    }
    if (takesLimitSlot(item, leaf)) for (const l of item.limits) this.underLimit[l]! += sign;
    if (item.components.length === 0) this.useUp(index, sign);
    else for (const b of item.components) this.useUp(b, sign);
    this.assignment[index] = sign === 1 ? leaf : -1;
  }

  private useUp(base: number, sign: 1 | -1): void {
    this.inUse[base]! += sign;
    const weight = this.gpaWeight[base]!;
    if (weight < 0 && !this.context.problem.items[base]!.fallsThrough) this.gpaBalance += sign * weight;
  }
}

/** Whether an item placed at `leaf` is one that must count under its limits: no pin there, second application or nested program. */
function takesLimitSlot(item: PlanItem, leaf: number): boolean {
  return item.limits.length > 0 && item.pinned !== leaf && item.copyOf === undefined && item.components.length === 0;
}

/** Chunks of an assignment turned into a string at a time (arguments to one call). */
const KEY_CHUNK = 4096;

/**
 * An assignment as a string key: one UTF-16 code unit per item (its leaf + 1, so -1 is 0) when
 * every leaf fits in one, much quicker to make than a decimal list; else the decimal list.
 */
function assignmentKey(assignment: Assignment, nodes: number): string {
  if (nodes >= 0xffff) return assignment.join();
  let key = '';
  for (let from = 0; from < assignment.length; from += KEY_CHUNK) {
    const chunk = assignment.slice(from, from + KEY_CHUNK);
    for (let i = 0; i < chunk.length; i++) chunk[i]! += 1;
    key += String.fromCharCode(...chunk);
  }
  return key;
}

function top(stack: readonly number[] | undefined): number {
  return stack && stack.length > 0 ? stack[stack.length - 1]! : Infinity;
}
