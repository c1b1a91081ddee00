import { z } from 'zod';
import { Condition } from './condition.js';

/** `grant`: the award counts, with these credits, equivalencies and tags. */
export const GrantEvent = z
  .object({
    type: z.literal('grant'),
    params: z
      .object({
        credits: z.number().nonnegative().optional(),
        unit: z.string().min(1).optional(),
        as: z.array(z.string().min(1)).optional(),
        tags: z.array(z.string().min(1)).optional(),
        detail: z.string().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

/** `deny`: the award does not count (for `programs` if given, else anywhere). */
export const DenyEvent = z
  .object({
    type: z.literal('deny'),
    params: z.object({ reason: z.string().min(1), programs: z.array(z.string().min(1)).optional() }).strict(),
  })
  .strict();

/** `tag`: adds attributes to the award. */
export const TagEvent = z
  .object({ type: z.literal('tag'), params: z.object({ tags: z.array(z.string().min(1)).min(1) }).strict() })
  .strict();

export const RuleEvent = z.discriminatedUnion('type', [GrantEvent, DenyEvent, TagEvent]);
export type RuleEvent = z.infer<typeof RuleEvent>;

/** A credit rule: a json-rules-engine rule over one award's facts (SPEC section 6). */
export const CreditRule = z
  .object({
    name: z.string().min(1),
    priority: z.number().int().positive().optional(),
    conditions: Condition.refine((c) => !('fact' in c), {
      message: 'a root of "all", "any" or "not" (json-rules-engine needs one)',
    }),
    event: RuleEvent,
  })
  .strict()
  .meta({ id: 'CreditRule' });
export type CreditRule = z.infer<typeof CreditRule>;
