import * as z from 'zod/mini';
import { allKind } from '../requirements/all/all.js';
import { anyKind } from '../requirements/any/any.js';
import { credentialKind } from '../requirements/credential/credential.js';
import { programKind } from '../requirements/program/program.js';
import { type DISTINCT_FACTS, whereKind } from '../requirements/where/where.js';
import { Assertion, type ShareWith, ShareWith as ShareWithSchema } from './assertion.js';
import { type Condition, describedCondition } from './condition.js';
import { described, describedRef, withMeta } from './schema-meta.js';

/** What every requirement node may carry, whatever its kind (SPEC section 4). */
export interface NodeFields {
  id?: string;
  label?: string;
  minGrade?: string;
  maxCredits?: number;
  /** At most this many items count under the node. */
  maxCount?: number;
  /** `true`: an overlay; `{ with, where }`: listed double counting. */
  share?: boolean | ShareWith;
  /** Among the counted: a condition the items this node counts must meet as well. */
  assert?: Assertion;
  /** The node applies only to learners for whom this condition over learner facts holds. */
  when?: Condition;
}

/** `{ "all": [REQ, ...] }` */
export interface AllRequirement extends NodeFields {
  all: Requirement[];
}
/** `{ "any": [REQ, ...], "need": N }` */
export interface AnyRequirement extends NodeFields {
  any: Requirement[];
  need?: number;
}
/** `{ "credential": ID }` */
export interface CredentialRequirement extends NodeFields {
  credential: string;
}
/** `{ "program": ID }` */
export interface ProgramRequirement extends NodeFields {
  program: string;
}
/** `{ "where": COND, "credits": N }` or `{ "where": COND, "count": N }` */
export interface WhereRequirement extends NodeFields {
  where: Condition;
  credits?: number;
  count?: number;
  distinct?: (typeof DISTINCT_FACTS)[number];
}

/** The requirement kinds by name: a node's kind is told by the one key it carries. */
export interface RequirementKinds {
  all: AllRequirement;
  any: AnyRequirement;
  credential: CredentialRequirement;
  program: ProgramRequirement;
  where: WhereRequirement;
}
export type RequirementKindName = keyof RequirementKinds;
export type RequirementOfKind<K extends RequirementKindName> = RequirementKinds[K];

/** A node of a program's requirement tree: one of the kinds. */
export type Requirement = RequirementKinds[RequirementKindName];

// The schema is composed from the kinds' own fields (the kind modules import only zod and types here).
const KINDS = [allKind, anyKind, credentialKind, whereKind, programKind] as const;

const RequirementObject = z
  .strictObject({
    id: z.optional(
      described(
        z.string().check(z.minLength(1)),
        'A stable id: exceptions, share lists and the audit result name the node by it',
      ),
    ),
    label: z.optional(described(z.string(), 'Its name in reports, e.g. Core courses')),
    minGrade: z.optional(
      described(z.string(), 'The least grade an item needs to count here (over the policy minGrade)'),
    ),
    maxCredits: z.optional(described(z.number().check(z.gte(0)), 'At most this many credits count under the node')),
    maxCount: z.optional(
      described(z.number().check(z.int(), z.gte(0)), 'At most this many items count under the node'),
    ),
    share: z.optional(
      described(
        z.union([z.boolean(), ShareWithSchema]),
        'true: items applied here may also count in any other requirement of the program; { with, where }: only in the listed ones',
      ),
    ),
    assert: z.optional(
      describedRef(Assertion, 'Among the counted: a requirement tree the items this node applies must also meet'),
    ),
    when: z.optional(
      describedCondition(
        'Applies only to learners for whom this holds (a condition over declared, entered, catalogYear, learnerTags)',
      ),
    ),
    ...Object.fromEntries(
      KINDS.flatMap((kind) =>
        Object.entries(kind.fields(z.lazy(() => Requirement))).map(([key, field]) => [key, z.optional(field)]),
      ),
    ),
  })
  .check(
    z.superRefine((node, ctx) => {
      const record = node as Record<string, unknown>;
      const present = KINDS.filter((kind) => record[kind.tell] !== undefined);
      if (present.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `exactly one of ${KINDS.map((k) => k.tell).join(', ')} (found ${present.length === 0 ? 'none' : present.map((k) => k.tell).join(', ')})`,
        });
        return;
      }
      const kind = present[0]!;
      for (const other of KINDS) {
        if (other === kind) continue;
        for (const key of other.keys.slice(1))
          if (record[key] !== undefined)
            ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" only with "${other.tell}"` });
      }
      (kind.refine as (node: unknown, issue: (path: readonly (string | number)[], message: string) => void) => void)(
        node,
        (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message }),
      );
    }),
  );

/** Zod schema of {@link Requirement}. */
export const Requirement: z.ZodMiniType<Requirement> = withMeta(
  RequirementObject as unknown as z.ZodMiniType<Requirement>,
  {
    id: 'Requirement',
    description: 'A requirement: all, any, credential, where or program, told apart by its key',
  },
);
