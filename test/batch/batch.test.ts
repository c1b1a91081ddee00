import { spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { auditBatch } from '../../src/batch/audit-batch.js';
import { auditBatchInParallel } from '../../src/batch/parallel-batch.js';
import { ndjsonSource } from '../../src/io/read-batch-input.js';
import { runCli } from '../../src/cli/main.js';
import { builtCli, cli, fixture, readFixture, shippedCatalog } from '../helpers.js';

const FIXTURES = [
  'ada-bs-complete',
  'ben-stacking-certificates',
  'carmen-greedy-trap',
  'dev-aas-prior-learning',
  'eve-awards-that-do-not-count',
  'farid-transfer-units',
  'gia-badge-pathway',
  'hugo-exceptions',
];
const transcripts = FIXTURES.map((name) => readFixture(`${name}.json`));
const lines = [
  ...transcripts.slice(0, 3).map((t) => JSON.stringify(t)),
  '{ "learner": ',
  ...transcripts.slice(3).map((t) => JSON.stringify(t)),
  JSON.stringify({ learner: { id: 'ghost' }, asOf: '2026-01-01', awards: [{ id: 'a', credential: 'NO-SUCH' }] }),
];
const ndjson = `${lines.join('\n')}\n\n`;
const options = { programs: ['bs-data-science', 'aas-it', 'digital-gold'] };
/** A fresh folder for one test, removed when it ends. */
const workdir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'credstack-batch-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('batch audits', () => {
  it('gives, record by record and in input order, what single audits give; a bad line is one error record', async () => {
    const records = [];
    for await (const r of auditBatch(
      shippedCatalog(),
      ndjsonSource(Readable.from([ndjson]), 'in.ndjson').inputs,
      options,
    ))
      records.push(r);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    records.forEach((record) => {
      if (record.line === 4 || record.line === 10) return expect(record.ok).toBe(false);
      const single = audit(shippedCatalog(), JSON.parse(lines[record.line - 1]!), options);
      expect(record).toEqual({ line: record.line, ok: true, report: single.ok && single.value });
    });
    expect(records[3]).toMatchObject({
      ok: false,
      error: expect.stringContaining('in.ndjson:4: expected well-formed JSON'),
    });
    expect(records[9]).toMatchObject({
      ok: false,
      learner: 'ghost',
      error: expect.stringContaining('$.awards[0].credential'),
    });
  });

  it('keeps input order on worker threads, and matches the single-threaded records', async () => {
    const many = Array.from({ length: 120 }, (_, i) => lines[i % lines.length]!).join('\n');
    const sequential = [];
    for await (const r of auditBatchInParallel(
      shippedCatalog(),
      ndjsonSource(Readable.from([many]), 'x').inputs,
      options,
      { workers: 1 },
    ))
      sequential.push(r);
    const parallel = [];
    for await (const r of auditBatchInParallel(
      shippedCatalog(),
      ndjsonSource(Readable.from([many]), 'x').inputs,
      options,
      { workers: 2, chunk: 7 },
    ))
      parallel.push(r);
    expect(parallel.map((r) => r.line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(parallel).toEqual(sequential);
  }, 60_000);

  it('goes on reading when a slow consumer lets every chunk under way finish (it once waited for a chunk it never sent)', async () => {
    const many = Array.from({ length: 40 }, (_, i) => lines[i % lines.length]!).join('\n');
    const workers = watchWorkers();
    try {
      const lines: number[] = [];
      // The slowest consumer: after each record it waits until every chunk sent has come back.
      for await (const r of auditBatchInParallel(
        shippedCatalog(),
        ndjsonSource(Readable.from([many]), 'x').inputs,
        options,
        { workers: 2, chunk: 1 },
      )) {
        lines.push(r.line);
        await workers.everyChunkBack();
      }
      expect(lines).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      workers.restore();
    }
  }, 60_000);

  it('credstack batch writes NDJSON and a CSV summary atomically, counts errors and exits 1 when any record failed', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'in.ndjson'), ndjson);
    const run = await cli([
      'batch',
      join(dir, 'in.ndjson'),
      '--program',
      'bs-data-science',
      '--out',
      join(dir, 'out.ndjson'),
      '--summary',
      join(dir, 'summary.csv'),
      '--workers',
      '1',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^batch: 10 records in .* 1 complete, 0 in progress, 7 incomplete audits; 2 errors; peak memory \d+ MB$/m,
    );
    expect(run.stderr).not.toContain('\r'); // no progress bar when stderr is not a terminal
    const out = readFileSync(join(dir, 'out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(10);
    expect(out[0].learner.id).toBe('s-1001');
    expect(out[3]).toMatchObject({ line: 4, error: expect.any(String) });
    const csv = readFileSync(join(dir, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('line,learner,program,status,credits_applied,credits_required,requirements_remaining,error');
    expect(csv[1]).toBe('1,s-1001,bs-data-science,complete,127,120,0,');
    expect(csv[4]).toMatch(/^4,,,error,,,,"/);
    expect(readdirSync(dir).sort()).toEqual(['in.ndjson', 'out.ndjson', 'summary.csv']);
  });

  it('waits for a slow standard output instead of holding the batch in memory', async () => {
    const written: string[] = [];
    let full = false;
    let writesWhileFull = 0;
    const stdout = {
      write(bytes: string | Uint8Array) {
        if (full) writesWhileFull++;
        written.push(Buffer.from(bytes).toString('utf8'));
        full = written.length % 2 === 0; // full after every other line, until it drains
        return !full;
      },
      once(_event: 'drain', listener: () => void) {
        queueMicrotask(() => {
          full = false;
          listener();
        });
      },
    };
    const io = { stdout, stderr: { write: () => true }, stdin: Readable.from([ndjson]), env: {}, cwd: process.cwd() };
    expect(await runCli(['batch', '-', '--program', 'bs-data-science', '--workers', '1'], io)).toBe(1);
    expect(written).toHaveLength(10);
    expect(writesWhileFull).toBe(0);
  });

  it('leaves no output file when the run fails', async () => {
    const dir = workdir();
    const run = await cli(['batch', join(dir, 'missing.ndjson'), '--all', '--out', join(dir, 'out.ndjson')]);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, 'out.ndjson'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a folder of transcript files, and standard input', async () => {
    const folder = await cli(['batch', 'fixtures', '--program', 'cert-data-analytics', '--workers', '1']);
    expect(folder.code).toBe(0);
    const records = folder.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records[0].learner.id).toBe('s-1001');
    const stdin = await cli(['batch', '-', '--program', 'aas-it', '--workers', '1'], {
      stdin: JSON.stringify(readFixture('dev-aas-prior-learning.json')),
    });
    expect(JSON.parse(stdin.stdout).audits[0].status).toBe('incomplete');
    expect(existsSync(fixture('ada-bs-complete.json'))).toBe(true);
  });

  it('asks for --program or --all', async () => {
    expect((await cli(['batch', 'fixtures'])).code).toBe(2);
    expect((await cli(['batch', 'fixtures', '--all', '--workers', '0'])).code).toBe(2);
  });
});

describe('interrupting a batch', () => {
  it.each([
    ['SIGINT', 130, 1],
    ['SIGTERM', 143, 2],
  ] as const)(
    '%s stops cleanly: exit %d, and no output file, whole or partial (%d workers)',
    async (signal, exitCode, workers) => {
      const dir = workdir();
      const child = spawn(
        process.execPath,
        [
          builtCli(),
          'batch',
          '-',
          '--program',
          'bs-data-science',
          '--workers',
          String(workers),
          '--out',
          join(dir, 'out.ndjson'),
        ],
        { stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const closed = once(child, 'close');
      // Endless input: the batch cannot end before the signal, however loaded the machine. Feeding
      // stops with an error (EPIPE) when the batch exits.
      const feeding = pipeline(Readable.from(endlessInput()), child.stdin).catch(() => undefined);
      await firstWriteIn(dir); // the batch is under way: its signal handlers are in place
      child.kill(signal);
      const [code] = await closed;
      await feeding;
      expect(code).toBe(exitCode);
      expect(stderr).toMatch(
        new RegExp(`batch: interrupted \\(${signal}\\) after \\d+ records; no output file was written`),
      );
      expect(readdirSync(dir)).toEqual([]);
    },
    60_000,
  );
});

describe('interrupting a batch waiting on its input', () => {
  it.each([1, 2])(
    'stops at once while standard input is open but idle (%d workers)',
    async (workers) => {
      const dir = workdir();
      const child = spawn(
        process.execPath,
        [
          builtCli(),
          'batch',
          '-',
          '--program',
          'aas-it',
          '--workers',
          String(workers),
          '--out',
          join(dir, 'out.ndjson'),
        ],
        { stdio: ['pipe', 'ignore', 'pipe'] },
      );
      // 'exit', not 'close': the input this test holds open would keep 'close' from coming.
      const exited = once(child, 'exit');
      // Enough records to be written, then nothing more, and the input is never closed.
      child.stdin.write(`${Array.from({ length: 80 }, (_, i) => lines[i % 3]!).join('\n')}\n`);
      await firstWriteIn(dir);
      child.kill('SIGTERM');
      const [code] = await exited;
      child.stdin.destroy();
      expect(code).toBe(143);
      expect(readdirSync(dir)).toEqual([]);
    },
    60_000,
  );
});

/** Transcripts, one a line, without end. */
function* endlessInput(): Generator<string> {
  for (let i = 0; ; i++) yield `${lines[i % 3]!}\n`;
}

/** Resolves when a file in `dir` first has content. */
async function firstWriteIn(dir: string): Promise<void> {
  const watcher = watch(dir);
  try {
    while (!readdirSync(dir).some((name) => statSync(join(dir, name)).size > 0)) await once(watcher, 'change');
  } finally {
    watcher.close();
  }
}

/**
 * Counts the chunks this thread posts to batch workers and the replies they send back, so a test
 * can wait until every chunk sent has come back (an event, not a timer). `restore` ends it.
 */
function watchWorkers() {
  const posted = vi.spyOn(Worker.prototype, 'postMessage');
  let replies = 0;
  let caughtUp: (() => void) | undefined;
  const emitted = vi.spyOn(Worker.prototype, 'emit').mockImplementation(function (
    this: Worker,
    event: string | symbol,
    ...args: unknown[]
  ) {
    const handled = EventEmitter.prototype.emit.call(this, event, ...args);
    if (event === 'message') replies++;
    if (replies === posted.mock.calls.length) {
      caughtUp?.();
      caughtUp = undefined;
    }
    return handled;
  });
  return {
    everyChunkBack: () =>
      replies === posted.mock.calls.length ? Promise.resolve() : new Promise<void>((resolve) => (caughtUp = resolve)),
    restore: () => {
      posted.mockRestore();
      emitted.mockRestore();
    },
  };
}
