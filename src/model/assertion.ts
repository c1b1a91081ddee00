import * as z from 'zod/mini';
import { DISTINCT_FACTS } from '../requirements/where/where.js';
import { type Condition, describedCondition } from './condition.js';
import { described, withMeta } from './schema-meta.js';

/**
 * A leaf of an `assert` ("among the counted", SPEC section 4): over the items its node counts,
 * those matching `where` number at least `count` or at most `maxCount`, or add up to at least
 * `credits` or at most `maxCredits` (exactly one of the four).
 */
export interface AssertLeaf {
  where: Condition;
  count?: number;
  credits?: number;
  maxCount?: number;
  maxCredits?: number;
  /** Only items whose values of this fact differ pairwise (one item per value). */
  distinct?: (typeof DISTINCT_FACTS)[number];
  /** Grade the matching items need at least (ungraded items pass). */
  minGrade?: string;
  label?: string;
}
/** Every child holds. */
export interface AssertAll {
  all: Assertion[];
  label?: string;
}
/** At least `need` children hold (default 1). */
export interface AssertAny {
  any: Assertion[];
  need?: number;
  label?: string;
}
/** The tree of an `assert`: a condition on the items its node counts, using nothing up. */
export type Assertion = AssertLeaf | AssertAll | AssertAny;

/** The keys of an assert leaf that say what it measures: exactly one is present. */
export const ASSERT_MEASURES = ['count', 'credits', 'maxCount', 'maxCredits'] as const;

const assertions = (description: string) =>
  described(z.optional(z.array(z.lazy(() => Assertion)).check(z.minLength(1))), description);

const AssertionObject = z
  .strictObject({
    label: z.optional(described(z.string(), 'Its name in reports')),
    all: assertions('Holds when every one of these holds'),
    any: assertions('Holds when `need` of these hold'),
    need: z.optional(
      described(z.number().check(z.int(), z.gt(0)), 'How many of the any options must hold (default 1)'),
    ),
    where: z.optional(describedCondition('A leaf over the counted items matching this condition')),
    count: z.optional(
      described(z.number().check(z.int(), z.gt(0)), 'Holds when at least this many of them are counted'),
    ),
    credits: z.optional(described(z.number().check(z.gt(0)), 'Holds when they add up to at least this many credits')),
    maxCount: z.optional(
      described(z.number().check(z.int(), z.gte(0)), 'Holds when at most this many of them are counted'),
    ),
    maxCredits: z.optional(
      described(z.number().check(z.gte(0)), 'Holds when they add up to at most this many credits'),
    ),
    distinct: z.optional(
      described(z.enum(DISTINCT_FACTS), 'Count only items whose value of this fact differs pairwise'),
    ),
    minGrade: z.optional(described(z.string(), 'Only items with at least this grade')),
  })
  .check(
    z.superRefine((node, ctx) => {
      const tells = (['all', 'any', 'where'] as const).filter((key) => node[key] !== undefined);
      if (tells.length !== 1) {
        ctx.addIssue({ code: 'custom', message: 'exactly one of all, any, where' });
        return;
      }
      const leafKeys = [...ASSERT_MEASURES, 'distinct', 'minGrade'] as const;
      if (tells[0] !== 'where')
        for (const key of leafKeys)
          if (node[key] !== undefined)
            ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" only with "where"` });
      if (tells[0] !== 'any' && node.need !== undefined)
        ctx.addIssue({ code: 'custom', path: ['need'], message: '"need" only with "any"' });
      if (tells[0] === 'any' && node.need !== undefined && node.need > node.any!.length)
        ctx.addIssue({ code: 'custom', path: ['need'], message: `at most the ${node.any!.length} alternatives` });
      if (tells[0] === 'where') {
        const measures = ASSERT_MEASURES.filter((key) => node[key] !== undefined);
        if (measures.length !== 1)
          ctx.addIssue({
            code: 'custom',
            message: `an assert "where" with exactly one of ${ASSERT_MEASURES.join(', ')}`,
          });
        if (node.distinct !== undefined && (node.maxCount !== undefined || node.maxCredits !== undefined))
          ctx.addIssue({ code: 'custom', path: ['distinct'], message: '"distinct" only with "count" or "credits"' });
      }
    }),
  );

/** Zod schema of {@link Assertion}. */
export const Assertion: z.ZodMiniType<Assertion> = withMeta(AssertionObject as unknown as z.ZodMiniType<Assertion>, {
  id: 'Assertion',
  description: 'Among the counted: a condition on the items this node counts, using nothing up',
});

/** `share: { with, where }`: items applied here that match `where` may also count in the listed requirements. */
export interface ShareWith {
  with: string[];
  where?: Condition;
}

/** Zod schema of {@link ShareWith}. */
export const ShareWith: z.ZodMiniType<ShareWith> = withMeta(
  z.strictObject({
    with: described(
      z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      'Ids of the requirements of the program the items may also count in',
    ),
    where: z.optional(describedCondition('Only items matching this may count twice (every item when absent)')),
  }),
  {
    id: 'ShareWith',
    description: 'Listed double counting: items matching "where" may also count in the listed requirements',
  },
);

/** The children of an assert node (none for a leaf). */
export function assertChildren(node: Assertion): readonly Assertion[] {
  return 'all' in node ? node.all : 'any' in node ? node.any : [];
}
