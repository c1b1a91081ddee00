import { assertValueKey, type PlanAssertNode } from '../allocation-problem.js';
import { filled } from './arrays.js';
import type { SearchState } from './state.js';

/** An at-least leaf of an assert whose node is a requirement leaf, and the items that match it. */
interface AssertLeaf {
  readonly measure: 'count' | 'credits';
  readonly need: number;
  readonly items: readonly number[];
  /** Per matching item: its value of the leaf's distinct fact, or one of its own (a second application shares its original's). */
  readonly keys: readonly number[];
  /** Per matching item: its first limit that lets only so many items count, or -1. */
  readonly group: readonly number[];
}

/** An assert on a requirement leaf (its owner), as its tree and its at-least leaves. */
interface LeafAssert {
  readonly owner: number;
  readonly nodes: readonly PlanAssertNode[];
  /** Per assert node: its at-least leaf, or undefined (a group, or an at-most leaf: met at best). */
  readonly leaves: readonly (AssertLeaf | undefined)[];
}

/**
 * What the asserts on requirement leaves can still reach, for the bound: a leaf whose assert no
 * allocation below a search node can meet is unmet there, whatever it has. Each at-least leaf of
 * the assert counts every matching item placed at the owner or still undecided with the owner
 * among its candidates, in full: one per distinct value, and under a limit that lets only so
 * many items count, no more than that (each item against its first such limit); at-most leaves
 * are taken as met. Items only counting fewer, taken out or clipped, can only meet fewer.
 */
export class AssertReach {
  private readonly asserts: readonly LeafAssert[];
  /** Per item: its depth in the search order (the contested items'), or the item count (decided). */
  private depth: number[];
  /** Scratch: the values seen so far, and the most each brings. */
  private readonly seenKeys: number[] = [];
  private readonly seenMost: number[] = [];
  private inGroup: number[];
  private readonly met: boolean[] = [];

  constructor(
    private readonly state: SearchState,
    contested: readonly number[],
  ) {
    const { problem, shape } = state.context;
    const { items, policies } = problem;
    const asserts: LeafAssert[] = [];
    this.asserts = asserts;
    this.depth = [];
    this.inGroup = [];
    if (!problem.asserts) return;
    this.depth = filled(items.length, items.length);
    contested.forEach((index, k) => {
      this.depth[index] = k;
    });
    this.inGroup = filled(policies.limitCountCaps.length, 0);
    problem.asserts.forEach((a, index) => {
      const owner = a.owner;
      if (a.to !== owner + 1 || shape.kind[owner] !== 0 || shape.waived[owner] === 1) return;
      const leaves = a.nodes.map((node, n): AssertLeaf | undefined => {
        if (node.kind !== 'leaf' || node.atMost) return undefined;
        const matching: number[] = [];
        const keys: number[] = [];
        const group: number[] = [];
        items.forEach((item, i) => {
          const match = item.asserts?.find((m) => m.assert === index && m.leaf === n);
          if (!match || (item.pinned !== owner && !item.candidates.includes(owner))) return;
          matching.push(i);
          keys.push(assertValueKey(match, items, i));
          const capped =
            item.components.length > 0 || item.copyOf !== undefined
              ? -1
              : item.limits.find((l) => policies.limitCountCaps[l]! < Infinity);
          group.push(capped ?? -1);
        });
        return { measure: node.measure, need: node.need, items: matching, keys, group };
      });
      asserts.push({ owner, nodes: a.nodes, leaves });
    });
  }

  /** Whether some assert is on a requirement leaf (else {@link cut} does nothing). */
  get any(): boolean {
    return this.asserts.length > 0;
  }

  /**
   * Sets `met[owner]` to 0 for each leaf met in `met` whose assert cannot be met with the items
   * from depth k on undecided; with `finished`, by finished work (work in progress left out).
   */
  cut(k: number, met: number[], finished = false): void {
    for (const a of this.asserts) if (met[a.owner] === 1 && !this.reachable(a, k, finished)) met[a.owner] = 0;
  }

  private reachable(a: LeafAssert, k: number, finished: boolean): boolean {
    const { nodes, leaves, owner } = a;
    const met = this.met;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      if (node.kind === 'leaf') {
        const leaf = leaves[i];
        met[i] = leaf === undefined || this.most(leaf, owner, k, finished) >= leaf.need;
        continue;
      }
      // Children come after their parent: they were worked out already.
      let metChildren = 0;
      for (const c of node.children) if (met[c]) metChildren++;
      met[i] = metChildren >= node.need;
    }
    return met[0]!;
  }

  /** The most an at-least leaf can have: items placed at the owner or undecided, one per value, limits' counts kept. */
  private most(leaf: AssertLeaf, owner: number, k: number, finished: boolean): number {
    const { assignment } = this.state;
    const { items } = this.state.context.problem;
    const { limitCountCaps } = this.state.context.problem.policies;
    const { seenKeys, seenMost } = this;
    seenKeys.length = 0;
    seenMost.length = 0;
    let value = 0;
    let outside = 0;
    const inGroup = this.inGroup;
    inGroup.fill(0);
    for (let j = 0; j < leaf.items.length; j++) {
      const index = leaf.items[j]!;
      const at = assignment[index]!;
      if ((at !== owner && (at >= 0 || this.depth[index]! < k)) || (finished && items[index]!.inProgress)) continue;
      const ticks = leaf.measure === 'count' ? 1 : items[index]!.ticks;
      const key = leaf.keys[j]!;
      const s = seenKeys.indexOf(key);
      if (s < 0) {
        seenKeys.push(key);
        seenMost.push(ticks);
        value += ticks;
      } else if (ticks > seenMost[s]!) {
        value += ticks - seenMost[s]!;
        seenMost[s] = ticks;
      }
      const group = leaf.group[j]!;
      if (group < 0) outside++;
      else inGroup[group]!++;
    }
    if (leaf.measure === 'credits') return value;
    let capped = outside;
    for (let l = 0; l < inGroup.length; l++) capped += Math.min(inGroup[l]!, limitCountCaps[l]!);
    return Math.min(value, capped);
  }
}
