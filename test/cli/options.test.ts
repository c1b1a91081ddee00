import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cli, fixture, readFixture } from '../helpers.js';

const transcript = 'fixtures/gia-badge-pathway.json';
const lines = (text: string) => text.trim().split('\n');

describe('numeric options', () => {
  it.each(['-5', 'abc', '0', '1.5', '1e3', '', '9007199254740993'])(
    'plan --budget %j is a usage error: exit 2, one line',
    async (budget) => {
      const run = await cli(['plan', transcript, '--target', 'digital-gold', '--budget', budget]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(
          /^error: option '--budget <n>' argument '.*' is invalid\. expected a whole number of at least 1 \(run with --help for usage\)$/,
        ),
      ]);
    },
  );

  it('plan --budget takes a whole number', async () => {
    const run = await cli(['plan', transcript, '--target', 'digital-gold', '--budget', '50', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('best');
  });

  it.each(['-1', 'abc', '0', '2.5'])('batch --workers %j is a usage error: exit 2, one line', async (workers) => {
    const run = await cli(['batch', '-', '--all', '--workers', workers], { stdin: '' });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('expected a whole number of at least 1');
  });

  it('batch --workers is capped at the number of cores, and says so', async () => {
    const cores = availableParallelism();
    const run = await cli(['batch', '-', '--program', 'digital-bronze', '--workers', '100000'], {
      stdin: JSON.stringify(readFixture('gia-badge-pathway.json')),
    });
    expect(run.code).toBe(0);
    expect(lines(run.stderr)[0]).toBe(`note: --workers 100000 is more than the ${cores} cores: using ${cores}`);
    expect(JSON.parse(run.stdout).audits[0].program).toBe('digital-bronze');
  });
});

describe('repeatable --program', () => {
  it('audit --program X <file> takes the file as the transcript, not as a second program', async () => {
    const run = await cli(['audit', '--program', 'digital-bronze', transcript, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).audits.map((a: { program: string }) => a.program)).toEqual(['digital-bronze']);
  });

  it('batch --program X <input> takes the input as the input', async () => {
    const run = await cli(['batch', '--program', 'digital-bronze', '-', '--workers', '1'], {
      stdin: JSON.stringify(readFixture('gia-badge-pathway.json')),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).audits.map((a: { program: string }) => a.program)).toEqual(['digital-bronze']);
  });

  it('batch --program A --program B audits both', async () => {
    const run = await cli(['batch', '-', '--program', 'aas-it', '--program', 'cert-cloud-security', '--workers', '1'], {
      stdin: JSON.stringify(readFixture('dev-aas-prior-learning.json')),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).audits.map((a: { program: string }) => a.program)).toEqual([
      'aas-it',
      'cert-cloud-security',
    ]);
  });

  it('--program A B (the old variadic form) is a usage error, not a silent misreading', async () => {
    const run = await cli(['audit', transcript, '--program', 'digital-bronze', 'digital-gold']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringContaining("too many arguments for 'audit'")]);
  });
});

describe('colour', () => {
  const colouredWith = async (env: Record<string, string>, isTTY: boolean) => {
    let out = '';
    const io = {
      stdout: { write: (s: string) => (out += s), isTTY },
      stderr: { write: () => true },
      stdin: process.stdin,
      env,
      cwd: process.cwd(),
    };
    expect(await runCli(['audit', fixture('gia-badge-pathway.json'), '--program', 'digital-bronze'], io)).toBe(0);
    return out.includes('\u001b[');
  };

  it.each([
    // [env, terminal, coloured]: NO_COLOR disables only when non-empty (no-color.org); FORCE_COLOR
    // forces when non-empty (force-color.org), over NO_COLOR, except "0" and "false" (Node's convention).
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '' }, true, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: '' }, false, false],
    [{ FORCE_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ] as const)('%j on a terminal: %s → coloured: %s', async (env, isTTY, coloured) => {
    expect(await colouredWith({ ...env }, isTTY)).toBe(coloured);
  });
});
