import { kindModule } from '../requirements/registry.js';
import type { CreditItem } from './credit-items.js';
import { leavesPassed, type ProgramTree } from './program-tree.js';

/**
 * Whether some allocation might complete a program without exceptions or `when` (a necessary
 * condition, cheap to check): a leaf that needs something needs an item that may count and
 * passes its test, and a group needs enough such children (what `evaluate-allocation.ts`'s
 * roll-up asks of a met node, every amount taken as reachable by any one item). When it is false
 * no allocation meets the root, so a nested program audited only for its parents, which count
 * it only when complete or in progress, need not be planned or solved.
 */
export function mayComplete(tree: ProgramTree, items: readonly CreditItem[]): boolean {
  const count = tree.nodes.length;
  const passed = new Uint8Array(count);
  for (const item of items) {
    if (item.reasons.length > 0) continue;
    for (const leaf of leavesPassed(tree, item.equivalents, item.facts, item.components !== undefined))
      passed[leaf] = 1;
  }
  const possible = new Uint8Array(count);
  for (let index = count - 1; index >= 0; index--) {
    const spec = tree.specs[index];
    if (spec !== undefined) {
      possible[index] = passed[index] === 1 || !(spec.amount > 0) ? 1 : 0;
      continue;
    }
    const children = tree.children[index]!;
    let met = 0;
    for (const child of children) met += possible[child]!;
    const node = tree.nodes[index]!;
    possible[index] = met >= Math.min(kindModule(node).childrenNeeded(node)!, children.length) ? 1 : 0;
  }
  return possible[0] === 1;
}
