import type { PlanItem } from '../allocation-problem.js';
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
  // Per hash of an item's ticks and candidates: the depths of the items with it so far.
  const byHash = new Map<number, number[]>();
  contested.forEach((index, k) => {
    const item = items[index]!;
    // Limits spend their budget in item order, so items under a limit are never interchangeable.
    if (item.limits.length > 0 || sharesBase(context, index) || item.copyOf !== undefined || hasCopy[index]) return;
    let hash = item.ticks;
    for (const leaf of item.candidates) hash = (Math.imul(hash, 31) + leaf) | 0;
    const depths = byHash.get(hash);
    if (!depths) {
      byHash.set(hash, [k]);
      return;
    }
    for (let d = depths.length - 1; d >= 0; d--)
      if (interchangeable(items[contested[depths[d]!]!]!, item, gpaAtRisk)) {
        previousTwin[k] = depths[d]!;
        break;
      }
    depths.push(k);
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

/**
 * Whether two items (outside every limit, base items of their own) are interchangeable: the same
 * credits, candidates, shared candidates, progress, values at distinct leaves and assert leaves
 * matched, and, unless they fall through, the same residency (and grade, when some grade could
 * pull the GPA under its minimum).
 */
function interchangeable(a: PlanItem, b: PlanItem, gpaAtRisk: boolean): boolean {
  return (
    a.ticks === b.ticks &&
    a.inProgress === b.inProgress &&
    sameList(a.candidates, b.candidates) &&
    sameList(a.sharedCandidates, b.sharedCandidates) &&
    // An item that falls through counts toward totals, residency and the GPA whether it is applied
    // or not, so its grade and residency tell it apart from another only when it does not fall through.
    a.fallsThrough === b.fallsThrough &&
    (a.fallsThrough || (a.resident === b.resident && (!gpaAtRisk || a.points === b.points))) &&
    sameKeys(a.distinctKeys, b.distinctKeys) &&
    sameMatches(a.asserts, b.asserts)
  );
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same values at the same distinct leaves, in the same order. */
function sameKeys(a: PlanItem['distinctKeys'], b: PlanItem['distinctKeys']): boolean {
  if (a === undefined || b === undefined) return (a === undefined || a.size === 0) && (b === undefined || b.size === 0);
  if (a.size !== b.size) return false;
  const other = b.entries();
  for (const [leaf, key] of a) {
    const [otherLeaf, otherKey] = other.next().value!;
    if (leaf !== otherLeaf || key !== otherKey) return false;
  }
  return true;
}

/** The same assert leaves matched, with the same values, in the same order. */
function sameMatches(a: PlanItem['asserts'], b: PlanItem['asserts']): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const m = a[i]!;
    const n = b[i]!;
    if (m.assert !== n.assert || m.leaf !== n.leaf || m.key !== n.key) return false;
  }
  return true;
}
