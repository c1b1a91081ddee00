import * as z from 'zod/mini';
import { Credits } from './credits.js';
import { Duration } from './dates.js';
import { described, withMeta } from './schema-meta.js';

/** Every kind of thing that can be earned (SPEC section 1). */
export const CREDENTIAL_KINDS = [
  'course',
  'micro-credential',
  'badge',
  'certification',
  'certificate',
  'diploma',
  'degree',
  'prior-learning',
] as const;
export const CredentialKind = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof CredentialKind>;

const text = (description: string) => z.optional(described(z.string(), description));

/** Fields a credential and an inline (ad-hoc) award share. */
export const credentialFields = {
  title: text('Its title, e.g. Foundations of Data Analysis (the title fact)'),
  code: text('Its catalog code, e.g. DATA 101 (the code fact; what "matches" globs test)'),
  subject: text('Its subject, e.g. DATA (the subject fact)'),
  number: z.optional(described(z.number().check(z.int(), z.gte(0)), 'Its course number, e.g. 101 (the number fact)')),
  level: text('Its level, e.g. undergraduate (the level fact)'),
  issuer: text('Who issues it: an issuer id of the catalog, e.g. riverbend (the issuer fact)'),
  credits: z.optional(described(Credits, 'What it is worth in credits (the credits and unit facts)')),
  tags: z.optional(described(z.array(z.string()), 'Attributes that conditions test (the tags fact)')),
};

const ids = (description: string) => z.optional(described(z.array(z.string().check(z.minLength(1))), description));

/** A catalog credential: a course, micro-credential, badge, certification and so on. */
export const Credential = withMeta(
  z.strictObject({
    id: described(z.string().check(z.minLength(1)), 'Its id, unique in the catalog (the id fact); awards name it'),
    kind: described(CredentialKind, 'What kind of credential it is (the kind fact)'),
    ...credentialFields,
    title: described(z.string().check(z.minLength(1)), 'Its title, e.g. Foundations of Data Analysis (the title fact)'),
    prerequisites: ids('Ids of the credentials to earn before it (plans order by them)'),
    offered: ids('The terms (of settings.terms) it is offered in; every term when absent'),
    validFor: z.optional(described(Duration, 'How long an award of it stays valid after it is earned')),
    repeatable: z.optional(
      described(
        z.strictObject({
          maxCredits: described(z.number().check(z.gt(0)), 'The most credits its repeats count for together'),
        }),
        'Repeats count, up to maxCredits in all (without it a repeated credential counts once)',
      ),
    ),
    alignments: ids('Open Badges achievement ids or alignment target URLs that denote this credential'),
  }),
  { id: 'Credential', description: 'A catalog credential: a course, micro-credential, badge, certification, ...' },
);

export type Credential = z.infer<typeof Credential>;
