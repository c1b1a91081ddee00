import { z } from 'zod';
import { Condition } from './condition.js';
import { credentialFields } from './credential.js';
import { IsoDate } from './dates.js';
import { Duration } from './dates.js';
import { Requirement } from './requirement.js';

/**
 * A cap on what items matching a condition count, across a whole program: credits (past it an
 * item counts in part) and/or items (past it an item counts not at all).
 */
export const Limit = z
  .object({
    id: z.string().min(1),
    label: z.string().optional(),
    where: Condition,
    maxCredits: z.number().nonnegative().optional(),
    maxCount: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((l) => l.maxCredits !== undefined || l.maxCount !== undefined, {
    message: 'a limit with "maxCredits", "maxCount" or both',
  });
export type Limit = z.infer<typeof Limit>;

/** How much a program may overlap another audited with it. */
export const Sharing = z
  .object({
    with: z.string().min(1),
    maxCredits: z.number().nonnegative().optional(),
    maxCount: z.number().int().nonnegative().optional(),
  })
  .strict();

/** Program-wide policies (SPEC section 4). */
export const Policy = z
  .object({
    minGrade: z.string().optional(),
    recency: Duration.optional(),
    residency: z
      .object({
        minCredits: z.number().nonnegative(),
        sources: z
          .array(z.enum(['institution', 'transfer', 'external', 'prior-learning']))
          .min(1)
          .default(['institution']),
      })
      .strict()
      .optional(),
    limits: z.array(Limit).optional(),
    totalCredits: z.number().nonnegative().optional(),
    minGpa: z.number().nonnegative().optional().meta({
      description:
        'The least GPA over the graded items applied (and fall-through); the same as gpa: { min, over: "applied" }',
    }),
    gpa: z
      .object({
        min: z.number().nonnegative(),
        over: z.enum(['applied', 'all-graded']).default('applied').meta({
          description:
            '"applied": the graded items the audit counts; "all-graded": every graded award that may count in the program, failing grades included',
        }),
      })
      .strict()
      .optional(),
    sharing: z.array(Sharing).optional(),
    exclusiveWith: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;

/** A program: a credential awarded for meeting requirements; it can stack further. */
export const Program = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['certificate', 'diploma', 'degree', 'micro-credential', 'badge']),
    ...credentialFields,
    title: z.string().min(1),
    effective: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }).strict().optional(),
    alignments: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Open Badges achievement ids or alignment target URLs that denote this program' }),
    policy: Policy.optional(),
    requirements: Requirement,
  })
  .strict()
  .meta({ id: 'Program' });
export type Program = z.infer<typeof Program>;
