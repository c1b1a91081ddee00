import { availableParallelism, constants as osConstants } from 'node:os';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { AuditStatus } from '../../audit/audit-result.js';
import { auditBatchInParallel } from '../../batch/parallel-batch.js';
import { AtomicOutput } from '../../io/atomic-output.js';
import { batchSource } from '../../io/read-batch-input.js';
import { CSV_HEADER } from '../../report/csv-summary.js';
import { plural } from '../../report/reason-text.js';
import { EXIT, type CliIo, type RunIo } from '../io.js';
import { asOfOption, programOption, todayIn, unknownPrograms, wholeNumber } from '../options.js';
import { Progress } from '../progress.js';
import { catalogAt, ExitWith, InvalidInput, valueOrThrow } from '../run-command.js';
import { readLimitsFrom } from '../../io/read-limits.js';

interface BatchOptions {
  catalog?: string;
  program?: string[];
  all?: boolean;
  asOf?: string;
  out?: string;
  summary?: string;
  workers: number;
}

/** Signals that stop a batch cleanly. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Workers past the number of cores only cost memory (each holds the catalog): `--workers` is capped there. */
function workersFor(io: CliIo, asked: number): number {
  const cores = availableParallelism();
  if (asked <= cores) return asked;
  io.stderr.write(
    `note: --workers ${asked} is more than the ${cores} ${cores === 1 ? 'core' : 'cores'}: using ${cores}\n`,
  );
  return cores;
}

/** `credstack batch <input> --program ID... | --all`: audits many transcripts, streaming, in parallel. */
export function registerBatch(program: Command, io: RunIo): void {
  program
    .command('batch')
    .description(
      'audit many transcripts: NDJSON (one transcript a line), a folder of transcript files, or - for standard input',
    )
    .argument('<input>', 'NDJSON file, folder, or -')
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .addOption(programOption('a program to audit'))
    .option('--all', 'audit every program in the catalog')
    .addOption(asOfOption())
    .option('--out <file>', 'write NDJSON results here (atomically) instead of to standard output')
    .option('--summary <file>', 'also write a CSV summary (learner, program, status, credits, requirements remaining)')
    .option(
      '--workers <n>',
      'worker threads (default and most: the number of cores)',
      wholeNumber(1),
      availableParallelism(),
    )
    .action(async (input: string, options: BatchOptions) => {
      if (!options.all && !options.program?.length)
        throw new InvalidArgumentError('name --program ID (repeat for several) or --all');
      const workers = workersFor(io, options.workers);
      const catalog = catalogAt(io, options.catalog);
      // Checked once, here: an unknown program is the command's mistake, not every record's.
      const unknown = unknownPrograms(catalog, options.program ?? []);
      if (unknown.length > 0) throw new InvalidInput(unknown);
      const source = valueOrThrow(
        batchSource(input === '-' ? '-' : resolve(io.cwd, input), io.stdin, valueOrThrow(readLimitsFrom(io.env))),
      );
      const abort = new AbortController();
      // Ctrl-C, or a scheduler stopping the job: the batch stops at once and leaves no output file.
      const interrupt = (signal: NodeJS.Signals) => abort.abort(signal);
      for (const signal of STOP_SIGNALS) process.once(signal, interrupt);
      const progress = new Progress(io, source.progress);
      const counts: Record<AuditStatus | 'error', number> = { complete: 0, 'in-progress': 0, incomplete: 0, error: 0 };
      const started = Date.now();
      let records = 0;
      const outputs: AtomicOutput[] = [];
      const open = (file: string) => {
        const output = new AtomicOutput(resolve(io.cwd, file));
        outputs.push(output);
        return output;
      };
      try {
        const out = options.out ? open(options.out) : undefined;
        const summary = options.summary ? open(options.summary) : undefined;
        const write = (bytes: Uint8Array) => (out ? out.write(bytes) : io.stdout.writeWaiting(bytes));
        await summary?.write(`${CSV_HEADER}\n`);
        const audit = {
          ...(options.program ? { programs: options.program } : {}),
          all: options.all === true,
          ...(options.asOf ? { asOf: options.asOf } : {}),
          defaultAsOf: todayIn(io),
        };
        for await (const record of auditBatchInParallel(catalog, source.inputs, audit, {
          workers,
          signal: abort.signal,
          csv: summary !== undefined,
        })) {
          if (abort.signal.aborted) break; // the output is abandoned: audits under way need not finish
          await write(record.ndjson);
          if (summary) for (const row of record.csv) await summary.write(`${row}\n`);
          if (record.ok) for (const status of record.statuses) counts[status]++;
          else counts.error++;
          progress.update(++records);
        }
        progress.finish();
        if (abort.signal.aborted) {
          await Promise.all(outputs.map((output) => output.abandon()));
          const signal = abort.signal.reason as NodeJS.Signals;
          io.stderr.write(`batch: interrupted (${signal}) after ${records} records; no output file was written\n`);
          throw new ExitWith(128 + osConstants.signals[signal]);
        }
        await io.stdout.finish();
        await AtomicOutput.commitAll(outputs);
      } catch (error) {
        progress.finish();
        await Promise.all(outputs.map((output) => output.abandon()));
        throw error;
      } finally {
        for (const signal of STOP_SIGNALS) process.removeListener(signal, interrupt);
      }
      const seconds = (Date.now() - started) / 1000;
      io.stderr.write(
        `batch: ${plural(records, 'record')} in ${seconds.toFixed(1)} s (${Math.round(records / Math.max(seconds, 0.001))}/s): ${counts.complete} complete, ${counts['in-progress']} in progress, ${counts.incomplete} incomplete audits; ${plural(counts.error, 'error')}; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
      );
      if (counts.error > 0) throw new ExitWith(EXIT.invalidInput);
    });
}
