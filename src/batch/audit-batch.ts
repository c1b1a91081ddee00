import type { AuditOptions } from '../audit/audit.js';
import type { Catalog } from '../model/catalog.js';
import { auditBatchInput, type BatchInput, type BatchRecord } from './batch-record.js';

/**
 * Audits a stream of transcripts one by one, yielding one record per input in input order:
 * registrar software can pipe results into its own store without holding the batch in memory.
 * (`auditBatchInParallel` in `credstack/node` does the same on worker threads.)
 */
export async function* auditBatch(
  catalog: Catalog,
  inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>,
  options: AuditOptions,
): AsyncGenerator<BatchRecord> {
  for await (const input of inputs) yield auditBatchInput(catalog, input, options);
}
