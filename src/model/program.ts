import * as z from 'zod/mini';
import { describedCondition } from './condition.js';
import { credentialFields } from './credential.js';
import { Credits } from './credits.js';
import { Duration, IsoDate } from './dates.js';
import { Requirement } from './requirement.js';
import { described, describedRef, withMeta } from './schema-meta.js';

const name = (description: string) => described(z.string().check(z.minLength(1)), description);
const credits = (description: string) => described(z.number().check(z.gte(0)), description);
const count = (description: string) => described(z.number().check(z.int(), z.gte(0)), description);

/**
 * A cap on what items matching a condition count, across a whole program: credits (past it an
 * item counts in part) and/or items (past it an item counts not at all).
 */
export const Limit = described(
  z
    .strictObject({
      id: name('Its id, shown where it clips an item'),
      label: z.optional(described(z.string(), 'Its name in reports, e.g. External credentials')),
      where: describedCondition('The items it caps: a condition over their facts'),
      maxCredits: z.optional(
        credits('The most credits those items count for in the program (past it an item counts in part)'),
      ),
      maxCount: z.optional(
        count('The most of those items that count in the program (past it an item counts not at all)'),
      ),
    })
    .check(
      z.refine((l) => l.maxCredits !== undefined || l.maxCount !== undefined, {
        message: 'a limit with "maxCredits", "maxCount" or both',
      }),
    ),
  'A cap across the whole program on what items matching a condition count',
);
export type Limit = z.infer<typeof Limit>;

/** How much a program may overlap another audited with it. */
export const Sharing = described(
  z.strictObject({
    with: name('The id of the other program'),
    maxCredits: z.optional(credits('The most credits that may count in both')),
    maxCount: z.optional(count('The most items that may count in both')),
  }),
  'How much the program may overlap another audited with it',
);

/** Program-wide policies (SPEC section 4). */
export const Policy = z.strictObject({
  minGrade: z.optional(described(z.string(), 'The least grade an item needs to count, by default for every node')),
  recency: z.optional(described(Duration, 'Awards older than this at the as-of date do not count')),
  residency: z.optional(
    described(
      z.strictObject({
        minCredits: credits('The least credits from those sources the program needs'),
        sources: z._default(
          described(
            z.array(z.enum(['institution', 'transfer', 'external', 'prior-learning'])).check(z.minLength(1)),
            'The award sources that count as resident (default: institution)',
          ),
          ['institution'],
        ),
      }),
      'Credits the program needs from the institution itself (or the listed sources)',
    ),
  ),
  limits: z.optional(described(z.array(Limit), 'Caps across the program on what matching items count')),
  totalCredits: z.optional(credits('The credits the program needs in all')),
  minGpa: z.optional(
    credits(
      'The least GPA over the graded items applied (and fall-through); the same as gpa: { min, over: "applied" }',
    ),
  ),
  gpa: z.optional(
    described(
      z.strictObject({
        min: credits('The least GPA'),
        over: z._default(
          described(
            z.enum(['applied', 'all-graded']),
            '"applied": the graded items the audit counts; "all-graded": every graded award that may count in the program, failing grades included',
          ),
          'applied',
        ),
      }),
      'The least GPA, and over which items',
    ),
  ),
  sharing: z.optional(
    described(z.array(Sharing), 'How much the program may overlap each other program audited with it'),
  ),
  exclusiveWith: z.optional(
    described(
      z.array(z.string().check(z.minLength(1))),
      'Ids of programs that no item may count in together with this one',
    ),
  ),
});
export type Policy = z.infer<typeof Policy>;

/** What completing a program earns. */
export const PROGRAM_KINDS = ['certificate', 'diploma', 'degree', 'micro-credential', 'badge'] as const;

/** A program: a credential awarded for meeting requirements; it can stack further. */
export const Program = withMeta(
  z.strictObject({
    id: name('Its id, unique in the catalog (versions of one program share it)'),
    kind: described(z.enum(PROGRAM_KINDS), 'What kind of credential completing it earns'),
    ...credentialFields,
    credits: z.optional(described(Credits, 'What it is worth in credits when it stacks into another program')),
    title: name('Its title, e.g. Bachelor of Science in Data Science'),
    effective: z.optional(
      described(
        z.strictObject({
          from: z.optional(described(IsoDate, 'The first catalog date of this version')),
          to: z.optional(described(IsoDate, 'The last catalog date of this version')),
        }),
        'The catalog years this version is in force (versions of one id do not overlap)',
      ),
    ),
    alignments: z.optional(
      described(
        z.array(z.string().check(z.minLength(1))),
        'Open Badges achievement ids or alignment target URLs that denote this program',
      ),
    ),
    policy: z.optional(described(Policy, 'Program-wide policies: grades, recency, residency, limits, GPA, sharing')),
    requirements: describedRef(Requirement, 'What the program requires: a tree of requirements'),
  }),
  { id: 'Program', description: 'A program: a credential awarded for meeting requirements; it can stack further' },
);
export type Program = z.infer<typeof Program>;
