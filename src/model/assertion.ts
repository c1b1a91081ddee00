import { z } from 'zod';
import { DISTINCT_FACTS } from '../requirements/where/where.js';
import { Condition } from './condition.js';

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

const AssertionObject = z
  .object({
    label: z.string().optional(),
    all: z
      .array(z.lazy(() => Assertion))
      .min(1)
      .optional(),
    any: z
      .array(z.lazy(() => Assertion))
      .min(1)
      .optional(),
    need: z.number().int().positive().optional(),
    where: Condition.optional(),
    count: z.number().int().positive().optional(),
    credits: z.number().positive().optional(),
    maxCount: z.number().int().nonnegative().optional(),
    maxCredits: z.number().nonnegative().optional(),
    distinct: z.enum(DISTINCT_FACTS).optional(),
    minGrade: z.string().optional(),
  })
  .strict()
  .superRefine((node, ctx) => {
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
  });

/** Zod schema of {@link Assertion}. */
export const Assertion: z.ZodType<Assertion> = (AssertionObject as unknown as z.ZodType<Assertion>).meta({
  id: 'Assertion',
  description: 'Among the counted: a condition on the items this node counts, using nothing up',
});

/** `share: { with, where }`: items applied here that match `where` may also count in the listed requirements. */
export interface ShareWith {
  with: string[];
  where?: Condition;
}

/** Zod schema of {@link ShareWith}. */
export const ShareWith: z.ZodType<ShareWith> = z
  .object({
    with: z.array(z.string().min(1)).min(1),
    where: Condition.optional(),
  })
  .strict()
  .meta({
    id: 'ShareWith',
    description: 'Listed double counting: items matching "where" may also count in the listed requirements',
  });

/** The children of an assert node (none for a leaf). */
export function assertChildren(node: Assertion): readonly Assertion[] {
  return 'all' in node ? node.all : 'any' in node ? node.any : [];
}
