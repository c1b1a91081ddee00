import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { auditBatch } from '../../src/batch/audit-batch.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { batchSource, ndjsonSource } from '../../src/io/read-batch-input.js';
import { readCatalog } from '../../src/io/read-catalog.js';
import { readJsonFile } from '../../src/io/read-json-file.js';
import { readLimitsFrom } from '../../src/io/read-limits.js';
import { issueText } from '../../src/report/issue-text.js';
import { cli, shippedCatalog } from '../helpers.js';

const workdir = () => mkdtempSync(join(tmpdir(), 'credstack-input-'));
const fifo = (path: string) => {
  execFileSync('mkfifo', [path]);
  return path;
};
const CATALOG = {
  institution: { id: 'x', name: 'X' },
  credentials: [{ id: 'c', kind: 'course', title: 'C' }],
  programs: [{ id: 'p', kind: 'certificate', title: 'P', requirements: { credential: 'c' } }],
};
const TRANSCRIPT = {
  learner: { id: 'l' },
  asOf: '2026-05-15',
  awards: [{ id: 'a', credential: 'DATA-101', earned: '2026-01-10' }],
};
/** A catalog folder: institution and credentials in one file, programs in another. */
const catalogFolder = () => {
  const dir = workdir();
  writeFileSync(
    join(dir, 'a.json'),
    JSON.stringify({ institution: CATALOG.institution, credentials: CATALOG.credentials }),
  );
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ programs: CATALOG.programs }));
  return dir;
};
const codes = (result: { ok: boolean; issues?: readonly { code: string; file?: string; received?: string }[] }) =>
  result.ok ? [] : result.issues!.map((i) => `${i.code} ${i.file} ${i.received}`);

