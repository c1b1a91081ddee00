import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import type { Catalog } from '../model/catalog.js';
import { auditBatch } from './audit-batch.js';
import type { BatchInput } from './batch-record.js';
import { encodeRecord, type EncodedRecord } from './encoded-record.js';

/** How a parallel batch runs. */
export interface ParallelOptions {
  /** Worker threads; 1 audits on this thread. */
  readonly workers: number;
  /** Transcripts sent to a worker at a time. */
  readonly chunk?: number;
  /** Stops reading input; what is under way finishes. */
  readonly signal?: AbortSignal;
  /** Make the CSV summary rows too (default true). */
  readonly csv?: boolean;
}

const IN_FLIGHT_PER_WORKER = 4;

/** Starts a worker: the built script beside this module, or the TypeScript source through tsx (tests, development). */
function startWorker(workerData: unknown): Worker {
  const built = new URL('./batch-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData });
  const source = new URL('./batch-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData },
  );
}

/**
 * Audits a stream of transcripts on worker threads and yields their records encoded for output,
 * in input order. At most a few chunks per worker are under way, so memory stays flat whatever
 * the size of the input.
 *
 * @example
 * ```ts
 * import { auditBatchInParallel, ndjsonSource, readCatalog } from 'credstack/node';
 * import { createReadStream } from 'node:fs';
 *
 * const catalog = readCatalog('catalog');
 * if (catalog.ok) {
 *   const source = ndjsonSource(createReadStream('transcripts.ndjson'), 'transcripts.ndjson');
 *   for await (const record of auditBatchInParallel(catalog.value, source.inputs, { all: true }, { workers: 4 }))
 *     process.stdout.write(record.ndjson);
 * }
 * ```
 */
export async function* auditBatchInParallel(
  catalog: Catalog,
  inputs: AsyncIterable<BatchInput>,
  audit: AuditOptions,
  run: ParallelOptions,
): AsyncGenerator<EncodedRecord> {
  if (run.workers <= 1) {
    for await (const record of auditBatch(catalog, stopOn(inputs, run.signal), audit))
      yield encodeRecord(record, run.csv ?? true);
    return;
  }
  const chunkSize = run.chunk ?? 32;
  const workers = Array.from({ length: run.workers }, () =>
    startWorker({ catalog, options: audit, csv: run.csv ?? true }),
  );
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const done = new Map<number, EncodedRecord[]>();
  let failure: Error | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error) => {
    failure ??= error;
    signal();
  };
  for (const worker of workers) {
    worker.on('message', ({ seq, records }: { seq: number; records: EncodedRecord[] }) => {
      done.set(seq, records);
      busy.set(worker, busy.get(worker)! - 1);
      signal();
    });
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', (code) => {
      if (!finished) fail(new Error(`a batch worker stopped before the batch ended (exit code ${code})`));
    });
  }
  const source = stopOn(inputs, run.signal)[Symbol.asyncIterator]();
  let exhausted = false;
  let sent = 0;
  let next = 0;
  // At most one read of the input is under way; it outlives a chunk when a reply comes first.
  let reading: Promise<IteratorResult<BatchInput>> | undefined;
  /** The next input, or REPLY when the next chunk's records (or a failure) come back first: an idle input never holds up the output. */
  const nextInput = (): Promise<IteratorResult<BatchInput> | typeof REPLY> => {
    reading ??= source.next();
    if (sent === next) return reading;
    if (done.has(next) || failure) return Promise.resolve(REPLY);
    return Promise.race([reading, new Promise<typeof REPLY>((resolve) => (wake = () => resolve(REPLY)))]);
  };
  try {
    for (;;) {
      while (!exhausted && !failure) {
        const idle = workers.find((w) => busy.get(w)! < IN_FLIGHT_PER_WORKER);
        if (!idle) break;
        const chunk: BatchInput[] = [];
        let interrupted = false;
        while (chunk.length < chunkSize) {
          const item = await nextInput();
          if (item === REPLY) {
            interrupted = true;
            break;
          }
          reading = undefined;
          if (item.done) {
            exhausted = true;
            break;
          }
          chunk.push(item.value);
        }
        if (chunk.length > 0) {
          busy.set(idle, busy.get(idle)! + 1);
          idle.postMessage({ seq: sent++, inputs: chunk });
        }
        if (interrupted || chunk.length === 0) break;
      }
      if (failure) throw failure;
      const records = done.get(next);
      if (records) {
        done.delete(next++);
        // While this generator is suspended here, every chunk under way may come back: the loop
        // goes back to sending before it waits, or it would wait for a chunk never sent.
        yield* records;
        continue;
      }
      if (exhausted && next === sent) return;
      // Nothing to send (every worker has its fill, or the input is read) and the next chunk is
      // under way: its message, or a failure, wakes this up.
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** What {@link auditBatchInParallel}'s read of the input gives way to: a chunk's records came back. */
const REPLY = Symbol('reply');

async function* stopOn<T>(inputs: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) return yield* inputs;
  const iterator = inputs[Symbol.asyncIterator]();
  // A batch waiting on its input (an open, idle standard input) stops when the signal comes, not at the next line.
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === 'aborted' || next.done) return;
      yield next.value;
    }
  } finally {
    // Releases the input without waiting for a read that may never end.
    void iterator.return?.();
  }
}
