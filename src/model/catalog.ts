import { z } from 'zod';
import { Credential } from './credential.js';
import { Factor } from './credits.js';
import { Program } from './program.js';
import { CreditRule } from './rule.js';

/** Institution-wide settings (SPEC section 3). */
export const Settings = z
  .object({
    unit: z.string().min(1).default('semester'),
    conversions: z.record(z.string(), Factor).default({}),
    gradeScale: z.record(z.string(), z.number().nullable()).default({}),
    passingGrades: z.array(z.string()).default([]),
    issuerUnits: z
      .record(z.string(), z.string().min(1))
      .optional()
      .meta({ description: 'Unit of credits stated by each badge issuer (default: the catalog unit)' }),
    issuerAliases: z
      .record(z.string(), z.string().min(1))
      .optional()
      .meta({ description: 'Catalog issuer id of each Open Badges issuer id (URL or DID)' }),
    terms: z
      .array(z.string().regex(/^[a-z][a-z0-9-]*$/))
      .min(1)
      .optional()
      .meta({ description: 'The terms of a year in order (["spring", "summer", "fall"]): what plans schedule in' }),
    maxCreditsPerTerm: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Credits a learner may take in one term, by default (a plan with terms)' }),
  })
  .strict()
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof Settings>;

export const Institution = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

/** A whole catalog, as one JSON object (SPEC section 3). */
export const Catalog = z
  .object({
    $schema: z.string().optional(),
    institution: Institution,
    settings: Settings.default(() => Settings.parse({})),
    credentials: z.array(Credential).default([]),
    programs: z.array(Program).default([]),
    rules: z.array(CreditRule).default([]),
  })
  .strict()
  .meta({ id: 'Catalog', title: 'credstack catalog' });
export type Catalog = z.infer<typeof Catalog>;

/** One file of a catalog folder: any part of a catalog; the folder's files are merged. */
export const CatalogPart = z
  .object({
    $schema: z.string().optional(),
    institution: Institution.optional(),
    settings: Settings.optional(),
    credentials: z.array(Credential).optional(),
    programs: z.array(Program).optional(),
    rules: z.array(CreditRule).optional(),
  })
  .strict()
  .meta({ id: 'CatalogPart', title: 'credstack catalog file' });
export type CatalogPart = z.infer<typeof CatalogPart>;
