import { requirementIds } from '../catalog/requirement-tree.js';
import { lcm, rational } from '../model/rational.js';
import type { Program } from '../model/program.js';
import { assertChildren, type Assertion } from '../model/assertion.js';
import type { Requirement, RequirementKindName } from '../model/requirement.js';
import type { LeafSpec } from '../requirements/kind.js';
import { childrenOf, kindOf, leafOf } from '../requirements/registry.js';
import { compileCondition, type Facts, type Predicate } from '../rules/compile-condition.js';
import { gradePoints, type OperatorContext } from '../rules/operators.js';

/** What a leaf asks of an item, grade aside. */
export interface LeafTest {
  /** A `credential` or `program` leaf: the credential id an item must count as. */
  readonly counts?: string;
  /** A `where` leaf: the compiled condition. */
  readonly where?: Predicate;
}

/** Listed double counting (`share: { with, where }`): the sharing node's subtree and the listed ones', as node ranges. */
export interface ShareWithPair {
  /** The sharing node's subtree: nodes `from` up to (not including) `to`. */
  readonly from: number;
  readonly to: number;
  /** Which items may double count (all when absent). */
  readonly where?: Predicate;
  /** The listed nodes' subtrees. */
  readonly targets: readonly { readonly from: number; readonly to: number }[];
}

/** One node of a compiled assert tree, in pre-order (0 the root). */
export interface AssertTreeNode {
  readonly parent: number;
  readonly children: readonly number[];
  readonly kind: 'all' | 'any' | 'leaf';
  /** `any`: children needed. Leaf: the amount, in items or credits of the program's unit. */
  readonly amount: number;
  readonly measure: 'count' | 'credits';
  /** A `maxCount` / `maxCredits` leaf: at most `amount`. */
  readonly atMost: boolean;
  readonly distinct?: string;
  readonly where?: Predicate;
  /** Grade points a matching graded item needs. */
  readonly minPoints?: number;
  readonly source: Assertion;
}

/** A node's `assert`, compiled: the node's subtree as a range, and the assert's tree. */
export interface CompiledAssert {
  readonly owner: number;
  readonly to: number;
  readonly nodes: readonly AssertTreeNode[];
}

/**
 * A program's requirement tree flattened once per catalog: nodes in depth-first pre-order (a
 * parent before its children), with everything the audit of any transcript reuses.
 */
export interface ProgramTree {
  readonly nodes: readonly Requirement[];
  readonly parents: readonly number[];
  readonly children: readonly (readonly number[])[];
  readonly leaves: readonly number[];
  /** Each node's kind (found once here, not by probing the node's keys in every audit). */
  readonly kinds: readonly RequirementKindName[];
  /** What each leaf takes (its kind's answer); undefined for groups. */
  readonly specs: readonly (LeafSpec | undefined)[];
  /** Some leaf counts only items with distinct values of a fact. */
  readonly hasDistinct: boolean;
  /** Each leaf's test; undefined for groups. */
  readonly tests: readonly (LeafTest | undefined)[];
  /** `credential` and `program` leaves by the id they name: an item finds its leaves by lookup. */
  readonly leavesByCredential: ReadonlyMap<string, readonly number[]>;
  /** `where` leaves, whose conditions each item is tested against. */
  readonly whereLeaves: readonly number[];
  /** Grade points a graded item needs under each node (the nearest `minGrade`, else the policy's). */
  readonly minPoints: readonly (number | undefined)[];
  readonly minGrade: readonly (string | undefined)[];
  /** Grade points the program's policy asks of every item it counts (fall-through included). */
  readonly programMinPoints: number | undefined;
  /** Each node's `when`, compiled over learner facts (undefined: it always applies). */
  readonly when: readonly (Predicate | undefined)[];
  /** Listed double counting, one entry per sharing node. */
  readonly shareWith: readonly ShareWithPair[];
  /** The nodes' asserts, in tree order. */
  readonly asserts: readonly CompiledAssert[];
  /** Under a node with `share: true`. */
  readonly shared: readonly boolean[];
  /** Stable ids (SPEC: used by exceptions and output). */
  readonly ids: ReadonlyMap<Requirement, string>;
  /** The common denominator of the credit amounts the program states. */
  readonly denominator: number;
}

