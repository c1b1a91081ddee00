import type { AuditStatus } from '../audit/audit-result.js';
import { csvRows } from '../report/csv-summary.js';
import { recordLine, type BatchRecord } from './batch-record.js';

/** A batch record encoded for output where it was made (a worker), so the writer only writes. */
export interface EncodedRecord {
  readonly line: number;
  readonly ok: boolean;
  /** The NDJSON line, UTF-8 encoded, newline included: written as it is, and moved from a worker without a copy. */
  readonly ndjson: Uint8Array;
  /** CSV summary rows (empty when the summary was not asked for). */
  readonly csv: readonly string[];
  /** The status of each program audited (none for an error record). */
  readonly statuses: readonly AuditStatus[];
}

const utf8 = new TextEncoder();

/** Encodes a record for output. */
export function encodeRecord(record: BatchRecord, withCsv = true): EncodedRecord {
  return {
    line: record.line,
    ok: record.ok,
    ndjson: utf8.encode(`${recordLine(record)}\n`),
    csv: withCsv ? csvRows(record) : [],
    statuses: record.ok ? record.report.audits.map((a) => a.status) : [],
  };
}
