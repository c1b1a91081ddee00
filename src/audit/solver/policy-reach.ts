import type { PlanItem } from '../allocation-problem.js';
import { filled } from './arrays.js';
import type { SearchState } from './state.js';

/**
 * What the program's policies can still reach, for the bound: the totals and residency with every
 * item counted in full, but items under a limit no more than its cap (each item against its
 * first limit, whose budget it spends) and, under a limit with a `maxCount`, only its largest
 * items that many (no more count there), less what items left out for good no longer bring (those
 * that count only when used up, which no nested program can use up either); the GPA as the
 * state's balance of grade points.
 */
export class PolicyReach {
  /** Per group (an item's first limit, or none: the last group), its cap. */
  private readonly groupCap: number[];
  private readonly totalIn: number[];
  private readonly residencyIn: number[];
  /**
   * Per group whose limit lets only so many items count: its items, largest first (else empty),
   * and what the largest of those not left out bring, that many, toward the total and residency.
   */
  private readonly members: (readonly number[])[];
  private readonly topTotal: number[];
  private readonly topResidency: number[];
  /** Per item: left out for good (it brings nothing to the policies any more). */
  private readonly out: Uint8Array;

  constructor(private readonly state: SearchState) {
    const { items, policies } = state.context.problem;
    this.groupCap = [...policies.limitCaps, Infinity];
    this.totalIn = filled(this.groupCap.length, 0);
    this.residencyIn = filled(this.groupCap.length, 0);
    const members: number[][] = this.groupCap.map(() => []);
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      if (item.components.length > 0 || item.copyOf !== undefined) continue;
      const group = this.groupOf(item);
      this.totalIn[group]! += item.ticks;
      if (item.resident) this.residencyIn[group]! += item.ticks;
      if (this.countCap(group) < Infinity) members[group]!.push(index);
    }
    for (const list of members) list.sort((a, b) => items[b]!.ticks - items[a]!.ticks || a - b);
    this.members = members;
    this.topTotal = filled(this.groupCap.length, 0);
    this.topResidency = filled(this.groupCap.length, 0);
    this.out = new Uint8Array(items.length);
    for (let group = 0; group < members.length; group++) if (members[group]!.length > 0) this.countTop(group);
  }

  /** Leaves item `index` out for good (or, with -1, takes that back). */
  leaveOut(index: number, sign: 1 | -1): void {
    if (!this.countsOnlyApplied(index)) return;
    const item = this.state.context.problem.items[index]!;
    const group = this.groupOf(item);
    this.totalIn[group]! -= sign * item.ticks;
    if (item.resident) this.residencyIn[group]! -= sign * item.ticks;
    this.out[index] = sign === 1 ? 1 : 0;
    if (this.members[group]!.length > 0) this.countTop(group);
  }

  /**
   * Whether item `index` brings something to the policies only when it is applied (it does not
   * fall through, and no nested program can use it up): leaving it out then takes it out here.
   */
  countsOnlyApplied(index: number): boolean {
    const item = this.state.context.problem.items[index]!;
    return (
      !item.fallsThrough &&
      item.components.length === 0 &&
      item.copyOf === undefined &&
      this.state.context.users[index]! <= 1
    );
  }

  /** How many of the three policies (total, residency, GPA) may still be met (with `subsets`, see {@link UpperBound.score}). */
  met(subsets = false): number {
    const { totalTicks, residencyTicks } = this.state.context.problem.policies;
    return (
      Number(totalTicks === undefined || this.clipped(this.totalIn, this.topTotal) >= totalTicks) +
      Number(residencyTicks === undefined || this.clipped(this.residencyIn, this.topResidency) >= residencyTicks) +
      Number(this.state.gpaPossible(subsets))
    );
  }

  /** The most progress toward the total and residency. */
  progress(): number {
    const { totalTicks, residencyTicks } = this.state.context.problem.policies;
    return (
      (totalTicks ? Math.min(1, this.clipped(this.totalIn, this.topTotal) / totalTicks) : 1) +
      (residencyTicks ? Math.min(1, this.clipped(this.residencyIn, this.topResidency) / residencyTicks) : 1)
    );
  }

  private groupOf(item: PlanItem): number {
    return item.limits.length > 0 ? item.limits[0]! : this.groupCap.length - 1;
  }

  /** Items a group's limit lets count at most (Infinity for the last group, outside every limit). */
  private countCap(group: number): number {
    return this.state.context.problem.policies.limitCountCaps[group] ?? Infinity;
  }

  /** What the largest items of a count-capped group not left out bring, as many as its limit lets count. */
  private countTop(group: number): void {
    const { items } = this.state.context.problem;
    const cap = this.countCap(group);
    let total = 0;
    let residency = 0;
    let taken = 0;
    let takenResident = 0;
    for (const index of this.members[group]!) {
      if (this.out[index] === 1) continue;
      const item = items[index]!;
      if (taken < cap) {
        total += item.ticks;
        taken++;
      }
      if (item.resident && takenResident < cap) {
        residency += item.ticks;
        takenResident++;
      }
      if (taken >= cap && takenResident >= cap) break;
    }
    this.topTotal[group] = total;
    this.topResidency[group] = residency;
  }

  private clipped(amounts: readonly number[], top: readonly number[]): number {
    let sum = 0;
    for (let g = 0; g < amounts.length; g++)
      sum += Math.min(this.groupCap[g]!, this.members[g]!.length > 0 ? top[g]! : amounts[g]!);
    return sum;
  }
}
