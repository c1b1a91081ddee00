import type { z } from 'zod';
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
  fields(child: z.ZodType<Requirement>): Readonly<Record<string, z.ZodType>>;
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
}