/** Flattens and compiles a program's requirement tree. */
export function buildProgramTree(program: Program, context: OperatorContext): ProgramTree {
  const policy = program.policy ?? {};
  const nodes: Requirement[] = [];
  const parents: number[] = [];
  const children: number[][] = [];
  const collect = (node: Requirement, parent: number) => {
    const index = nodes.push(node) - 1;
    parents.push(parent);
    children.push([]);
    if (parent >= 0) children[parent]!.push(index);
    for (const child of childrenOf(node)) collect(child, index);
  };
  collect(program.requirements, -1);
  const minGrade: (string | undefined)[] = [];
  const shared: boolean[] = [];
  nodes.forEach((node, index) => {
    const parent = parents[index]!;
    minGrade.push(node.minGrade ?? (parent >= 0 ? minGrade[parent] : policy.minGrade));
    shared.push(node.share === true || (parent >= 0 && shared[parent]!));
  });
  // Subtree ends: in pre-order a node's subtree is the run of nodes up to its end.
  const ends = nodes.map((_, index) => index + 1);
  for (let index = nodes.length - 1; index > 0; index--) {
    const parent = parents[index]!;
    ends[parent] = Math.max(ends[parent]!, ends[index]!);
  }
  const ids = requirementIds(program.requirements);
  const indexById = new Map<string, number>();
  nodes.forEach((node, index) => node.id !== undefined && !indexById.has(node.id) && indexById.set(node.id, index));
  const shareWith = nodes.flatMap((node, index): ShareWithPair[] => {
    if (typeof node.share !== 'object') return [];
    const targets = node.share.with.map((id) => indexById.get(id)!).map((t) => ({ from: t, to: ends[t]! }));
    return [
      {
        from: index,
        to: ends[index]!,
        ...(node.share.where ? { where: compileCondition(node.share.where, context) } : {}),
        targets,
      },
    ];
  });
  const asserts = nodes.flatMap((node, index): CompiledAssert[] =>
    node.assert === undefined
      ? []
      : [{ owner: index, to: ends[index]!, nodes: compileAssertion(node.assert, context) }],
  );
  const specs = nodes.map(leafOf);
  const assertAmounts = asserts.flatMap((a) => a.nodes.filter((n) => n.measure === 'credits').map((n) => n.amount));
  const amounts = [
    ...assertAmounts,
    ...nodes.flatMap((n, i) => [specs[i]?.measure === 'credits' ? specs[i].amount : undefined, n.maxCredits]),
    policy.totalCredits,
    policy.residency?.minCredits,
    ...(policy.limits ?? []).map((l) => l.maxCredits),
  ].filter((v): v is number => v !== undefined);
  const tests = specs.map((spec): LeafTest | undefined =>
    spec === undefined
      ? undefined
      : spec.where !== undefined
        ? { where: compileCondition(spec.where, context) }
        : { counts: spec.counts! },
  );
  const leavesByCredential = new Map<string, number[]>();
  tests.forEach((test, i) => {
    if (test?.counts !== undefined)
      (leavesByCredential.get(test.counts) ?? leavesByCredential.set(test.counts, []).get(test.counts)!).push(i);
  });
  return {
    nodes,
    parents,
    children,
    leaves: specs.flatMap((spec, i) => (spec === undefined ? [] : [i])),
    kinds: nodes.map(kindOf),
    specs,
    hasDistinct: specs.some((spec) => spec?.distinct !== undefined),
    tests,
    leavesByCredential,
    whereLeaves: tests.flatMap((test, i) => (test?.where ? [i] : [])),
    minPoints: minGrade.map((grade) => (grade === undefined ? undefined : (gradePoints(context, grade) ?? undefined))),
    minGrade,
    programMinPoints: policy.minGrade === undefined ? undefined : (gradePoints(context, policy.minGrade) ?? undefined),
    shared,
    shareWith,
    asserts,
    when: nodes.map((node) => (node.when === undefined ? undefined : compileCondition(node.when, context))),
    ids,
    denominator: amounts.reduce((common, amount) => lcm(common, rational(amount).d), 1),
  };
}

/** What {@link leavesPassed} answers when no leaf takes the item (most items of most programs): one shared list. */
const NO_LEAVES: readonly number[] = [];

/** The leaves an item passes the test of, grade aside, in tree order: looked up by what it counts as, then its facts against each `where`. */
export function leavesPassed(
  tree: ProgramTree,
  equivalents: ReadonlySet<string>,
  facts: Facts,
  isBundle: boolean,
): readonly number[] {
  let found: number[] | undefined;
  for (const id of equivalents) {
    const leaves = tree.leavesByCredential.get(id);
    if (leaves) for (const leaf of leaves) (found ??= []).push(leaf);
  }
  if (!isBundle) for (const leaf of tree.whereLeaves) if (tree.tests[leaf]!.where!(facts)) (found ??= []).push(leaf);
  if (!found) return NO_LEAVES;
  // Sorted only when out of order (a sort copies the list): usually one leaf, or already in tree order.
  for (let i = 1; i < found.length; i++) if (found[i - 1]! > found[i]!) return found.sort((a, b) => a - b);
  return found;
}

/** Whether grade points meet the minimum under a node (its nearest `minGrade`, else the policy's), or with node -1 the program's own: ungraded items pass any. */
export function gradePasses(tree: ProgramTree, points: number | null, node: number): boolean {
  const min = node < 0 ? tree.programMinPoints : tree.minPoints[node];
  return points === null || min === undefined || points >= min;
}

/** Flattens an assert tree in pre-order, its conditions compiled. */
function compileAssertion(root: Assertion, context: OperatorContext): AssertTreeNode[] {
  const out: AssertTreeNode[] = [];
  const visit = (node: Assertion, parent: number) => {
    const index = out.length;
    const children: number[] = [];
    if ('where' in node) {
      const amount = node.count ?? node.credits ?? node.maxCount ?? node.maxCredits!;
      const points = node.minGrade === undefined ? undefined : gradePoints(context, node.minGrade);
      out.push({
        parent,
        children,
        kind: 'leaf',
        amount,
        measure: node.count !== undefined || node.maxCount !== undefined ? 'count' : 'credits',
        atMost: node.maxCount !== undefined || node.maxCredits !== undefined,
        ...(node.distinct !== undefined ? { distinct: node.distinct } : {}),
        where: compileCondition(node.where, context),
        ...(points !== undefined && points !== null ? { minPoints: points } : {}),
        source: node,
      });
      return index;
    }
    const list = assertChildren(node);
    out.push({
      parent,
      children,
      kind: 'all' in node ? 'all' : 'any',
      amount: 'any' in node ? (node.need ?? 1) : list.length,
      measure: 'count',
      atMost: false,
      source: node,
    });
    for (const child of list) children.push(visit(child, index));
    return index;
  };
  visit(root, -1);
  return out;
}
