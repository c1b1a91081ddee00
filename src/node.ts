/**
 * credstack's file-system edge for Node.js: read catalogs and JSON files.
 * @module credstack/node
 */
export { readCatalog } from './io/read-catalog.js';
export { readJsonFile } from './io/read-json-file.js';
export { auditBatchInParallel, type ParallelOptions } from './batch/parallel-batch.js';
export type { EncodedRecord } from './batch/encoded-record.js';
export {
  batchSource,
  ndjsonSource,
  folderSource,
  type BatchSource,
  type NdjsonOptions,
} from './io/read-batch-input.js';
export { DEFAULT_READ_LIMITS, MAX_INPUT_BYTES_VARIABLE, readLimitsFrom, type ReadLimits } from './io/read-limits.js';
