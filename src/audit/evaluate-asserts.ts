import { assertValueKey, type Assignment, type PlanAssert, type PlanItem } from './allocation-problem.js';

/** What one assert finds among the items its node counts. */
export interface AssertOutcome {
  /** Per assert node: a leaf's value (items or ticks), a group's children met. */
  readonly have: readonly number[];
  readonly met: readonly boolean[];
  /** The same on finished work only (an at-most leaf still counts work in progress against it). */
  readonly metFinished: readonly boolean[];
}

/** The asserts of an allocation, and whether each applied item is needed by one. */
export interface AssertsEvaluation {
  readonly outcomes: readonly AssertOutcome[];
  /**
   * Whether an item applied at a leaf is needed by an at-least leaf of an assert above it: that
   * leaf counts less without this application, and then falls short.
   */
  readonly neededByAssert: (item: number) => boolean;
}

/**
 * Evaluates the asserts ("among the counted", SPEC section 4) of an allocation: each leaf of an
 * assert sees every item that counts in its node's subtree, for the ticks it counts after limits
 * (an item may count toward several leaves: an assert uses nothing up). A distinct leaf counts
 * one item per value (for credits, the value's largest).
 */
export function evaluateAsserts(
  asserts: readonly PlanAssert[],
  items: readonly PlanItem[],
  assignment: Assignment,
  counting: (item: number) => boolean,
  counted: readonly number[],
): AssertsEvaluation {
  // Per assert and leaf: the counting items' values, by distinct key (or one key per item).
  const values = asserts.map((a) => a.nodes.map(() => new Map<number, number[]>()));
  const finishedValues = asserts.map((a) => a.nodes.map(() => new Map<number, number[]>()));
  const under = (a: PlanAssert, leaf: number) => leaf >= a.owner && leaf < a.to;
  for (let item = 0; item < items.length; item++) {
    const matches = items[item]!.asserts;
    const leaf = assignment[item]!;
    if (!matches || leaf < 0 || !counting(item)) continue;
    for (const match of matches) {
      const a = asserts[match.assert]!;
      if (!under(a, leaf)) continue;
      const amount = a.nodes[match.leaf]!.measure === 'count' ? 1 : counted[item]!;
      const key = assertValueKey(match, items, item);
      push(values[match.assert]![match.leaf]!, key, amount);
      // Work in progress counts against an at-most leaf on finished work too: it is applied
      // there, and finishing it cannot lower the amount.
      if (!items[item]!.inProgress || a.nodes[match.leaf]!.atMost)
        push(finishedValues[match.assert]![match.leaf]!, key, amount);
    }
  }
  const outcomes = asserts.map((a, index) => {
    const all = rollUpAssert(a, values[index]!);
    const finished = rollUpAssert(a, finishedValues[index]!);
    return { have: all.have, met: all.met, metFinished: finished.met };
  });
  const neededByAssert = (item: number) => {
    const leaf = assignment[item]!;
    for (const match of items[item]!.asserts ?? []) {
      const a = asserts[match.assert]!;
      const node = a.nodes[match.leaf]!;
      if (!under(a, leaf) || node.atMost) continue;
      const byKey = values[match.assert]![match.leaf]!;
      const have = outcomes[match.assert]!.have[match.leaf]!;
      const amount = node.measure === 'count' ? 1 : counted[item]!;
      // Needed only if the leaf counts less without it and is then short: an application that
      // changes nothing there (a value already counted, the item seen through its other
      // application) is not needed by it, however short the leaf falls.
      const lost = loss(byKey.get(assertValueKey(match, items, item))!, amount);
      if (lost > 0 && have - lost < node.need) return true;
    }
    return false;
  };
  return { outcomes, neededByAssert };
}

function push(byKey: Map<number, number[]>, key: number, amount: number) {
  const list = byKey.get(key);
  if (list) list.push(amount);
  else byKey.set(key, [amount]);
}

/** What a value's group loses when one of its amounts goes: a group counts its largest amount. */
function loss(amounts: readonly number[], amount: number): number {
  const largest = Math.max(...amounts);
  if (amount < largest) return 0;
  const rest = amounts.filter((a) => a !== amount).concat(amounts.filter((a) => a === amount).slice(1));
  return largest - (rest.length > 0 ? Math.max(...rest) : 0);
}

/** Leaf values (one per distinct key: its largest amount) rolled up an assert's tree. */
function rollUpAssert(a: PlanAssert, values: readonly Map<number, number[]>[]) {
  const { nodes } = a;
  const have = new Array<number>(nodes.length).fill(0);
  const met = new Array<boolean>(nodes.length).fill(false);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.kind === 'leaf') {
      let sum = 0;
      for (const amounts of values[i]!.values()) sum += Math.max(...amounts);
      have[i] = sum;
      met[i] = node.atMost ? sum <= node.need : sum >= node.need;
      continue;
    }
    const metChildren = node.children.filter((c) => met[c]).length;
    have[i] = metChildren;
    met[i] = metChildren >= node.need;
  }
  return { have, met };
}
