/**
 * The independent oracle's reading of `assert` ("among the counted", SEMANTICS-12.md) and of
 * `distinct` values, written from SPEC 4 and SEMANTICS-12.md alone: a small requirement tree
 * over the items a node counts, which it uses nothing up of.
 */

/** An item an assert sees: its credits after policy limits (node `maxCredits` do not clip them) and its facts. */
export interface Seen {
  /** The item's index in the oracle's model (one item is seen once, however often it is applied). */
  readonly index: number;
  readonly credits: number;
  readonly facts: Readonly<Record<string, unknown>>;
}

/** What an assert leaf measures: at least (`count`, `credits`) or at most (`maxCount`, `maxCredits`). */
export type AssertMeasure = 'count' | 'credits' | 'maxCount' | 'maxCredits';
const MEASURES: readonly AssertMeasure[] = ['count', 'credits', 'maxCount', 'maxCredits'];

/** An assert as JSON (SEMANTICS-12.md): `all`, `any` with `need`, and where-leaves. */
export interface AssertJson {
  all?: AssertJson[];
  any?: AssertJson[];
  need?: number;
  where?: unknown;
  count?: number;
  credits?: number;
  maxCount?: number;
  maxCredits?: number;
  distinct?: string;
  label?: string;
  minGrade?: string;
}

export interface AssertLeaf {
  readonly type: 'leaf';
  readonly measure: AssertMeasure;
  readonly amount: number;
  readonly distinct: string | undefined;
  /** Its `where`, and its `minGrade` when it has one. */
  readonly matches: (seen: Seen) => boolean;
}
export interface AssertGroup {
  readonly type: 'all' | 'any';
  readonly need: number;
  readonly children: readonly AssertTree[];
}
export type AssertTree = AssertLeaf | AssertGroup;

const LEAF_KEYS = new Set(['where', ...MEASURES, 'distinct', 'label', 'minGrade']);

/**
 * Reads an assert; `leafMatch` builds a leaf's test from its `where` and `minGrade`. Throws on
 * keys an assert may not carry (`id`, `share`, `assert`, `when`, `credential`, `program`), so a
 * generator that drifts past the reading fails loudly.
 */
export function readAssert(
  json: AssertJson,
  leafMatch: (where: unknown, minGrade: string | undefined) => (seen: Seen) => boolean,
): AssertTree {
  const group = json.all ?? json.any;
  if (group) {
    const extra = Object.keys(json).filter((k) => k !== 'all' && k !== 'any' && k !== 'need' && k !== 'label');
    if (extra.length > 0 || (json.all && json.any)) throw new Error(`oracle: an assert group with ${extra.join(',')}`);
    const children = group.map((child) => readAssert(child, leafMatch));
    return { type: json.all ? 'all' : 'any', need: json.all ? children.length : (json.need ?? 1), children };
  }
  const extra = Object.keys(json).filter((k) => !LEAF_KEYS.has(k));
  const measures = MEASURES.filter((m) => json[m] !== undefined);
  if (extra.length > 0 || json.where === undefined || measures.length !== 1)
    throw new Error(`oracle: an assert leaf it does not model: ${JSON.stringify(json)}`);
  const measure = measures[0]!;
  if (json.distinct !== undefined && measure !== 'count' && measure !== 'credits')
    throw new Error('oracle: distinct goes with count or credits only');
  return {
    type: 'leaf',
    measure,
    amount: json[measure]!,
    distinct: json.distinct,
    matches: leafMatch(json.where, json.minGrade),
  };
}

/**
 * The items of a distinct leaf, one per value of the fact (SPEC 4: values pairwise different),
 * leaving out items without a value: for each value the item with the most credits (then the
 * lowest index), in index order.
 */
export function onePerValue(seen: readonly Seen[], fact: string): Seen[] {
  const best = new Map<unknown, Seen>();
  for (const s of seen) {
    const value = s.facts[fact];
    if (value === undefined || value === null) continue;
    const held = best.get(value);
    if (!held || s.credits > held.credits || (s.credits === held.credits && s.index < held.index)) best.set(value, s);
  }
  return [...best.values()].sort((x, y) => x.index - y.index);
}

/** What an assert leaf measures over the items seen: items (different values, with `distinct`) or credits. */
export function measureOf(leaf: AssertLeaf, seen: readonly Seen[]): number {
  const matching = seen.filter(leaf.matches);
  const counted = leaf.distinct === undefined ? matching : onePerValue(matching, leaf.distinct);
  return leaf.measure === 'count' || leaf.measure === 'maxCount'
    ? counted.length
    : counted.reduce((sum, s) => sum + s.credits, 0);
}

/** Whether an assert leaf holds: at least its amount for count / credits, at most for maxCount / maxCredits. */
export function leafHolds(leaf: AssertLeaf, seen: readonly Seen[]): boolean {
  const value = measureOf(leaf, seen);
  return leaf.measure === 'count' || leaf.measure === 'credits' ? value >= leaf.amount : value <= leaf.amount;
}

/** Whether an assert holds over the items seen (each leaf sees all of them: an assert uses nothing up). */
export function assertHolds(tree: AssertTree, seen: readonly Seen[]): boolean {
  if (tree.type === 'leaf') return leafHolds(tree, seen);
  return tree.children.filter((child) => assertHolds(child, seen)).length >= tree.need;
}

/**
 * Whether the assert needs an item (SEMANTICS-12.md, "every applied item is needed"): it matches
 * an at-least leaf that would be under its need without it. The oracle reads "matches" as
 * "counts toward": without the item the leaf measures less (so under `distinct` a second item
 * of a value already seen, or one without a value, is not needed by it).
 */
export function assertNeeds(tree: AssertTree, seen: readonly Seen[], item: Seen): boolean {
  if (tree.type !== 'leaf') return tree.children.some((child) => assertNeeds(child, seen, item));
  if (tree.measure !== 'count' && tree.measure !== 'credits') return false;
  const without = seen.filter((s) => s.index !== item.index);
  const less = measureOf(tree, without);
  return less < tree.amount && less < measureOf(tree, [...without, item]);
}
