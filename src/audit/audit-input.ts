import * as z from 'zod/mini';
import type { Catalog } from '../model/catalog.js';
import { IsoDate } from '../model/dates.js';
import { describeValue, fail, ok, type Issue, type Result } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import { parseWith } from '../model/parse.js';
import { Transcript, type TranscriptInput } from '../model/transcript.js';
import { prepareCatalog, type PreparedCatalog } from './prepare-catalog.js';

/** A parsed transcript, the options checked, the date it is audited as of, and the catalog compiled for that date. */
export interface AuditInput<O> {
  readonly transcript: Transcript;
  readonly options: O;
  readonly asOf: string;
  /** The date whose program versions apply: the catalogDate option, else the learner's catalog year, else when they entered, else asOf. */
  readonly catalogDate: string;
  readonly prepared: PreparedCatalog;
}

/** The dates every audit-like function takes: real calendar dates (`2026-02-30` is an issue, not a RangeError later). */
export const dateOptions = {
  asOf: z.optional(IsoDate),
  defaultAsOf: z.optional(IsoDate),
  catalogDate: z.optional(IsoDate),
};

/** What `audit` takes (see `AuditOptions`). */
export const AuditOptionsSchema = z.strictObject({
  programs: z.optional(z.array(z.string().check(z.minLength(1)))),
  all: z.optional(z.boolean()),
  ...dateOptions,
  includePlanned: z.optional(z.boolean()),
  budget: z.optional(z.number().check(z.int(), z.gt(0))),
});

/**
 * Checks a library function's options (issues at the option's name, no file), parses the
 * transcript and checks it against the catalog, and settles the audit date: the option, else the
 * transcript's, else the default. The one parse `audit` and `plan` share.
 */
export function auditInput<
  S extends z.ZodMiniType<{
    readonly asOf?: string | undefined;
    readonly defaultAsOf?: string | undefined;
    readonly catalogDate?: string | undefined;
  }>,
>(catalog: Catalog, input: TranscriptInput | Transcript, options: unknown, schema: S): Result<AuditInput<z.output<S>>> {
  const checked = parseWith(schema, options ?? {});
  const parsed = parseWith(Transcript, input);
  const issues = [...(checked.ok ? [] : checked.issues.map(ofOption)), ...(parsed.ok ? [] : parsed.issues)];
  if (!checked.ok || !parsed.ok) return fail(issues);
  const grades = unknownGrades(catalog, parsed.value);
  if (grades.length > 0) return fail(grades);
  const asOf = checked.value.asOf ?? parsed.value.asOf ?? checked.value.defaultAsOf;
  if (asOf === undefined)
    return fail([
      { code: 'invalid-shape', path: ['asOf'], expected: 'an audit date: the transcript\'s "asOf" or the asOf option' },
    ]);
  const { learner } = parsed.value;
  const catalogDate = checked.value.catalogDate ?? learner.catalogYear ?? learner.entered ?? asOf;
  return ok({
    transcript: parsed.value,
    options: checked.value,
    asOf,
    catalogDate,
    prepared: prepareCatalog(catalog, asOf, catalogDate),
  });
}

/** An issue of the options: its path starts at the option's name (as `programs` always has), and it says it is about an option. */
function ofOption(issue: Issue): Issue {
  return { ...issue, expected: `${issue.expected} in the options` };
}

/** Grades of the transcript that the catalog's grade scale does not know: errors, since such an award could never be weighed. */
function unknownGrades(catalog: Catalog, transcript: Transcript): Issue[] {
  const scale = catalog.settings.gradeScale;
  const issues: Issue[] = [];
  transcript.awards.forEach((award, index) => {
    if (award.grade === undefined || ownValue(scale, award.grade) !== undefined) return;
    const known = Object.keys(scale);
    const expected =
      known.length > 0
        ? `a grade of the catalog's grade scale (${known.join(', ')})`
        : 'no grade: the catalog has no grade scale';
    issues.push({
      code: 'unknown-reference',
      path: ['awards', index, 'grade'],
      expected,
      received: describeValue(award.grade),
    });
  });
  return issues;
}

/** The issue of a program id the catalog has no program for, named at `path` of the input. */
export function unknownProgram(id: unknown, path: readonly (string | number)[]): Issue {
  return {
    code: 'unknown-reference',
    path: [...path],
    expected: 'the id of a catalog program',
    received: describeValue(id),
  };
}
