import * as z from 'zod/mini';
import { Credential } from './credential.js';
import { Factor } from './credits.js';
import { Program } from './program.js';
import { CreditRule } from './rule.js';
import { described, describedRef, withMeta } from './schema-meta.js';

const name = (description: string) => described(z.string().check(z.minLength(1)), description);

/**
 * How a numeric result maps onto the grade scale: bands, each the grade of values from `atLeast`
 * up to the next band (a value below every band has no grade on the scale).
 */
export const ResultScale = z
  .array(
    z.strictObject({
      atLeast: described(z.number(), 'The least value of the band'),
      grade: name('The grade of values in the band (a key of gradeScale)'),
    }),
  )
  .check(
    z.minLength(1),
    z.refine((bands) => new Set(bands.map((b) => b.atLeast)).size === bands.length, {
      message: 'bands with different atLeast values',
    }),
  );
export type ResultScale = z.infer<typeof ResultScale>;

/** Institution-wide settings (SPEC section 3). */
export const Settings = withMeta(
  z
    .strictObject({
      unit: z._default(name('The catalog unit: what programs count credits in'), 'semester'),
      conversions: z._default(
        described(
          z.record(z.string(), Factor),
          'How many catalog units one unit of another is worth, a number or an exact fraction ({ "quarter": "2/3" })',
        ),
        {},
      ),
      gradeScale: z._default(
        described(
          z.record(z.string(), z.nullable(z.number())),
          'Grade points of each grade; null for a grade outside the GPA (P, NP)',
        ),
        {},
      ),
      passingGrades: z._default(described(z.array(z.string()), 'Grades without points that pass (P)'), []),
      issuerUnits: z.optional(
        described(
          z.record(z.string(), z.string().check(z.minLength(1))),
          'Unit of credits stated by each badge issuer (default: the catalog unit)',
        ),
      ),
      issuerAliases: z.optional(
        described(
          z.record(z.string(), z.string().check(z.minLength(1))),
          'Catalog issuer id of each Open Badges issuer id (URL or DID)',
        ),
      ),
      defaultExternalUnit: z.optional(
        name(
          'Unit of external credits whose unit nothing else states (default: none; such credits keep the catalog unit with a warning)',
        ),
      ),
      resultScales: z.optional(
        described(
          z.record(z.string(), ResultScale),
          'Grade of each numeric result value, by Open Badges result type (ext:ECTSGradeScore, Percent, ...)',
        ),
      ),
      terms: z.optional(
        described(
          z.array(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/))).check(z.minLength(1)),
          'The terms of a year in order (["spring", "summer", "fall"]): what plans schedule in',
        ),
      ),
      maxCreditsPerTerm: z.optional(
        described(z.number().check(z.gt(0)), 'Credits a learner may take in one term, by default (a plan with terms)'),
      ),
    })
    .check(
      z.superRefine((settings, ctx) => {
        for (const [type, bands] of Object.entries(settings.resultScales ?? {}))
          bands.forEach((band, i) => {
            if (!Object.hasOwn(settings.gradeScale, band.grade))
              ctx.addIssue({
                code: 'custom',
                path: ['resultScales', type, i, 'grade'],
                message: `a grade of the grade scale (${JSON.stringify(band.grade)} is not one)`,
              });
          });
      }),
    ),
  { id: 'Settings', description: 'Institution-wide settings: the unit, conversions, the grade scale' },
);
export type Settings = z.infer<typeof Settings>;

export const Institution = z.strictObject({
  id: name("The institution's id"),
  name: name("The institution's name"),
});

const schemaField = () => z.optional(described(z.string(), 'The JSON Schema of the file (ignored)'));
const institution = 'The institution whose catalog it is';
const settings = 'Institution-wide settings';
const credentials = 'The credentials that can be earned: courses, badges, certifications, ...';
const programs = 'The programs: certificates, diplomas, degrees and their requirements';
const rules = 'Credit rules: what external and prior learning is worth';

/** A whole catalog, as one JSON object (SPEC section 3). */
export const Catalog = withMeta(
  z.strictObject({
    $schema: schemaField(),
    institution: described(Institution, institution),
    settings: z._default(describedRef(Settings, settings), () => Settings.parse({})),
    credentials: z._default(described(z.array(Credential), credentials), []),
    programs: z._default(described(z.array(Program), programs), []),
    rules: z._default(described(z.array(CreditRule), rules), []),
  }),
  { id: 'Catalog', title: 'credstack catalog', description: 'A whole catalog, as one JSON object' },
);
export type Catalog = z.infer<typeof Catalog>;

/** One file of a catalog folder: any part of a catalog; the folder's files are merged. */
export const CatalogPart = withMeta(
  z.strictObject({
    $schema: schemaField(),
    institution: z.optional(described(Institution, `${institution} (in one file of the folder)`)),
    settings: z.optional(describedRef(Settings, `${settings} (in one file of the folder)`)),
    credentials: z.optional(described(z.array(Credential), credentials)),
    programs: z.optional(described(z.array(Program), programs)),
    rules: z.optional(described(z.array(CreditRule), rules)),
  }),
  {
    id: 'CatalogPart',
    title: 'credstack catalog file',
    description: "One file of a catalog folder: any part of a catalog; the folder's files are merged",
  },
);
export type CatalogPart = z.infer<typeof CatalogPart>;
