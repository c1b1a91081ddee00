import type { PlanNode } from './allocation-problem.js';

/**
 * A plan's requirement tree as flat typed arrays, for the solver's bound (which runs at every
 * search node and must not allocate). Built once per node list: plans of the same program and
 * unit share their node list, so most audits find it built.
 */
export interface TreeShape {
  readonly count: number;
  /** 0 leaf, 1 `all`, 2 `any`. */
  readonly kind: Uint8Array;
  readonly need: Float64Array;
  readonly cap: Float64Array;
  readonly waived: Uint8Array;
  /** 1 under a wholly waived node: the waiver meets that node, so nothing under it is scored. */
  readonly underWaiver: Uint8Array;
  /** Children of node i: childList[childStart[i]] up to childList[childStart[i + 1]]. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Leaves in tree order. */
  readonly leafList: Int32Array;
  /** 1 when the node or an ancestor has a credit or item cap. */
  readonly underCap: Uint8Array;
  /** Some node has a `maxCount` or is a distinct leaf: an evaluation must check which items count there. */
  readonly countRules: boolean;
}

const shapes = new WeakMap<readonly PlanNode[], TreeShape>();

/** The flat shape of a node list (memoised on the list). */
export function treeShape(nodes: readonly PlanNode[]): TreeShape {
  const known = shapes.get(nodes);
  if (known) return known;
  const count = nodes.length;
  const kind = new Uint8Array(count);
  const need = new Float64Array(count);
  const cap = new Float64Array(count);
  const waived = new Uint8Array(count);
  const underWaiver = new Uint8Array(count);
  const underCap = new Uint8Array(count);
  const childStart = new Int32Array(count + 1);
  const children: number[] = [];
  const leaves: number[] = [];
  for (let i = 0; i < count; i++) {
    const node = nodes[i]!;
    kind[i] = node.kind === 'leaf' ? 0 : node.kind === 'all' ? 1 : 2;
    need[i] = node.need;
    cap[i] = node.cap;
    waived[i] = node.waived ? 1 : 0;
    underWaiver[i] = node.parent >= 0 && (waived[node.parent] === 1 || underWaiver[node.parent] === 1) ? 1 : 0;
    underCap[i] =
      node.cap < Infinity ||
      node.maxCount < Infinity ||
      node.distinct === true ||
      (node.parent >= 0 && underCap[node.parent] === 1)
        ? 1
        : 0;
    for (const child of node.children) children.push(child);
    childStart[i + 1] = children.length;
    if (node.kind === 'leaf') leaves.push(i);
  }
  const shape = {
    count,
    kind,
    need,
    cap,
    waived,
    underWaiver,
    childStart,
    childList: Int32Array.from(children),
    leafList: Int32Array.from(leaves),
    underCap,
    countRules: nodes.some((n) => n.maxCount < Infinity || n.distinct === true),
  };
  shapes.set(nodes, shape);
  return shape;
}
