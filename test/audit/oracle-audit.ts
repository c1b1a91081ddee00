/**
 * Runs credstack's public `audit` on an oracle case (`oracle-arbitraries.ts`), for the
 * properties that need only the audit: monotonicity and order independence.
 */
import { audit, loadCatalog } from '../../src/index.js';
import type { TranscriptJson } from './independent-oracle.js';
import type { OracleCase } from './oracle-arbitraries.js';

/** The parts of a program audit these properties read. */
export interface AuditSummary {
  readonly status: string;
  readonly requirements: ReportedRequirement;
  readonly policies: readonly { readonly id: string; readonly status?: string }[];
}
interface ReportedRequirement {
  readonly status: string;
  readonly children?: readonly ReportedRequirement[];
}

/** The whole audit report of program P (nested programs are audited inside it) for a transcript. */
export function auditReport(c: OracleCase, transcript: TranscriptJson = c.transcript): unknown {
  const catalog = loadCatalog([{ file: 'oracle-case.json', json: c.catalog }]);
  if (!catalog.ok) throw new Error(`the generator made a catalog credstack rejects: ${JSON.stringify(catalog.issues)}`);
  const result = audit(catalog.value, transcript as never, { programs: ['P'], ...c.options });
  if (!result.ok) throw new Error(`audit refused the case: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** P's audit for a transcript. */
export function auditOfP(c: OracleCase, transcript: TranscriptJson = c.transcript): AuditSummary {
  return (auditReport(c, transcript) as { audits: AuditSummary[] }).audits[0]!;
}
