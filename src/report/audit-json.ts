import type { AuditReport, Explanation, ProgramAudit, Reason, UnusedAward } from '../audit/audit-result.js';
import { explanationText, reasonText } from './reason-text.js';

/** A reason or explanation as JSON output shows it: its data and its wording. */
export type Worded<T> = T & { readonly message: string };

/** One program's audit as JSON output (SPEC section 8). */
export interface ProgramAuditJson extends Omit<ProgramAudit, 'unused' | 'explanations'> {
  readonly unused: readonly (Omit<UnusedAward, 'reasons'> & { readonly reasons: readonly Worded<Reason>[] })[];
  readonly explanations: readonly Worded<Explanation>[];
}

/** An audit report as JSON output. */
export interface AuditReportJson extends Omit<AuditReport, 'audits'> {
  readonly audits: readonly ProgramAuditJson[];
}

/**
 * An audit report as JSON output (SPEC section 8): every reason and explanation with its `message`.
 *
 * @example
 * ```ts
 * import { type AuditReport, auditReportJson } from 'credstack';
 *
 * declare const report: AuditReport; // from audit(...)
 * const json = JSON.stringify(auditReportJson(report), null, 2); // valid against credstack/schemas/audit-result.schema.json
 * ```
 */
export function auditReportJson(report: AuditReport): AuditReportJson {
  return { ...report, audits: report.audits.map(programAuditJson) };
}

/**
 * One program's audit with worded reasons and explanations.
 *
 * @example
 * ```ts
 * import { type AuditReport, programAuditJson } from 'credstack';
 *
 * declare const report: AuditReport; // from audit(...)
 * const first = report.audits[0];
 * if (first) console.log(programAuditJson(first).status);
 * ```
 */
export function programAuditJson(audit: ProgramAudit): ProgramAuditJson {
  return {
    ...audit,
    unused: audit.unused.map((u) => ({ ...u, reasons: u.reasons.map((r) => ({ ...r, message: reasonText(r) })) })),
    explanations: audit.explanations.map((e) => ({ ...e, message: explanationText(e) })),
  };
}