describe('input files are regular files, within a size limit', () => {
  it('a device (/dev/zero) or a FIFO with no writer is an issue at once, not an endless read or a wait', () => {
    expect(codes(readJsonFile('/dev/zero'))).toEqual(['unreadable-file /dev/zero a character device']);
    const pipe = fifo(join(workdir(), 'pipe.json'));
    expect(codes(readJsonFile(pipe))).toEqual([`unreadable-file ${pipe} a FIFO (named pipe)`]);
    expect(codes(readJsonFile(workdir()))).toEqual([expect.stringMatching(/^unreadable-file .* a folder$/)]);
  });

  it('a file past the limit is an issue before it is read; the limit comes from CREDSTACK_MAX_INPUT_BYTES', () => {
    const file = join(workdir(), 'big.json');
    writeFileSync(file, JSON.stringify({ padding: 'x'.repeat(1000) }));
    expect(readJsonFile(file, { maxBytes: 100 })).toEqual({
      ok: false,
      issues: [
        {
          code: 'too-large',
          file,
          path: [],
          expected: 'at most 100 bytes (CREDSTACK_MAX_INPUT_BYTES raises the limit)',
          received: '1014 bytes',
        },
      ],
    });
    expect(readJsonFile(file, { maxBytes: 1014 }).ok).toBe(true);
    expect(readLimitsFrom({ CREDSTACK_MAX_INPUT_BYTES: '1014' })).toEqual({ ok: true, value: { maxBytes: 1014 } });
    expect(readLimitsFrom({})).toEqual({ ok: true, value: { maxBytes: 64 * 1024 * 1024 } });
    for (const bad of ['abc', '-5', '0', '1.5', '1e3'])
      expect(readLimitsFrom({ CREDSTACK_MAX_INPUT_BYTES: bad })).toMatchObject({
        ok: false,
        issues: [
          { code: 'invalid-shape', file: 'CREDSTACK_MAX_INPUT_BYTES', expected: 'a whole number of bytes, at least 1' },
        ],
      });
  });

  it('the CLI: one line and exit 1 for a device, a FIFO, a file past the limit, and a bad limit', async () => {
    const pipe = fifo(join(workdir(), 'pipe.json'));
    const catalog = join(catalogFolder(), 'a.json');
    expect(await cli(['audit', '/dev/zero'])).toMatchObject({
      code: 1,
      stderr: 'error: /dev/zero: expected a regular file, got a character device [unreadable-file]\n',
    });
    expect(await cli(['validate', pipe])).toMatchObject({
      code: 1,
      stderr: `error: ${pipe}: expected a regular file, got a FIFO (named pipe) [unreadable-file]\n`,
    });
    expect(await cli(['validate', catalog], { env: { CREDSTACK_MAX_INPUT_BYTES: '20' } })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^error: .*a\.json: expected at most 20 bytes \(CREDSTACK_MAX_INPUT_BYTES raises the limit\), got \d+ bytes \[too-large\]\n$/,
      ),
    });
    expect(await cli(['validate'], { env: { CREDSTACK_MAX_INPUT_BYTES: 'lots' } })).toMatchObject({
      code: 1,
      stderr:
        'error: CREDSTACK_MAX_INPUT_BYTES: expected a whole number of bytes, at least 1, got "lots" [invalid-shape]\n',
    });
    const stdin = JSON.stringify({
      learner: { id: 'l', name: 'x'.repeat(400) },
      asOf: '2026-05-15',
      awards: [{ id: 'a', credential: 'c' }],
    });
    const small = ['audit', '-', '--catalog', catalogFolder(), '--program', 'p'];
    expect(await cli(small, { stdin, env: { CREDSTACK_MAX_INPUT_BYTES: '300' } })).toMatchObject({
      code: 1,
      stderr:
        'error: <stdin>: expected at most 300 bytes (CREDSTACK_MAX_INPUT_BYTES raises the limit), got more than 300 bytes [too-large]\n',
    });
    expect(await cli(small, { stdin, env: { CREDSTACK_MAX_INPUT_BYTES: '3000' } })).toMatchObject({ code: 0 });
  });

  it('standard input is decoded whole: a character split between two chunks stays one character', async () => {
    const bytes = Buffer.from(JSON.stringify({ ...TRANSCRIPT, learner: { id: 'l', name: 'Zoë Été' } }));
    const at = bytes.indexOf(Buffer.from('ë')) + 1;
    let stdout = '';
    const io: CliIo = {
      stdout: { write: (s: string | Uint8Array) => (stdout += String(s)) },
      stderr: { write: () => true },
      stdin: Readable.from([bytes.subarray(0, at), bytes.subarray(at)]),
      env: {},
      cwd: process.cwd(),
    };
    expect(await runCli(['convert', '-'], io)).toBe(0);
    expect(JSON.parse(stdout).learner.name).toBe('Zoë Été');
  });

  it('an error quotes no more of a file than a short excerpt', () => {
    const file = join(workdir(), 'noise.json');
    writeFileSync(file, `{"institution": ${'\u0001garbage'.repeat(100_000)}`);
    const result = readCatalog(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(issueText(result.issues[0]!).length).toBeLessThan(file.length + 120);
  });

  it('nor more of a long name than a short excerpt: references, repeats, exceptions', () => {
    const long = 'n'.repeat(100_000);
    const catalog = loadCatalog([
      {
        file: 'c.json',
        json: {
          ...CATALOG,
          credentials: [
            { id: long, kind: 'course', title: 'C', prerequisites: [`${long}x`] },
            { id: long, kind: 'course', title: 'C' },
          ],
        },
      },
    ]);
    const transcript = audit(
      shippedCatalog(),
      {
        learner: { id: 'l' },
        asOf: '2026-05-15',
        awards: [
          { id: long, credential: long },
          { id: long, credential: 'DATA-101' },
        ],
      },
      { all: true },
    );
    const unknown = audit(
      shippedCatalog(),
      {
        learner: { id: 'l' },
        asOf: '2026-05-15',
        awards: [{ id: 'a', credential: long }],
        exceptions: [{ type: 'waive', program: 'aas-it', requirement: long, reason: 'r' }],
      },
      { all: true },
    );
    const issues = [catalog, transcript, unknown].flatMap((result) => (result.ok ? [] : result.issues));
    expect(issues.map((issue) => issue.code)).toEqual([
      'duplicate-id',
      'unknown-reference',
      'unknown-reference',
      'invalid-shape',
      'unknown-reference',
      'invalid-exception',
    ]);
    for (const issue of issues) expect(issueText(issue).length).toBeLessThan(400);
  });
});

