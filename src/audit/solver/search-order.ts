import { filled } from './arrays.js';
import { interacts, sharesBase, type SolveContext } from './context.js';

/** The order in which the search decides the contested items, and what it may skip. */
export interface SearchOrder {
  /**
   * The contested items, those with the most candidates first: they are what the bound relaxes
   * most, so once they are placed the bound cuts the rest quickly. Second applications come
   * last: their originals are placed by then.
   */
  readonly contested: readonly number[];
  /**
   * Per depth: the depth of the previous interchangeable item (same credits, candidates and
   * policy roles), or -1. Twins are placed in non-decreasing leaf order, so their permutations
   * are searched once.
   */
  readonly previousTwin: readonly number[];
  /**
   * Per depth: leaving the item out is never better than applying it to a leaf that will still
   * have room for it whatever comes later, when applying it changes nothing but that leaf's
   * value (no limits, caps, GPA risk, nested program or shared base). Then the branch that
   * leaves it out is dropped: every allocation in it is matched or beaten by one that applies it
   * there (or, for a twin, an interchangeable one), which the search visits or bounds.
   */
  readonly onlyRaisesLeaves: readonly boolean[];
}

/** The search order of the contested items (sorted in place). */
export function searchOrder(context: SolveContext, contested: number[]): SearchOrder {
  const { problem, shape, hasCopy } = context;
  const { items, policies } = problem;
  contested.sort(
    (a, b) =>
      Number(items[a]!.copyOf !== undefined) - Number(items[b]!.copyOf !== undefined) ||
      items[b]!.candidates.length - items[a]!.candidates.length ||
      a - b,
  );
  const { minGpa } = policies;
  const gpaAtRisk = minGpa !== undefined && items.some((item) => item.points !== null && item.points < minGpa);
  const previousTwin = filled(contested.length, -1);
  const lastOfKind = new Map<string, number>();
  contested.forEach((index, k) => {
    const item = items[index]!;
    // Limits spend their budget in item order, so items under a limit are never interchangeable.
    if (item.limits.length > 0 || sharesBase(context, index) || item.copyOf !== undefined || hasCopy[index]) return;
    // An item that falls through counts toward totals, residency and the GPA whether it is applied
    // or not, so its grade and residency tell it apart from another only when it does not fall
    // through (and its grade only when some grade could pull the GPA under its minimum).
    const own = item.fallsThrough ? 'falls-through' : `${gpaAtRisk ? item.points : '-'}|${item.resident}`;
    const values = `${item.distinctKeys ? [...item.distinctKeys].join(';') : ''}|${item.asserts ? JSON.stringify(item.asserts) : ''}`;
    const key = `${item.ticks}|${item.candidates.join(',')}|${item.sharedCandidates.join(',')}|${item.inProgress}|${own}|${values}`;
    const previous = lastOfKind.get(key);
    if (previous !== undefined) previousTwin[k] = previous;
    lastOfKind.set(key, k);
  });
  const onlyRaisesLeaves = contested.map((index) => {
    const item = items[index]!;
    return (
      !interacts(context, index) &&
      item.components.length === 0 &&
      item.candidates.every((leaf) => !shape.underCap[leaf])
    );
  });
  return { contested, previousTwin, onlyRaisesLeaves };
}
