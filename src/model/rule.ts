import * as z from 'zod/mini';
import { describedCondition } from './condition.js';
import { described, withMeta } from './schema-meta.js';

const name = (description: string) => described(z.string().check(z.minLength(1)), description);
const names = (description: string) => z.optional(described(z.array(z.string().check(z.minLength(1))), description));

/** `grant`: the award counts, with these credits, equivalencies and tags. */
export const GrantEvent = z.strictObject({
  type: described(z.literal('grant'), 'The award counts, with what params say'),
  params: z._default(
    described(
      z.strictObject({
        credits: z.optional(described(z.number().check(z.gte(0)), 'The credits it counts for, over its own')),
        unit: z.optional(name('The unit of those credits (the catalog unit when absent)')),
        as: names('Ids of catalog credentials it counts as (equivalencies)'),
        tags: names('Tags it gains'),
        detail: z.optional(described(z.string(), 'A note shown with the grant in explanations')),
      }),
      'What the grant gives',
    ),
    {},
  ),
});

/** `deny`: the award does not count (for `programs` if given, else anywhere). */
export const DenyEvent = z.strictObject({
  type: described(z.literal('deny'), 'The award does not count (a deny beats a grant)'),
  params: described(
    z.strictObject({
      reason: name('Why it does not count (shown in explanations)'),
      programs: names('Ids of the programs it does not count in (anywhere when absent)'),
    }),
    'Why, and where',
  ),
});

/** `tag`: adds attributes to the award. */
export const TagEvent = z.strictObject({
  type: described(z.literal('tag'), 'The award gains tags'),
  params: described(
    z.strictObject({
      tags: described(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), 'The tags it gains'),
    }),
    'The tags',
  ),
});

export const RuleEvent = z.discriminatedUnion('type', [GrantEvent, DenyEvent, TagEvent]);
export type RuleEvent = z.infer<typeof RuleEvent>;

/** A credit rule: a json-rules-engine rule over one award's facts (SPEC section 6). */
export const CreditRule = withMeta(
  z.strictObject({
    name: name('Its name, shown as the provenance of what it does'),
    priority: z.optional(
      described(
        z.number().check(z.int(), z.gt(0)),
        'Rules of higher priority run first (default 1; ties in catalog order)',
      ),
    ),
    conditions: describedCondition(
      "When it applies: a condition over one award's facts, with all, any or not at its root",
    ).check(
      z.refine((c) => !('fact' in c), { message: 'a root of "all", "any" or "not" (json-rules-engine needs one)' }),
    ),
    event: described(RuleEvent, 'What it does to the award: grant, deny or tag'),
  }),
  { id: 'CreditRule', description: "A credit rule: a json-rules-engine rule over one award's facts" },
);
export type CreditRule = z.infer<typeof CreditRule>;
