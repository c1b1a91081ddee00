import type { AuditStatus } from '../audit/audit-result.js';
import { csvRows } from '../report/csv-summary.js';
import { recordLine, type BatchRecord } from './batch-record.js';

/** A batch record encoded for output where it was made (a worker), so the writer only writes. */
export interface EncodedRecord {
  readonly line: number;
  readonly ok: boolean;
  /** The NDJSON line (without the newline). */
  readonly ndjson: string;
  readonly csv: readonly string[];
  /** The status of each program audited (none for an error record). */
  readonly statuses: readonly AuditStatus[];
}

/** Encodes a record for output. */
export function encodeRecord(record: BatchRecord): EncodedRecord {
  return { line: record.line, ok: record.ok, ndjson: recordLine(record), csv: csvRows(record), statuses: record.ok ? record.report.audits.map((a) => a.status) : [] };
}
