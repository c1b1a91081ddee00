import { openRequirements } from '../audit/remaining.js';
import type { BatchRecord } from '../batch/batch-record.js';

/** The CSV summary's header row. */
export const CSV_HEADER = 'line,learner,program,status,credits_applied,credits_required,requirements_remaining,error';

/**
 * One CSV cell (RFC 4180 quoting). A text starting with `=`, `+`, `-`, `@`, tab or carriage return
 * would be read as a formula by a spreadsheet: it gets a leading `'` and quotes (OWASP, CSV
 * injection). Numbers are written as they are.
 */
const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text !== value || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV rows of one record: a row per program audited, or one error row.
 *
 * @example
 * ```ts
 * import { auditBatch, type BatchInput, type Catalog, CSV_HEADER, csvRows } from 'credstack';
 *
 * declare const catalog: Catalog;
 * declare const inputs: BatchInput[];
 * console.log(CSV_HEADER);
 * for await (const record of auditBatch(catalog, inputs, { all: true })) console.log(csvRows(record).join('\n'));
 * ```
 */
export function csvRows(record: BatchRecord): string[] {
  if (!record.ok) return [[record.line, record.learner, '', 'error', '', '', '', record.error].map(cell).join(',')];
  return record.report.audits.map((a) =>
    [
      record.line,
      record.report.learner.id,
      a.program,
      a.status,
      a.credits.applied,
      a.credits.required,
      openRequirements(a.requirements),
      '',
    ]
      .map(cell)
      .join(','),
  );
}
