import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

describe('credstack audit', () => {
  it('prints an advisor-readable tree, without colour when piped', async () => {
    const run = await cli(['audit', 'fixtures/ben-stacking-certificates.json', '--program', 'cert-data-engineering']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Data Engineering Certificate (cert-data-engineering): IN-PROGRESS, 12/12 semester credits',
    );
    expect(run.stdout).toContain('◐ Cloud Data Engineering 1/1  ← Cloud Data Engineering (DATA-330) (in progress)');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours a terminal unless NO_COLOR is set', async () => {
    const { runCli } = await import('../../src/cli/main.js');
    let out = '';
    const io = {
      stdout: { write: (s: string) => (out += s), isTTY: true },
      stderr: { write: () => true },
      stdin: process.stdin,
      env: {},
      cwd: process.cwd(),
    };
    await runCli(['audit', fixture('gia-badge-pathway.json'), '--program', 'digital-bronze'], io);
    expect(out).toContain('\u001b[32m✓');
    out = '';
    await runCli(['audit', fixture('gia-badge-pathway.json'), '--program', 'digital-bronze'], {
      ...io,
      env: { NO_COLOR: '1' },
    });
    expect(out).not.toContain('\u001b[');
  });

  it('prints { learner, asOf, audits } as JSON, one audit per program', async () => {
    const run = await cli([
      'audit',
      'fixtures/dev-aas-prior-learning.json',
      '--program',
      'aas-it',
      '--program',
      'cert-cloud-security',
      '--format',
      'json',
    ]);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['learner', 'asOf', 'audits']);
    expect(report.audits.map((a: { program: string; status: string }) => [a.program, a.status])).toEqual([
      ['aas-it', 'incomplete'],
      ['cert-cloud-security', 'complete'],
    ]);
  });

  it('audits every program with --all (and when no program is named)', async () => {
    const all = JSON.parse((await cli(['audit', 'fixtures/ada-bs-complete.json', '--all', '--format', 'json'])).stdout);
    expect(all.audits).toHaveLength(10);
    const implicit = JSON.parse((await cli(['audit', 'fixtures/ada-bs-complete.json', '--format', 'json'])).stdout);
    expect(implicit).toEqual(all);
  });

  it('--terms: the page plans what remains term by term (a term start the catalog lacks is one line)', async () => {
    const args = [
      'audit',
      'fixtures/maya-2025-first-year.json',
      '--program',
      'cert-data-analytics',
      '--format',
      'html',
    ];
    const page = await cli([...args, '--terms', '2026-fall:3']);
    expect(page.code).toBe(0);
    // 6 credits of micro-credentials, at most 3 a term: two terms, each step a term.
    const text = page.stdout.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('in the shortest plan, 2 terms of up to 3 credits.');
    expect(text).toContain('2026-fall · 3 credits');
    expect(text).toContain('2027-spring · 3 credits');
    const bad = await cli([...args, '--terms', '2026-winter']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('terms.start');
  });

  it('reads a transcript from standard input, and takes --as-of', async () => {
    const text = readFileSync(fixture('jon-first-term.json'), 'utf8');
    const run = await cli(
      ['audit', '-', '--program', 'cert-cloud-security', '--as-of', '2026-03-01', '--format', 'json'],
      { stdin: text },
    );
    expect(JSON.parse(run.stdout).asOf).toBe('2026-03-01');
  });

  it('exits 1 with the file and JSON path of an invalid transcript, and no stack trace', async () => {
    const run = await cli(['audit', '-', '--program', 'aas-it'], {
      stdin: JSON.stringify({
        learner: { id: 'x' },
        asOf: '2026-01-01',
        awards: [
          { id: 'a', credential: 'NOPE-1' },
          { id: 'b', credential: 'CSCI-110', earned: '2025-02-31' },
        ],
      }),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error: <stdin> $.awards[1].earned: expected a real calendar date written YYYY-MM-DD, got "2025-02-31" [invalid-date]',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names unknown credentials, programs and exception targets', async () => {
    const transcript = JSON.stringify({
      learner: { id: 'x' },
      asOf: '2026-01-01',
      awards: [{ id: 'a', credential: 'NOPE-1' }],
      exceptions: [{ type: 'waive', program: 'aas-it', requirement: 'nope', reason: 'r' }],
    });
    const run = await cli(['audit', '-', '--program', 'aas-it', '--program', 'no-such-program'], { stdin: transcript });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: --program: expected the id of a catalog program, got "no-such-program"');
    expect(run.stderr).toContain('$.awards[0].credential: expected the id of a catalog credential, got "NOPE-1"');
    expect(run.stderr).toContain('$.exceptions[0].requirement: expected a requirement id of aas-it');
  });

  it('reports malformed JSON with its line', async () => {
    const run = await cli(['audit', '-'], { stdin: '{ "learner": { "id": "x" },\n  "awards": [ }' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('<stdin>: expected well-formed JSON at line 2, column 15');
  });
});
