import { z } from 'zod';
import { credentialFields, CredentialKind } from './credential.js';
import { IsoDate } from './dates.js';
import { describeValue } from './issue.js';

export const AWARD_STATUSES = ['completed', 'in-progress', 'planned'] as const;
export const SOURCES = ['institution', 'transfer', 'external', 'prior-learning'] as const;
export type Source = (typeof SOURCES)[number];

/** One transcript record: a credential earned, in progress or planned (SPEC section 7). */
export const Award = z
  .object({
    id: z.string().min(1),
    credential: z.string().min(1).optional(),
    kind: CredentialKind.optional(),
    ...credentialFields,
    earned: IsoDate.optional(),
    expires: IsoDate.optional(),
    grade: z.string().optional(),
    term: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "The institution's term code, e.g. 2025-FA (the term fact)" }),
    status: z.enum(AWARD_STATUSES).default('completed'),
    source: z.enum(SOURCES).default('institution'),
  })
  .strict()
  .meta({ id: 'Award' });
export type Award = z.infer<typeof Award>;
/** An award as written in a file, before defaults. */
export type AwardInput = z.input<typeof Award>;

const exceptionFields = {
  program: z.string().min(1),
  requirement: z.string().min(1),
  reason: z.string().min(1),
  by: z.string().optional(),
};

/** Registrar exceptions as data: waive (whole or some credits), substitute, force-apply. */
export const Exception = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('waive'), ...exceptionFields, credits: z.number().positive().optional() }).strict(),
    z.object({ type: z.literal('substitute'), ...exceptionFields, award: z.string().min(1) }).strict(),
    z.object({ type: z.literal('apply'), ...exceptionFields, award: z.string().min(1) }).strict(),
  ])
  .meta({ id: 'Exception' });
export type Exception = z.infer<typeof Exception>;

/** Who the transcript is of, and the facts about them that requirements' `when` may test (SPEC section 7). */
export const Learner = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    entered: IsoDate.optional().meta({
      description: 'When the learner matriculated: their catalog date unless catalogYear says otherwise',
    }),
    catalogYear: IsoDate.optional().meta({ description: 'The date whose program versions the learner follows' }),
    declared: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Program ids the learner is enrolled in: what `credstack audit` audits by default' }),
    tags: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Attributes of the learner (honors, veteran, ...), the learnerTags fact' }),
  })
  .strict()
  .meta({ id: 'Learner' });
export type Learner = z.infer<typeof Learner>;

/** A learner's transcript (SPEC section 7). */
export const Transcript = z
  .object({
    $schema: z.string().optional(),
    learner: Learner,
    asOf: IsoDate.optional(),
    awards: z.array(Award),
    exceptions: z.array(Exception).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
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
  })
  .meta({ id: 'Transcript', title: 'credstack transcript' });
export type Transcript = z.infer<typeof Transcript>;
export type TranscriptInput = z.input<typeof Transcript>;
