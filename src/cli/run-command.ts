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

/** The value of a result, or {@link InvalidInput} carrying its issues (named after `file` when they name none). */
export function valueOrThrow<T>(result: Result<T>, file?: string): T {
  if (!result.ok)
    throw new InvalidInput(
      file === undefined ? result.issues : result.issues.map((issue) => (issue.file ? issue : { ...issue, file })),
    );
  return result.value;
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
