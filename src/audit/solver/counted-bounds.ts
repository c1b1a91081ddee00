import type { AllocationProblem } from '../allocation-problem.js';
import { filled } from './arrays.js';

/**
 * What an item applied counts after the policy limits depends on the whole allocation (limits are
 * spent in tree order), so the solver works with bounds on it, per item. Where no limit can clip
 * (the usual case) both bounds are its ticks.
 */
export interface CountedBounds {
  /** The least ticks it counts. */
  readonly low: readonly number[];
  /** The most ticks it counts. */
  readonly high: readonly number[];
  /** It may count at all (no limit surely keeps it from counting). */
  readonly mayCount: readonly boolean[];
  /** It counts whatever else is applied. */
  readonly surelyCounts: readonly boolean[];
}

/**
 * Bounds on the ticks each item applied counts after the policy limits, in any allocation: at
 * most its ticks clipped to each cap; at least what is left of each cap when every other item
 * that could be applied under it counted in full before it (items that can only fall through
 * spend a limit after every applied item). A limit's `maxCount` may keep an item from counting at
 * all: it surely counts only when fewer other items could be applied under it. A nested
 * program: the sums over its components, and it always counts.
 */
export function countedBounds({ items, policies }: AllocationProblem): CountedBounds {
  const applicable = items.map((item) => item.candidates.length > 0 || item.pinned >= 0);
  items.forEach((item, index) => {
    if (applicable[index]) for (const c of item.components) applicable[c] = true;
  });
  const matched = filled(policies.limitCaps.length, 0);
  const members = filled(policies.limitCaps.length, 0);
  items.forEach((item, index) => {
    if (!applicable[index]) return;
    for (const limit of item.limits) {
      matched[limit]! += item.ticks;
      members[limit]!++;
    }
  });
  const low = filled(items.length, 0);
  const high = filled(items.length, 0);
  const mayCount = items.map(() => true);
  const surelyCounts = items.map(() => true);
  items.forEach((item, index) => {
    let most = item.ticks;
    let least = item.ticks;
    for (const limit of item.limits) {
      const cap = policies.limitCaps[limit]!;
      const countCap = policies.limitCountCaps[limit]!;
      const others = members[limit]! - (applicable[index] ? 1 : 0);
      if (countCap <= 0) mayCount[index] = false;
      if (others >= countCap) surelyCounts[index] = false;
      most = Math.min(most, cap);
      least = Math.min(least, Math.max(0, cap - (matched[limit]! - (applicable[index] ? item.ticks : 0))));
    }
    if (!mayCount[index]) most = 0;
    if (!surelyCounts[index]) least = 0;
    high[index] = most;
    low[index] = least;
    if (item.ticks > 0 && most === 0) mayCount[index] = false;
    if (item.ticks > 0 && least === 0) surelyCounts[index] = false;
  });
  items.forEach((item, index) => {
    if (item.copyOf === undefined) return;
    high[index] = high[item.copyOf]!;
    low[index] = low[item.copyOf]!;
    mayCount[index] = mayCount[item.copyOf]!;
    surelyCounts[index] = surelyCounts[item.copyOf]!;
  });
  items.forEach((item, index) => {
    if (item.components.length === 0) return;
    high[index] = item.components.reduce((sum, c) => sum + high[c]!, 0);
    low[index] = item.components.reduce((sum, c) => sum + low[c]!, 0);
    mayCount[index] = true;
    surelyCounts[index] = true;
  });
  return { low, high, mayCount, surelyCounts };
}
