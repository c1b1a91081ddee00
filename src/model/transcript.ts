import * as z from 'zod/mini';
import { credentialFields, CredentialKind } from './credential.js';
import { IsoDate } from './dates.js';
import { describeValue, type Issue } from './issue.js';
import { described, describedRef, withMeta } from './schema-meta.js';

export const AWARD_STATUSES = ['completed', 'in-progress', 'planned'] as const;
export const SOURCES = ['institution', 'transfer', 'external', 'prior-learning'] as const;
export type Source = (typeof SOURCES)[number];

const id = (description: string) => described(z.string().check(z.minLength(1)), description);

/** One transcript record: a credential earned, in progress or planned (SPEC section 7). */
export const Award = withMeta(
  z.strictObject({
    id: id('Its id, unique on the transcript (exceptions name it)'),
    credential: z.optional(
      id('The id of the catalog credential it is an award of; absent for an inline (ad-hoc) award'),
    ),
    kind: z.optional(described(CredentialKind, 'What kind of credential it is, for an inline award (the kind fact)')),
    ...credentialFields,
    earned: z.optional(described(IsoDate, 'When it was earned (the earned fact)')),
    expires: z.optional(described(IsoDate, 'When it expires: it does not count on or after that date')),
    grade: z.optional(described(z.string(), 'The grade, a key of settings.gradeScale (the grade fact)')),
    term: z.optional(id("The institution's term code, e.g. 2025-FA (the term fact)")),
    status: z._default(
      described(z.enum(AWARD_STATUSES), 'completed, in-progress, or planned (counted only in what-if and plans)'),
      'completed',
    ),
    source: z._default(
      described(z.enum(SOURCES), 'Where it comes from: institution, transfer, external or prior-learning'),
      'institution',
    ),
  }),
  { id: 'Award', description: 'One transcript record: a credential earned, in progress or planned' },
);
export type Award = z.infer<typeof Award>;
/** An award as written in a file, before defaults. */
export type AwardInput = z.input<typeof Award>;

const exceptionFields = {
  program: id('The id of the program it applies to'),
  requirement: id('The id of the requirement node it applies to'),
  reason: id('Why it is granted (shown in the audit)'),
  by: z.optional(described(z.string(), 'Who granted it, e.g. an advisor id')),
};
const awardId = id('The id of the award on this transcript that it applies');

/** Registrar exceptions as data: waive (whole or some credits), substitute, force-apply. */
export const Exception = withMeta(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: described(z.literal('waive'), 'Waive the requirement, wholly or some credits of it'),
      ...exceptionFields,
      credits: z.optional(
        described(z.number().check(z.gt(0)), 'Waive this many credits only (the whole requirement when absent)'),
      ),
    }),
    z.strictObject({
      type: described(z.literal('substitute'), 'Count an award in the requirement in place of what it asks for'),
      ...exceptionFields,
      award: awardId,
    }),
    z.strictObject({
      type: described(z.literal('apply'), 'Apply an award to the requirement (it goes there first)'),
      ...exceptionFields,
      award: awardId,
    }),
  ]),
  { id: 'Exception', description: 'A registrar exception: waive, substitute or apply' },
);
export type Exception = z.infer<typeof Exception>;

/** Who the transcript is of, and the facts about them that requirements' `when` may test (SPEC section 7). */
export const Learner = withMeta(
  z.strictObject({
    id: id("The learner's id"),
    name: z.optional(described(z.string(), "The learner's name, as reports show it")),
    entered: z.optional(
      described(IsoDate, 'When the learner matriculated: their catalog date unless catalogYear says otherwise'),
    ),
    catalogYear: z.optional(described(IsoDate, 'The date whose program versions the learner follows')),
    declared: z.optional(
      described(
        z.array(z.string().check(z.minLength(1))),
        'Program ids the learner is enrolled in: what `credstack audit` audits by default',
      ),
    ),
    tags: z.optional(
      described(
        z.array(z.string().check(z.minLength(1))),
        'Attributes of the learner (honors, veteran, ...), the learnerTags fact',
      ),
    ),
  }),
  { id: 'Learner', description: 'Who the transcript is of, and the facts about them that `when` conditions test' },
);
export type Learner = z.infer<typeof Learner>;

/** A learner's transcript (SPEC section 7). */
export const Transcript = withMeta(
  z
    .strictObject({
      $schema: z.optional(described(z.string(), 'The JSON Schema of the file (ignored)')),
      learner: describedRef(Learner, 'Who the transcript is of'),
      asOf: z.optional(described(IsoDate, 'The date the audit is as of (an option of the audit overrides it)')),
      awards: described(z.array(Award), 'What the learner has earned, is taking or plans'),
      exceptions: z._default(
        described(z.array(Exception), 'Registrar exceptions: waivers, substitutions, applications'),
        [],
      ),
    })
    .check(
      z.superRefine((t, ctx) => {
        const seen = new Set<string>();
        // Award checks live here, in one pass: refinements on the award schema measured twice as slow.
        t.awards.forEach((award, index) => {
          if (seen.has(award.id))
            ctx.addIssue({
              code: 'custom',
              path: ['awards', index, 'id'],
              message: `a unique award id (${describeValue(award.id)} is used twice)`,
            });
          seen.add(award.id);
          if (award.credential === undefined && award.title === undefined && award.code === undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['awards', index],
              message: 'a catalog "credential" or an inline description with a "code" or "title"',
            });
          if (award.earned !== undefined && award.expires !== undefined && award.expires < award.earned)
            ctx.addIssue({
              code: 'custom',
              path: ['awards', index, 'expires'],
              message: 'an expiry on or after the earned date',
            });
        });
        t.exceptions.forEach((exception, index) => {
          if ('award' in exception && !seen.has(exception.award))
            ctx.addIssue({
              code: 'custom',
              path: ['exceptions', index, 'award'],
              message: `the id of an award on this transcript (${describeValue(exception.award)} is not one)`,
            });
        });
      }),
    ),
  {
    id: 'Transcript',
    title: 'credstack transcript',
    description: "A learner's transcript: who, as of when, their awards and exceptions",
  },
);
export type Transcript = z.infer<typeof Transcript>;
export type TranscriptInput = z.input<typeof Transcript>;

/**
 * Issues of an audit of a transcript with awards appended (from index `first` on), those of the
 * appended awards named in the list they came from: `$.awards[7]` becomes `$.whatIf[1]` for
 * `first` 6 and `list` "whatIf". Other issues are the transcript's and stay as they are.
 */
export function appendedAwardIssues(issues: readonly Issue[], first: number, list: string): Issue[] {
  return issues.map((issue) => {
    const [field, index, ...rest] = issue.path;
    return field === 'awards' && typeof index === 'number' && index >= first
      ? { ...issue, path: [list, index - first, ...rest] }
      : issue;
  });
}
