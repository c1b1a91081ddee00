import { CatalogPart, type Catalog, type Settings } from '../model/catalog.js';
import { fail, ok, type Issue, type Result } from '../model/issue.js';
import { parseWith } from '../model/parse.js';
import { checkCatalog, type Origins } from './check-catalog.js';

/** One parsed JSON document of a catalog, and the file it came from (for error messages). */
export interface CatalogSource {
  readonly file: string;
  readonly json: unknown;
}

type Section = 'credentials' | 'programs' | 'rules';
const SECTIONS: readonly Section[] = ['credentials', 'programs', 'rules'];

/**
 * Builds a catalog from one or more documents (a single catalog object, or the files of a
 * catalog folder, merged), then checks it as a whole: references, duplicates, conditions,
 * cycles, programs that can never be completed. Every problem is reported, not just the first.
 *
 * @example
 * ```ts
 * import { issueText, loadCatalog } from 'credstack';
 *
 * const catalog = loadCatalog([
 *   {
 *     file: 'catalog.json',
 *     json: {
 *       institution: { id: 'riverbend', name: 'Riverbend University' },
 *       credentials: [{ id: 'CSCI-110', kind: 'course', title: 'Intro to Programming', credits: { value: 3, unit: 'semester' } }],
 *     },
 *   },
 * ]);
 * if (!catalog.ok) console.error(catalog.issues.map(issueText).join('\n'));
 * ```
 */
export function loadCatalog(sources: readonly CatalogSource[]): Result<Catalog> {
  const issues: Issue[] = [];
  const merged: {
    institution?: Catalog['institution'];
    settings?: Settings;
    credentials: Catalog['credentials'];
    programs: Catalog['programs'];
    rules: Catalog['rules'];
  } = {
    credentials: [],
    programs: [],
    rules: [],
  };
  const origins: Origins = { credentials: [], programs: [], rules: [], settings: undefined };
  let institutionFile: string | undefined;
  for (const source of sources) {
    const parsed = parseWith(CatalogPart, source.json, source.file);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const part = parsed.value;
    if (part.institution) {
      if (merged.institution)
        issues.push({
          code: 'duplicate-id',
          file: source.file,
          path: ['institution'],
          expected: `one "institution" in the whole catalog (already in ${institutionFile})`,
        });
      merged.institution = part.institution;
      institutionFile = source.file;
    }
    if (part.settings) {
      if (merged.settings)
        issues.push({
          code: 'duplicate-id',
          file: source.file,
          path: ['settings'],
          expected: `one "settings" in the whole catalog (already in ${origins.settings})`,
        });
      merged.settings = part.settings;
      origins.settings = source.file;
    }
    for (const section of SECTIONS) {
      (part[section] ?? []).forEach((entry, index) => {
        (merged[section] as unknown[]).push(entry);
        origins[section].push({ file: source.file, path: [section, index] });
      });
    }
  }
  if (issues.length > 0) return fail(issues);
  if (!merged.institution)
    return fail([
      {
        code: 'invalid-shape',
        file: sources[0]?.file ?? '(no catalog files)',
        path: ['institution'],
        expected: 'an "institution" { id, name } in one catalog file',
      },
    ]);
  const catalog: Catalog = {
    institution: merged.institution,
    settings: merged.settings ?? { unit: 'semester', conversions: {}, gradeScale: {}, passingGrades: [] },
    credentials: merged.credentials,
    programs: merged.programs,
    rules: merged.rules,
  };
  const problems = checkCatalog(catalog, origins);
  return problems.length > 0 ? fail(problems) : ok(catalog);
}
