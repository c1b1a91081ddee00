import type { AuditOptions } from '../audit/audit.js';
import type { Catalog } from '../model/catalog.js';
import { auditBatchInput, type BatchInput, type BatchRecord } from './batch-record.js';

/**
 * Audits a stream of transcripts one by one, yielding one record per input in input order:
 * registrar software can pipe results into its own store without holding the batch in memory.
 * (`auditBatchInParallel` in `credstack/node` does the same on worker threads.)
 *
 * @example
 * ```ts
 * import { auditBatch, type Catalog } from 'credstack';
 *
 * declare const catalog: Catalog;
 * const inputs = [{ line: 1, source: 'inline', text: JSON.stringify({ learner: { id: 's-1' }, awards: [] }) }];
 * for await (const record of auditBatch(catalog, inputs, { programs: ['cert-data-analytics'] }))
 *   console.log(record.ok ? record.report.audits[0]?.status : record.error);
 * ```
 */
export async function* auditBatch(
  catalog: Catalog,
  inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>,
  options: AuditOptions,
): AsyncGenerator<BatchRecord> {
  for await (const input of inputs) yield auditBatchInput(catalog, input, options);
}
