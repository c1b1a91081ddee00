import { auditReportJson } from '../report/audit-json.js';
import { audit, type AuditOptions } from '../audit/audit.js';
import type { AuditReport } from '../audit/audit-result.js';
import { convertCredentials } from '../interop/convert-credentials.js';
import type { Catalog } from '../model/catalog.js';
import type { Issue } from '../model/issue.js';
import { parseJsonText } from '../model/parse.js';
import { issueText } from '../report/issue-text.js';

/** One transcript of a batch: its text (a line of NDJSON, or a file) and where it came from. */
export interface BatchInput {
  /** 1-based line number (NDJSON) or position (folder) in the input. */
  readonly line: number;
  /** The file it came from, for error messages. */
  readonly source: string;
  readonly text: string;
  /** Why the input could not be read, when it could not (the text is then empty): it becomes an error record. */
  readonly issues?: readonly Issue[];
}

/** The outcome of one transcript: its audit, or one error record. */
export type BatchRecord =
  | { readonly line: number; readonly ok: true; readonly report: AuditReport }
  | {
      readonly line: number;
      readonly ok: false;
      readonly learner?: string;
      readonly error: string;
      readonly issues: readonly Issue[];
    };

/** Audits one transcript of a batch; bad input becomes an error record, never an exception. */
export function auditBatchInput(catalog: Catalog, input: BatchInput, options: AuditOptions): BatchRecord {
  const failed = (issues: readonly Issue[], learner?: string): BatchRecord => ({
    line: input.line,
    ok: false,
    ...(learner ? { learner } : {}),
    error: issues
      .map((issue) => issueText({ ...issue, file: issue.file ?? `${input.source}:${input.line}` }))
      .join('; '),
    issues,
  });
  if (input.issues) return failed(input.issues);
  const json = parseJsonText(input.text);
  if (!json.ok) return failed(json.issues);
  const learner = learnerIdOf(json.value);
  const converted = convertCredentials(catalog, json.value);
  if (!converted.ok) return failed(converted.issues, learner);
  const result = audit(catalog, converted.value.transcript, options);
  return result.ok ? { line: input.line, ok: true, report: result.value } : failed(result.issues, learner);
}

function learnerIdOf(json: unknown): string | undefined {
  const id = (json as { learner?: { id?: unknown } } | null)?.learner?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The NDJSON line of a record: the SPEC section 8 report, or `{ line, learner, error, issues }`. */
export function recordLine(record: BatchRecord): string {
  return JSON.stringify(
    record.ok
      ? auditReportJson(record.report)
      : {
          line: record.line,
          ...(record.learner ? { learner: record.learner } : {}),
          error: record.error,
          issues: record.issues,
        },
  );
}
