import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, readFixture } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'credstack-input-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `value` as JSON into the test's folder and returns its path. */
function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const GIA = 'fixtures/gia-badge-pathway.json';
const typo = { id: 'w1', credential: 'badge-data-litracy', earned: '2026-05-01' };
const clash = { id: 'g1', credential: 'badge-data-literacy', earned: '2026-05-01' };

describe('what-if errors name the what-if file and its own JSON path', () => {
  it.each([
    ['an array', (award: unknown) => [award], '$[0]'],
    ['{ "awards": [...] }', (award: unknown) => ({ awards: [award] }), '$.awards[0]'],
  ])('a what-if file written as %s', async (_, shape, at) => {
    for (const command of [
      ['audit', GIA, '--program', 'digital-bronze'],
      ['plan', GIA, '--target', 'digital-bronze'],
    ]) {
      const unknown = file('typo.json', shape(typo));
      const run = await cli([...command, '--what-if', unknown]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: ${unknown} ${at}.credential: expected the id of a catalog credential, got "badge-data-litracy" [unknown-reference]\n`,
      );
      const duplicate = file('clash.json', shape(clash));
      const again = await cli([...command, '--what-if', duplicate]);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(
        `error: ${duplicate} ${at}.id: expected an award id not already on the transcript, got "g1" [duplicate-id]\n`,
      );
    }
  });

  it("a transcript's own stray field named like an option is the transcript's error, not the option's", async () => {
    // A transcript is a strict object: "programs" and "target" are not its fields.
    const stray = file('stray.json', {
      ...(readFixture('gia-badge-pathway.json') as object),
      programs: ['x'],
      target: 'y',
    });
    for (const command of [
      ['audit', stray, '--program', 'digital-bronze'],
      ['plan', stray, '--target', 'digital-bronze'],
    ]) {
      const run = await cli(command);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^error: ${stray} \\$\\.(programs|target): expected no field`));
    }
  });

  it('a what-if award of the wrong shape is named at its field, not as "one of the allowed shapes"', async () => {
    const bad = file('shape.json', { awards: [{ ...clash, id: 'w1', status: 'done' }] });
    const run = await cli(['audit', GIA, '--program', 'digital-bronze', '--what-if', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${bad} $.awards[0].status: expected one of completed, in-progress, planned, got "done" [invalid-shape]\n`,
    );
  });
});

describe('a command-line option value is named by its option, not as a place in the transcript', () => {
  it.each([
    [['audit', GIA, '--program', 'digital-bronze', '--program', 'nope'], '--program', 'the id of a catalog program'],
    [['plan', GIA, '--target', 'nope'], '--target', 'the id of a catalog program'],
    [['explain', GIA, '--award', 'nope'], '--award', 'the id of an award on the transcript'],
    [['explain', GIA, '--award', 'g1', '--program', 'nope'], '--program', 'the id of a catalog program'],
  ])('%j', async (args, option, expected) => {
    const run = await cli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${option}: expected ${expected}, got "nope" [unknown-reference]\n`);
  });
});

describe('batch --program with an id the catalog does not have', () => {
  it('is one error before any record, not an error record per transcript', async () => {
    const ndjson = `${JSON.stringify(readFixture('gia-badge-pathway.json'))}\n`.repeat(3);
    const run = await cli(['batch', '-', '--program', 'digital-bronze', '--program', 'nope', '--workers', '1'], {
      stdin: ndjson,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: --program: expected the id of a catalog program, got "nope" [unknown-reference]\n');
  });
});

describe('counts and help say what they mean', () => {
  it('batch counts one record and one error in the singular', async () => {
    const run = await cli(['batch', '-', '--program', 'digital-bronze', '--workers', '1'], { stdin: '{}\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^batch: 1 record in .*incomplete audits; 1 error; peak memory/m);
  });

  it('schema --help names the outputs of every schema it writes', async () => {
    const run = await cli(['schema', '--help']);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('and of the audit, plan, list and explain outputs');
  });
});
