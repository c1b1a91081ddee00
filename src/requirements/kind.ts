import type * as z from 'zod/mini';
import type { Condition } from '../model/condition.js';
import type { IssueCode } from '../model/issue.js';
import type { Requirement } from '../model/requirement.js';

/** A path below a requirement node, in JSON path segments. */
export type NodePath = readonly (string | number)[];

/**
 * What a leaf takes from the items of a transcript: every stage that matches items to it (the
 * audit, the stacking graph, the catalog's options, exceptions) asks the leaf this instead of
 * probing its keys.
 */
export interface LeafSpec {
  /** The catalog credential (or program) an item must count as. */
  readonly counts?: string;
  /** Whether `counts` names a program whose completion the leaf asks for (stacking). */
  readonly nested?: boolean;
  /** The condition an item's facts must meet. */
  readonly where?: Condition;
  /** How the leaf measures what it is given: items, or credits. */
  readonly measure: 'count' | 'credits';
  /** How much it needs, in its measure (credits in the program's unit). */
  readonly amount: number;
  /** A fact whose values the items it counts must have pairwise different. */
  readonly distinct?: string;
}

/** One term of a row of the plan's MIP: a coefficient times a variable (by index). */
export interface MipTerm {
  readonly variable: number;
  readonly coefficient: number;
}

/**
 * What a kind's part of the plan's mixed-integer program (SPEC section 10) is given for one
 * requirement node that applies to the learner and is not waived, and how it adds its rows. The
 * model around it ties items, caps, limits and policies to the nodes' met variables.
 */
export interface MipNode {
  /** The node's 0/1 variable: 1 only when the node is met. */
  readonly met: number;
  /** A group: the met variables of its children that apply to the learner. */
  readonly children: readonly number[];
  /** A group: how many of those children it needs. A leaf: its need in its measure (items, or credit ticks). */
  readonly need: number;
  /** A leaf: what the items applied to it count there, in its measure. */
  readonly measured: readonly MipTerm[];
  /** A leaf counting distinct values: the applications of the items sharing one value, a list per value. */
  readonly sameValue: readonly (readonly MipTerm[])[];
  /** Adds the row lower ≤ Σ terms ≤ upper (±Infinity for no bound). */
  row(terms: readonly MipTerm[], lower: number, upper: number): void;
}

/** What a kind's catalog checks may ask of the catalog, and how they report. */
export interface CatalogCheckContext {
  readonly isCredential: (id: string) => boolean;
  readonly isProgram: (id: string) => boolean;
  readonly report: (code: IssueCode, path: NodePath, expected: string, received?: string) => void;
  /** Checks a condition over an item's facts (operators, facts, operands). */
  readonly checkCondition: (condition: Condition, path: NodePath) => void;
}

/**
 * One kind of requirement node (SPEC section 4): its JSON keys and schema, its catalog checks,
 * and the properties the audit asks of it. A node's kind is told by the one key it carries.
 */
export interface RequirementKind<N extends Requirement> {
  /** The JSON key that tells this kind apart; a node carries exactly one kind's tell. */
  readonly tell: string;
  /** Every JSON key of this kind (the tell first): another kind's keys on a node are errors. */
  readonly keys: readonly string[];
  /** The zod fields of those keys; `child` is the schema of a nested requirement. */
  fields(child: z.ZodMiniType<Requirement>): Readonly<Record<string, z.ZodMiniType>>;
  /** How the allocation problem sees the node: a group needing all or some children, or a leaf. */
  readonly shape: 'all' | 'any' | 'leaf';
  /** Rules of shape zod's field types cannot state: `issue(path, message)` for each broken one. */
  refine(node: N, issue: (path: NodePath, message: string) => void): void;
  /** Catalog checks beyond the schema: references, conditions, needs no node can meet. */
  check(node: N, context: CatalogCheckContext): void;
  /** Child nodes, empty for a leaf. */
  children(node: N): readonly Requirement[];
  /** How many children a group needs met; undefined for a leaf. */
  childrenNeeded(node: N): number | undefined;
  /** What a leaf takes; undefined for a group. */
  leaf(node: N): LeafSpec | undefined;
  /** The node's rows in the plan's MIP: when its met variable may be 1. */
  mip(node: N, model: MipNode): void;
}
