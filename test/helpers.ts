import { explanationText, reasonText } from '../src/report/reason-text.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { inject } from 'vitest';
import { audit, type AuditOptions } from '../src/audit/audit.js';
import type { ProgramAudit, RequirementResult } from '../src/audit/audit-result.js';
import { runCli } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import type { Catalog } from '../src/model/catalog.js';
import { readCatalog } from '../src/io/read-catalog.js';
import { loadCatalog } from '../src/catalog/load-catalog.js';

export const ROOT = join(import.meta.dirname, '..');
export const fixture = (name: string) => join(ROOT, 'fixtures', name);
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));

let shipped: Catalog | undefined;
/** The shipped catalog in rules/, loaded once. */
export function shippedCatalog(): Catalog {
  if (!shipped) {
    const result = readCatalog(join(ROOT, 'rules'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    shipped = result.value;
  }
  return shipped;
}

/**
 * The CLI built from the current sources for this test run (test/setup/build-cli.ts): start it
 * as a process with `spawn(process.execPath, [builtCli(), ...args])`. Never dist/, which may be stale.
 */
export const builtCli = (): string => inject('builtCli');

/** Runs the CLI in-process and captures what it printed. */
export async function cli(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const io: CliIo = {
    stdout: {
      write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
      isTTY: false,
    },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    cwd: ROOT,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Audits a fixture transcript on the shipped catalog; fails the test on invalid input. */
export function auditFixture(name: string, programs: string[], options: Omit<AuditOptions, 'programs'> = {}) {
  const result = audit(shippedCatalog(), readFixture(name) as never, { programs, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** One program's audit from a report. */
export function programAudit(
  name: string,
  program: string,
  options: Omit<AuditOptions, 'programs'> = {},
): ProgramAudit {
  return auditFixture(name, [program], options).audits[0]!;
}

/** The requirement node with this id. */
export function requirement(audit: ProgramAudit, id: string): RequirementResult {
  const find = (node: RequirementResult): RequirementResult | undefined =>
    node.id === id ? node : node.children?.map(find).find(Boolean);
  const found = find(audit.requirements);
  if (!found) throw new Error(`no requirement ${id} in ${audit.program}`);
  return found;
}

/** Award ids applied to a requirement. */
export const appliedTo = (audit: ProgramAudit, id: string) => requirement(audit, id).applied.map((a) => a.award);

/** Reasons an award does not count. */
export const reasonsFor = (audit: ProgramAudit, award: string) =>
  audit.unused.find((u) => u.award === award)?.reasons.map(reasonText);

/** An audit's explanations as a reader sees them: the data and its wording. */
export const explained = (audit: ProgramAudit) =>
  audit.explanations.map((e) => ({ ...e, message: explanationText(e) }));

/** The parts of a small catalog a test writes: the rest is one institution and the semester unit. */
export interface TestCatalogParts {
  readonly credentials: unknown;
  readonly programs: unknown;
  readonly gradeScale: Readonly<Record<string, number | null>>;
  /** Pass/fail grades that pass (their points are null). */
  readonly passingGrades?: readonly string[];
  readonly file?: string;
}

/** A 3-credit semester course of a test catalog, titled by its id: a test names what else it has. */
export const testCourse = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  kind: 'course',
  title: id,
  credits: { value: 3, unit: 'semester' },
  ...fields,
});

/** Loads a small test catalog: the Result, for tests of catalog errors. */
export function loadTestCatalog({
  credentials,
  programs,
  gradeScale,
  passingGrades,
  file = 'test.json',
}: TestCatalogParts) {
  const settings = { unit: 'semester', gradeScale, ...(passingGrades ? { passingGrades } : {}) };
  return loadCatalog([{ file, json: { institution: { id: 'u', name: 'U' }, settings, credentials, programs } }]);
}

/** A small test catalog that must load. */
export function testCatalog(parts: TestCatalogParts): Catalog {
  const result = loadTestCatalog(parts);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
