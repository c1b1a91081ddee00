import { z } from 'zod';
import { Credits } from './credits.js';
import { Duration } from './dates.js';

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

/** Fields a credential and an inline (ad-hoc) award share. */
export const credentialFields = {
  title: z.string().optional(),
  code: z.string().optional(),
  subject: z.string().optional(),
  number: z.number().int().nonnegative().optional(),
  level: z.string().optional(),
  issuer: z.string().optional(),
  credits: Credits.optional(),
  tags: z.array(z.string()).optional(),
};

/** A catalog credential: a course, micro-credential, badge, certification and so on. */
export const Credential = z
  .object({
    id: z.string().min(1),
    kind: CredentialKind,
    ...credentialFields,
    title: z.string().min(1),
    prerequisites: z.array(z.string().min(1)).optional(),
    offered: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'The terms (of settings.terms) it is offered in; every term when absent' }),
    validFor: Duration.optional(),
    repeatable: z.object({ maxCredits: z.number().positive() }).strict().optional(),
    alignments: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Open Badges achievement ids or alignment target URLs that denote this credential' }),
  })
  .strict()
  .meta({ id: 'Credential' });

export type Credential = z.infer<typeof Credential>;
