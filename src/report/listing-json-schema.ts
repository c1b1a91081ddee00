import * as z from 'zod';
import { EXPLANATION_CODES, REASON_CODES } from '../explain/reasons.js';
import { CREDENTIAL_KINDS } from '../model/credential.js';
import { PROGRAM_KINDS } from '../model/program.js';
import { AppliedItem, Status, Worded } from './audit-json-schema.js';

/**
 * The JSON Schemas of `credstack list --format json` and `credstack explain --format json`, from
 * zod schemas that mirror `CatalogListing` and `AwardExplanationJson` (strict objects, so a field
 * the output gains without the schema fails the test that validates the CLI's output).
 */
const ProgramListing = z
  .object({
    id: z.string().describe('The program id'),
    title: z.string().describe('Its title (of the latest version)'),
    kind: z.enum(PROGRAM_KINDS).describe('What kind of credential completing it earns (of the latest version)'),
    versions: z
      .array(
        z
          .object({
            from: z.string().optional().describe('First day in force (YYYY-MM-DD)'),
            to: z.string().optional().describe('Last day in force (YYYY-MM-DD)'),
          })
          .strict()
          .describe('One version: its catalog years ({} for a version always in force)'),
      )
      .describe('Its versions, in order of start'),
  })
  .strict()
  .describe('One program, all its versions together');

const CredentialListing = z
  .object({
    id: z.string().describe('The credential id'),
    title: z.string().describe('Its title'),
    kind: z.enum(CREDENTIAL_KINDS).describe('What kind of credential it is'),
    code: z.string().optional().describe('Its catalog code, e.g. DATA 101'),
    credits: z
      .object({
        value: z.number().describe('How many credits'),
        unit: z.string().describe("Their unit (the catalog's when the credential names none)"),
      })
      .strict()
      .optional()
      .describe('What it is worth'),
  })
  .strict()
  .describe('One credential of the catalog');

/** Zod schema of `credstack list --format json` (both parts, or the one asked for). */
export const CatalogListingJsonSchema = z
  .object({
    programs: z.array(ProgramListing).optional().describe('The programs, in id order'),
    credentials: z.array(CredentialListing).optional().describe('The credentials, in id order'),
  })
  .strict()
  .meta({ id: 'CatalogListing', description: 'credstack list --format json: what a catalog holds' });

const AwardPlace = z
  .object({
    requirement: z.string().describe('The requirement it is applied to'),
    label: z.string().optional().describe("The requirement's label"),
    item: AppliedItem.describe('The item applied there: the award, or the nested program it is part of'),
    via: z
      .object({
        program: z.string().describe('The nested program id'),
        title: z.string().describe('Its title'),
      })
      .strict()
      .optional()
      .describe('The nested program whose completion counts here, the award being one of its parts'),
  })
  .strict()
  .describe('One place the award counts');

/** Zod schema of `credstack explain --format json` (`AwardExplanationJson`). */
export const AwardExplanationJsonSchema = z
  .object({
    award: z
      .object({
        id: z.string().describe('The award id on the transcript'),
        credential: z.string().optional().describe('The catalog credential it counts as'),
        title: z.string().optional().describe('Its title'),
      })
      .strict()
      .describe('The award explained'),
    asOf: z.string().describe('The audit date (YYYY-MM-DD)'),
    programs: z
      .array(
        z
          .object({
            program: z.string().describe('The program id'),
            title: z.string().describe('Its title'),
            status: Status.describe("The program's status for this learner"),
            counts: z
              .enum(['applied', 'fall-through', 'unused'])
              .describe('applied: it meets requirements; fall-through: only toward the total; unused: nowhere'),
            places: z.array(AwardPlace).describe('Where it is applied'),
            fallThrough: AppliedItem.optional().describe('The item falling through toward the total'),
            reasons: z.array(Worded(REASON_CODES)).describe('Why it counts nowhere here'),
            explanations: z
              .array(Worded(EXPLANATION_CODES))
              .describe('The audit decisions about the award (rules, caps, exceptions, double counting)'),
          })
          .strict()
          .describe('How the award counts in one program'),
      )
      .describe('One entry per program audited'),
  })
  .strict()
  .meta({ id: 'AwardExplanation', description: 'credstack explain --format json: where one award counts' });
