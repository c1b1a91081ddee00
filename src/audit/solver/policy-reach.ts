import type { PlanItem } from '../allocation-problem.js';
import { filled } from './arrays.js';
import type { SearchState } from './state.js';

/**
 * What the program's policies can still reach, for the bound: the totals and residency with every
 * item counted in full, but items under a limit no more than its cap (each item against its
 * first limit, whose budget it spends), less what items left out for good no longer bring (those
 * that count only when used up, which no nested program can use up either); the GPA as the
 * state's balance of grade points.
 */
export class PolicyReach {
  /** Per group (an item's first limit, or none: the last group), its cap. */
  private readonly groupCap: number[];
  private readonly totalIn: number[];
  private readonly residencyIn: number[];

  constructor(private readonly state: SearchState) {
    const { items, policies } = state.context.problem;
    this.groupCap = [...policies.limitCaps, Infinity];
    this.totalIn = filled(this.groupCap.length, 0);
    this.residencyIn = filled(this.groupCap.length, 0);
    for (const item of items) {
      if (item.components.length > 0 || item.copyOf !== undefined) continue;
      this.totalIn[this.groupOf(item)]! += item.ticks;
      if (item.resident) this.residencyIn[this.groupOf(item)]! += item.ticks;
    }
  }

  /** Leaves item `index` out for good (or, with -1, takes that back). */
  leaveOut(index: number, sign: 1 | -1): void {
    const item = this.state.context.problem.items[index]!;
    if (item.fallsThrough || item.components.length > 0 || item.copyOf !== undefined) return;
    if (this.state.context.users[index]! > 1) return;
    this.totalIn[this.groupOf(item)]! -= sign * item.ticks;
    if (item.resident) this.residencyIn[this.groupOf(item)]! -= sign * item.ticks;
  }

  /** How many of the three policies (total, residency, GPA) may still be met (with `subsets`, see {@link UpperBound.score}). */
  met(subsets = false): number {
    const { totalTicks, residencyTicks } = this.state.context.problem.policies;
    return (
      Number(totalTicks === undefined || this.clipped(this.totalIn) >= totalTicks) +
      Number(residencyTicks === undefined || this.clipped(this.residencyIn) >= residencyTicks) +
      Number(this.state.gpaPossible(subsets))
    );
  }

  /** The most progress toward the total and residency. */
  progress(): number {
    const { totalTicks, residencyTicks } = this.state.context.problem.policies;
    return (
      (totalTicks ? Math.min(1, this.clipped(this.totalIn) / totalTicks) : 1) +
      (residencyTicks ? Math.min(1, this.clipped(this.residencyIn) / residencyTicks) : 1)
    );
  }

  private groupOf(item: PlanItem): number {
    return item.limits.length > 0 ? item.limits[0]! : this.groupCap.length - 1;
  }

  private clipped(amounts: readonly number[]): number {
    let sum = 0;
    for (let g = 0; g < amounts.length; g++) sum += Math.min(this.groupCap[g]!, amounts[g]!);
    return sum;
  }
}
