/** A worker thread of a parallel batch: audits the chunks it is sent and posts them back encoded. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import type { Catalog } from '../model/catalog.js';
import { auditBatchInput, type BatchInput } from './batch-record.js';
import { encodeRecord } from './encoded-record.js';

const { catalog, options, csv } = workerData as { catalog: Catalog; options: AuditOptions; csv: boolean };
parentPort!.on('message', ({ seq, inputs }: { seq: number; inputs: BatchInput[] }) => {
  const records = inputs.map((input) => encodeRecord(auditBatchInput(catalog, input, options), csv));
  // The encoded lines move to the writing thread without a copy.
  parentPort!.postMessage(
    { seq, records },
    records.map((r) => r.ndjson.buffer as ArrayBuffer),
  );
});
