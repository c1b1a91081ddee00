import { resolve } from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { Issue, Result } from '../model/issue.js';
import { readCatalog } from '../io/read-catalog.js';
import { readLimitsFrom } from '../io/read-limits.js';
import { issueText } from '../report/issue-text.js';
import type { CliIo } from './io.js';
import { shippedCatalogPath } from './shipped-catalog.js';

/** Input that cannot be used: the command prints the issues and exits 1. */
export class InvalidInput extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(`${issues.length} problem(s) in the input`);
  }
}

/** Ends a command with an exit code, its message already printed. */
export class ExitWith extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * The value of a result, or {@link InvalidInput} carrying its issues: named after `file` when they
 * name none, or each placed by `blame` (see `blameOn`).
 */
export function valueOrThrow<T>(result: Result<T>, blame?: string | ((issue: Issue) => Issue)): T {
  if (result.ok) return result.value;
  if (blame === undefined) throw new InvalidInput(result.issues);
  const place = typeof blame === 'string' ? (issue: Issue) => (issue.file ? issue : { ...issue, file: blame }) : blame;
  throw new InvalidInput(result.issues.map(place));
}

/** Reads the catalog at `path` (relative to the working folder), or the shipped one. */
export function catalogAt(io: CliIo, path: string | undefined): Catalog {
  return valueOrThrow(
    readCatalog(
      path === undefined ? shippedCatalogPath() : resolve(io.cwd, path),
      valueOrThrow(readLimitsFrom(io.env)),
    ),
  );
}

/** Prints issues one a line on stderr, at most `limit` of them. */
export function printIssues(io: CliIo, issues: readonly Issue[], limit = 50): void {
  for (const issue of issues.slice(0, limit)) io.stderr.write(`error: ${issueText(issue)}\n`);
  if (issues.length > limit) io.stderr.write(`error: ... and ${issues.length - limit} more\n`);
}