describe('a catalog folder reads regular files inside it only', () => {
  it('a FIFO named *.json is an issue, not read (no wait for a writer)', () => {
    const dir = catalogFolder();
    const pipe = fifo(join(dir, 'c.json'));
    expect(codes(readCatalog(dir))).toEqual([`unreadable-file ${pipe} a FIFO (named pipe)`]);
  });

  it('a *.json link out of the folder is an issue and is not followed; a link inside it is read', () => {
    const dir = catalogFolder();
    const outside = join(workdir(), 'rules.json');
    writeFileSync(outside, JSON.stringify({ rules: [] }));
    symlinkSync(outside, join(dir, 'c.json'));
    expect(readCatalog(dir)).toMatchObject({
      ok: false,
      issues: [
        {
          code: 'unreadable-file',
          file: join(dir, 'c.json'),
          expected: 'a file inside the catalog folder (a symbolic link out of it is not followed)',
        },
      ],
    });

    const inside = catalogFolder();
    mkdirSync(join(inside, 'store'));
    writeFileSync(join(inside, 'b.json'), JSON.stringify({}));
    writeFileSync(join(inside, 'store', 'programs.data'), JSON.stringify({ programs: CATALOG.programs }));
    symlinkSync(join(inside, 'store', 'programs.data'), join(inside, 'p.json'));
    expect(readCatalog(inside)).toMatchObject({ ok: true, value: { programs: [{ id: 'p' }] } });
  });

  it('a linked folder is not walked, wherever it leads', () => {
    const dir = catalogFolder();
    const elsewhere = workdir();
    writeFileSync(
      join(elsewhere, 'extra.json'),
      JSON.stringify({ credentials: [{ id: 'c', kind: 'course', title: 'Again' }] }),
    );
    symlinkSync(elsewhere, join(dir, 'linked'));
    symlinkSync(dir, join(dir, 'loop'));
    expect(readCatalog(dir)).toMatchObject({ ok: true, value: { credentials: [{ id: 'c', title: 'C' }] } });
  });
});

describe('batch input', () => {
  it('a device or a FIFO is an issue, not a batch read forever; standard input only as -', async () => {
    expect(codes(batchSource('/dev/zero', new PassThrough()))).toEqual([
      'unreadable-file /dev/zero a character device',
    ]);
    const pipe = fifo(join(workdir(), 'in.ndjson'));
    expect(codes(batchSource(pipe, new PassThrough()))).toEqual([`unreadable-file ${pipe} a FIFO (named pipe)`]);
    expect(await cli(['batch', '/dev/zero', '--all'])).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'error: /dev/zero: expected an NDJSON file, a folder of transcripts, or - for standard input, got a character device [unreadable-file]\n',
    });
  });

  it('an NDJSON line past the limit is one error record, skipped without holding it; the lines around it are audited', async () => {
    const good = JSON.stringify(TRANSCRIPT);
    const long = JSON.stringify({ ...TRANSCRIPT, padding: 'x'.repeat(5000) });
    // The long line arrives in pieces smaller than the limit, the way a stream delivers it.
    const pieces = [
      `${good}\n${long.slice(0, 300)}`,
      ...Array.from({ length: Math.ceil((long.length - 300) / 400) }, (_, i) =>
        long.slice(300 + i * 400, 700 + i * 400),
      ),
      `\n${good}\n`,
    ];
    const source = ndjsonSource(Readable.from(pieces), 'in.ndjson', { maxBytes: 1000 });
    const records = [];
    for await (const record of auditBatch(shippedCatalog(), source.inputs, { programs: ['cert-data-analytics'] }))
      records.push(record);
    expect(records.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(records[1]).toMatchObject({
      error:
        'in.ndjson:2: expected at most 1000 bytes (CREDSTACK_MAX_INPUT_BYTES raises the limit), got a line of more than 1000 bytes [too-large]',
    });
  });
});
