import { type AllocationProblem, appliedTwice } from '../allocation-problem.js';
import { treeShape, type TreeShape } from '../tree-shape.js';
import { filled } from './arrays.js';
import { countedBounds, type CountedBounds } from './counted-bounds.js';

/** What the solver works out of a problem once, before it places anything; read-only after. */
export interface SolveContext {
  readonly problem: AllocationProblem;
  readonly shape: TreeShape;
  /** The problem's size, in steps: what setting up, one evaluation or one first fit visits, about. */
  readonly size: number;
  readonly counted: CountedBounds;
  /**
   * Per node: under an assert. An item a leaf there takes that matches an assert's leaf may be one
   * the assert needs, so the leaf takes such items past its need: which of them every allocation
   * needs is for the clean-up to find ({@link neededByLeafOnly} tells the others).
   */
  readonly underAssert: readonly boolean[];
  /** Per item: some second application (listed double counting) copies it. */
  readonly hasCopy: readonly boolean[];
  /** Some allocation the search reaches may hold items no leaf or assert needs: it is cleaned up. */
  readonly cleansUp: boolean;
  /**
   * Per item: how many items use it up (itself, or nested programs made of it). Two items that
   * share a base item (a component and its program, two programs nesting the same one) exclude each other.
   */
  readonly users: readonly number[];
  /** Per node: the nodes with a `maxCount` over it, itself included, nearest first. */
  readonly countCapsOver: readonly (readonly number[])[];
  /** Per node: where its subtree ends (pre-order). */
  readonly subtreeEnd: readonly number[];
}

/** The solver's context of a problem. */
export function solveContext(problem: AllocationProblem): SolveContext {
  const { nodes, items } = problem;
  const shape = treeShape(nodes);
  let size = shape.count;
  for (const item of items)
    size += 1 + item.candidates.length + item.sharedCandidates.length + item.limits.length + item.components.length;
  const counted = countedBounds(problem);
  const asserts = problem.asserts ?? [];
  const { underAssert, countCapsOver, subtreeEnd } = nodeContext(problem);
  const hasCopy = appliedTwice(items);
  const users = filled(items.length, 0);
  for (let index = 0; index < items.length; index++) {
    const { components } = items[index]!;
    if (components.length === 0) users[index]!++;
    else for (const b of components) users[b]!++;
  }
  return {
    problem,
    shape,
    size,
    counted,
    underAssert,
    hasCopy,
    cleansUp: asserts.length > 0 || hasCopy.some(Boolean),
    users,
    countCapsOver,
    subtreeEnd,
  };
}

/** The part of a context that depends on the nodes and asserts alone. */
export type NodeContext = Pick<SolveContext, 'underAssert' | 'countCapsOver' | 'subtreeEnd'>;

/** Per node list: its node context, and the asserts it was made for. */
const nodeContexts = new WeakMap<
  AllocationProblem['nodes'],
  { readonly asserts: AllocationProblem['asserts']; readonly context: NodeContext }
>();

/**
 * What the solver reads of the nodes and asserts: memoised on the node list, which plans of one
 * program and unit share (most audits find it made).
 */
export function nodeContext({ nodes, asserts }: AllocationProblem): NodeContext {
  const known = nodeContexts.get(nodes);
  if (known && known.asserts === asserts) return known.context;
  const all = asserts ?? [];
  const underAssert = nodes.map((_, leaf) => all.some((a) => leaf >= a.owner && leaf < a.to));
  const countCapsOver = nodes.map((_, leaf) => {
    const capped: number[] = [];
    for (let n = leaf; n >= 0; n = nodes[n]!.parent) if (nodes[n]!.maxCount < Infinity) capped.push(n);
    return capped;
  });
  const subtreeEnd = nodes.map((_, n) => n + 1);
  for (let n = nodes.length - 1; n > 0; n--)
    subtreeEnd[nodes[n]!.parent] = Math.max(subtreeEnd[nodes[n]!.parent]!, subtreeEnd[n]!);
  const context = { underAssert, countCapsOver, subtreeEnd };
  nodeContexts.set(nodes, { asserts, context });
  return context;
}

/**
 * Whether item `index` applied at `leaf` is needed only by the leaf's own need: no assert over
 * the leaf may need it (it matches none of their leaves). A second application is taken as one an
 * assert may need: a margin only (one without assert matches cannot be), which keeps the cut safe.
 */
export function neededByLeafOnly({ problem, underAssert }: SolveContext, index: number, leaf: number): boolean {
  if (!underAssert[leaf]) return true;
  const item = problem.items[index]!;
  return item.asserts === undefined && item.copyOf === undefined;
}

/** Whether an item uses up a base item another item uses up too. */
export function sharesBase({ problem, users }: SolveContext, index: number): boolean {
  const { components } = problem.items[index]!;
  return components.length === 0 ? users[index]! > 1 : components.some((b) => users[b]! > 1);
}

/**
 * Whether placing an item may change more than its leaf's value: a limit, an assert, a second
 * application, a grade that could pull the GPA under its minimum, or a shared base item.
 */
export function interacts(context: SolveContext, index: number): boolean {
  const item = context.problem.items[index]!;
  const { minGpa } = context.problem.policies;
  return (
    item.limits.length > 0 ||
    item.asserts !== undefined ||
    item.copyOf !== undefined ||
    (minGpa !== undefined && item.points !== null && item.points < minGpa) ||
    sharesBase(context, index)
  );
}
