import { z } from 'zod';
import { Credential } from './credential.js';
import { Factor } from './credits.js';
import { Program } from './program.js';
import { CreditRule } from './rule.js';

/**
 * How a numeric result maps onto the grade scale: bands, each the grade of values from `atLeast`
 * up to the next band (a value below every band has no grade on the scale).
 */
export const ResultScale = z
  .array(z.object({ atLeast: z.number().finite(), grade: z.string().min(1) }).strict())
  .min(1)
  .refine((bands) => new Set(bands.map((b) => b.atLeast)).size === bands.length, {
    message: 'bands with different atLeast values',
  });
export type ResultScale = z.infer<typeof ResultScale>;

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
    defaultExternalUnit: z.string().min(1).optional().meta({
      description:
        'Unit of external credits whose unit nothing else states (default: none; such credits keep the catalog unit with a warning)',
    }),
    resultScales: z.record(z.string(), ResultScale).optional().meta({
      description: 'Grade of each numeric result value, by Open Badges result type (ext:ECTSGradeScore, Percent, ...)',
    }),
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
  .superRefine((settings, ctx) => {
    for (const [type, bands] of Object.entries(settings.resultScales ?? {}))
      bands.forEach((band, i) => {
        if (!Object.hasOwn(settings.gradeScale, band.grade))
          ctx.addIssue({
            code: 'custom',
            path: ['resultScales', type, i, 'grade'],
            message: `a grade of the grade scale (${JSON.stringify(band.grade)} is not one)`,
          });
      });
  })
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
