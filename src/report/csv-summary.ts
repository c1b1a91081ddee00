import { openRequirements } from '../audit/remaining.js';
import type { BatchRecord } from '../batch/batch-record.js';

/** The CSV summary's header row. */
export const CSV_HEADER = 'line,learner,program,status,credits_applied,credits_required,requirements_remaining,error';

const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV rows of one record: a row per program audited, or one error row. */
export function csvRows(record: BatchRecord): string[] {
  if (!record.ok) return [[record.line, record.learner, '', 'error', '', '', '', record.error].map(cell).join(',')];
  return record.report.audits.map((a) =>
    [record.line, record.report.learner.id, a.program, a.status, a.credits.applied, a.credits.required, openRequirements(a.requirements), ''].map(cell).join(','),
  );
}
