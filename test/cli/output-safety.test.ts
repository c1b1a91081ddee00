import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, fixture } from '../helpers.js';

// These tests run the CLI freshly built for this test run (never a stale dist/), as a user would,
// on real devices, pipes and disks.
const dirs: string[] = [];
const workdir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'credstack-output-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const gia = readFileSync(fixture('gia-badge-pathway.json'), 'utf8');
const ndjson = (records: number) =>
  `${Array.from({ length: records }, () => JSON.stringify(JSON.parse(gia))).join('\n')}\n`;

/** Runs the CLI to its end: exit code and standard error (standard output goes where `stdout` says). */
function run(args: string[], stdout: 'ignore' | number = 'ignore') {
  const child = spawn(process.execPath, [builtCli(), ...args], {
    stdio: ['ignore', stdout, 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

/** One line on stderr, no stack trace. */
const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return stderr.trim();
};

// A device node made in a test folder (as root): a copy of /dev/null (1,3) or /dev/full (1,7).
const canMknod = (() => {
  try {
    execFileSync('mknod', [join(workdir(), 'probe'), 'c', '1', '3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const device = (dir: string, name: 'null' | 'full') => {
  const path = join(dir, name);
  execFileSync('mknod', [path, 'c', '1', name === 'null' ? '3' : '7']);
  return path;
};

describe('output that cannot be lost or half-written (built CLI)', () => {
  describe.runIf(canMknod)('--out onto a device node writes to it and never replaces it', () => {
    it('audit --out <copy of /dev/null>: exit 0, the device is still a device, nothing else left', async () => {
      const dir = workdir();
      const target = device(dir, 'null');
      expect((await run(['audit', fixture('gia-badge-pathway.json'), '--out', target])).code).toBe(0);
      expect(statSync(target).isCharacterDevice()).toBe(true);
      expect(readdirSync(dir)).toEqual(['null']);
    });

    it('batch --out and --summary <copies of /dev/null>: exit 0, both still devices', async () => {
      const dir = workdir();
      writeFileSync(join(dir, 'in.ndjson'), ndjson(3));
      const out = device(dir, 'null');
      const summary = join(dir, 'summary-null');
      execFileSync('mknod', [summary, 'c', '1', '3']);
      const result = await run([
        'batch',
        join(dir, 'in.ndjson'),
        '--program',
        'digital-bronze',
        '--workers',
        '1',
        '--out',
        out,
        '--summary',
        summary,
      ]);
      expect(result.code).toBe(0);
      expect(statSync(out).isCharacterDevice()).toBe(true);
      expect(statSync(summary).isCharacterDevice()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['in.ndjson', 'null', 'summary-null']);
    });

    it.each([
      ['audit --out', (_dir: string, full: string) => ['audit', fixture('gia-badge-pathway.json'), '--out', full]],
      [
        'batch --out',
        (dir: string, full: string) => [
          'batch',
          join(dir, 'in.ndjson'),
          '--program',
          'digital-bronze',
          '--workers',
          '1',
          '--out',
          full,
        ],
      ],
      [
        'batch --summary',
        (dir: string, full: string) => [
          'batch',
          join(dir, 'in.ndjson'),
          '--program',
          'digital-bronze',
          '--workers',
          '1',
          '--out',
          join(dir, 'out.ndjson'),
          '--summary',
          full,
        ],
      ],
    ])('%s <copy of /dev/full>: one line, exit 1, the device kept, no file left', async (_, args) => {
      const dir = workdir();
      writeFileSync(join(dir, 'in.ndjson'), ndjson(3));
      const full = device(dir, 'full');
      const result = await run(args(dir, full));
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toBe(`error: cannot write ${full}: ENOSPC: no space left on device, write`);
      expect(statSync(full).isCharacterDevice()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['full', 'in.ndjson']);
    });
  });

  describe('standard output that fails', () => {
    it.each([
      ['audit', () => ['audit', fixture('gia-badge-pathway.json')]],
      [
        'batch',
        (dir: string) => [
          'batch',
          join(dir, 'in.ndjson'),
          '--program',
          'digital-bronze',
          '--workers',
          '1',
          '--summary',
          join(dir, 'summary.csv'),
        ],
      ],
    ])('%s > /dev/full: one line, exit 1, no file left', async (_, args) => {
      const dir = workdir();
      writeFileSync(join(dir, 'in.ndjson'), ndjson(3));
      const full = openSync('/dev/full', 'w');
      try {
        const result = await run(args(dir), full);
        expect(result.code).toBe(1);
        expect(oneLine(result.stderr)).toBe(
          'error: cannot write standard output: ENOSPC: no space left on device, write',
        );
      } finally {
        closeSync(full);
      }
      expect(readdirSync(dir)).toEqual(['in.ndjson']);
    });

    /** Runs the CLI with its standard output read up to the first line, then closed, as `| head -1` does. */
    const closedAfterFirstLine = (args: string[]) => {
      const child = spawn(process.execPath, [builtCli(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let first = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      child.stdout.on('data', (d) => {
        first += String(d);
        if (first.includes('\n')) child.stdout.destroy();
      });
      return new Promise<{ code: number | null; stderr: string; first: string }>((resolve) =>
        child.on('close', (code) => resolve({ code, stderr, first: first.split('\n')[0]! })),
      );
    };

    it('audit | head -1 (EPIPE): ends quietly, exit 1', async () => {
      // Output well past two pipe buffers (128 KiB), so the reader closes before it is all written.
      const dir = workdir();
      const transcript = JSON.parse(readFileSync(fixture('ada-bs-complete.json'), 'utf8'));
      const awards = Array.from({ length: 6 }, (_, k) =>
        transcript.awards.map((a: { id: string }) => ({ ...a, id: `${a.id}-${k}` })),
      ).flat();
      writeFileSync(join(dir, 'big.json'), JSON.stringify({ ...transcript, awards }));
      const result = await closedAfterFirstLine(['audit', join(dir, 'big.json'), '--all', '--format', 'json']);
      expect(result.first).toBe('{');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
    });

    it.each([1, 2])(
      'batch | head -1 (EPIPE, %d workers): ends quietly, exit 1, no summary or temporary file left',
      async (workers) => {
        const dir = workdir();
        writeFileSync(join(dir, 'in.ndjson'), ndjson(1000));
        const result = await closedAfterFirstLine([
          'batch',
          join(dir, 'in.ndjson'),
          '--program',
          'digital-bronze',
          '--workers',
          String(workers),
          '--summary',
          join(dir, 'summary.csv'),
        ]);
        expect(JSON.parse(result.first).learner.id).toBe('s-1007');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(1);
        expect(readdirSync(dir)).toEqual(['in.ndjson']);
      },
    );
  });

  describe('--out onto a folder, or into a missing one', () => {
    it.each([
      ['audit --out', (_dir: string, target: string) => ['audit', fixture('gia-badge-pathway.json'), '--out', target]],
      [
        'batch --out',
        (dir: string, target: string) => ['batch', join(dir, 'in.ndjson'), '--all', '--workers', '1', '--out', target],
      ],
      [
        'batch --summary',
        (dir: string, target: string) => [
          'batch',
          join(dir, 'in.ndjson'),
          '--all',
          '--workers',
          '1',
          '--out',
          join(dir, 'out.ndjson'),
          '--summary',
          target,
        ],
      ],
    ])('%s <folder>: one line, exit 1, nothing left beside it', async (_, args) => {
      const dir = workdir();
      writeFileSync(join(dir, 'in.ndjson'), ndjson(1));
      const target = join(dir, 'results');
      mkdirSync(target);
      const result = await run(args(dir, target));
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toMatch(/^error: cannot write .*: it is a folder$/);
      expect(readdirSync(dir).sort()).toEqual(['in.ndjson', 'results']);
    });

    it('schema --out <folder> where a schema file would go: one line, exit 1, nothing left', async () => {
      const dir = workdir();
      mkdirSync(join(dir, 'catalog.schema.json'));
      const result = await run(['schema', '--out', dir]);
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toBe(`error: cannot write ${join(dir, 'catalog.schema.json')}: it is a folder`);
      expect(readdirSync(dir)).toEqual(['catalog.schema.json']);
    });

    it('audit --out into a missing folder: one line, exit 1', async () => {
      const dir = workdir();
      const result = await run(['audit', fixture('gia-badge-pathway.json'), '--out', join(dir, 'no', 'such.json')]);
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toMatch(/^error: cannot write .*such\.json: ENOENT: no such file or directory/);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('audit --out through a symbolic link writes the file it points to and keeps the link', async () => {
      const dir = workdir();
      writeFileSync(join(dir, 'real.json'), 'old');
      symlinkSync('real.json', join(dir, 'link.json'));
      expect(
        (await run(['audit', fixture('gia-badge-pathway.json'), '--format', 'json', '--out', join(dir, 'link.json')]))
          .code,
      ).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).learner.id).toBe('s-1007');
      expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
      expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    });
  });

  // A real full disk: a 64 KiB tmpfs (root only; skipped where it cannot be mounted).
  describe('a full disk (ENOSPC)', () => {
    const disk = workdir();
    let mounted = false;
    beforeAll(() => {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'ignore' });
        mounted = true;
      } catch {
        mounted = false;
      }
    });
    afterAll(() => {
      if (mounted) execFileSync('umount', [disk]);
    });

    it.for([
      [
        'audit --out',
        (_input: string) => [
          'audit',
          fixture('ada-bs-complete.json'),
          '--all',
          '--format',
          'json',
          '--out',
          join(disk, 'audit.json'),
        ],
      ],
      [
        'batch --out',
        (input: string) => [
          'batch',
          input,
          '--program',
          'digital-bronze',
          '--workers',
          '1',
          '--out',
          join(disk, 'out.ndjson'),
        ],
      ],
      [
        'batch --summary',
        (input: string) => [
          'batch',
          input,
          '--all',
          '--workers',
          '1',
          '--out',
          join(input, '..', 'out.ndjson'),
          '--summary',
          join(disk, 'summary.csv'),
        ],
      ],
    ] as const)('%s onto a full disk: one line, exit 1, no temporary file left', async ([, args], ctx) => {
      if (!mounted) return ctx.skip();
      const dir = workdir();
      writeFileSync(join(dir, 'in.ndjson'), ndjson(400)); // about 400 KB of results and 180 KB of summary, both past 64 KiB
      const result = await run(args(join(dir, 'in.ndjson')));
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toMatch(/^error: cannot write .*: ENOSPC: no space left on device, write$/);
      expect(readdirSync(disk)).toEqual([]);
    });
  });
});
