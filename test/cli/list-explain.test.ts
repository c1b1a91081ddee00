import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { listCatalog } from '../../src/catalog/list-catalog.js';
import { builtCli, ROOT, shippedCatalog } from '../helpers.js';

/** Runs the built CLI as a process, as a user would. */
function run(...args: string[]) {
  const child = spawnSync(process.execPath, [builtCli(), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CREDSTACK_TODAY: '2026-05-15' },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('listCatalog', () => {
  it('programs once each with their catalog years, credentials with credits in a stated unit, in id order', () => {
    const listing = listCatalog(shippedCatalog());
    expect(listing.programs.map((p) => p.id)).toEqual([
      'aas-it',
      'bs-data-science',
      'cert-cloud-security',
      'cert-data-analytics',
      'cert-data-engineering',
      'cert-project-leadership',
      'digital-bronze',
      'digital-gold',
      'digital-silver',
      'minor-business-analytics',
    ]);
    expect(listing.programs[1]).toEqual({
      id: 'bs-data-science',
      title: 'Bachelor of Science in Data Science',
      kind: 'degree',
      versions: [{ from: '2022-08-01', to: '2025-07-31' }, { from: '2025-08-01' }],
    });
    expect(listing.programs.find((p) => p.id === 'digital-gold')!.versions).toEqual([{}]);
    expect(listing.credentials.find((c) => c.id === 'mc-sql')).toEqual({
      id: 'mc-sql',
      title: 'SQL for Analysts',
      kind: 'micro-credential',
      credits: { value: 2, unit: 'semester' },
    });
    expect(listing.credentials).toHaveLength(shippedCatalog().credentials.length);
  });
});

describe('credstack list and credstack explain (the built CLI)', () => {
  it('list programs: a table of ids, kinds, titles and catalog years', () => {
    const out = run('list', 'programs');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('Programs (10):');
    expect(lines).toContain(
      '  bs-data-science           degree       Bachelor of Science in Data Science (catalog years: 2022-08-01 to 2025-07-31; from 2025-08-01)',
    );
    expect(lines).toContain('  digital-gold              badge        Digital Skills: Gold');
    expect(out.stdout).not.toContain('Credentials');
  });

  it('list credentials --format json: only the credentials; list with neither: both', () => {
    const json = JSON.parse(run('list', 'credentials', '--format', 'json').stdout);
    expect(Object.keys(json)).toEqual(['credentials']);
    expect(json.credentials.find((c: { id: string }) => c.id === 'CSCI-110')).toEqual({
      id: 'CSCI-110',
      title: 'Programming I',
      kind: 'course',
      code: 'CSCI 110',
      credits: { value: 3, unit: 'semester' },
    });
    const text = run('list').stdout;
    expect(text).toContain('Programs (10):');
    expect(text).toContain('\n\nCredentials (68):\n');
    expect(text).toContain('  CSCI-110 ');
  });

  it('list something else is a usage error in one line', () => {
    const out = run('list', 'rules');
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(
      "value 'rules' is invalid for argument 'what'. Allowed choices are programs, credentials.",
    );
  });

  it('explain --award: where it counts and where not, in text and JSON', () => {
    const text = run('explain', 'fixtures/ada-bs-complete.json', '--award', 'a21');
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toContain(
      'Award a21: SQL for Analysts (mc-sql), as of 2026-05-15\n\nCounts toward:\n  Data Analytics Certificate (cert-data-analytics, complete): SQL for Analysts (sql): 2 credits\n',
    );
    expect(text.stdout).toContain(
      '  Data Engineering Certificate (cert-data-engineering, complete): Data Analytics Certificate (analytics): as part of Data Analytics Certificate (cert-data-analytics), which counts there (6 credits)\n    - cert-data-analytics is complete: its 4 awards count here\n',
    );
    expect(text.stdout).toContain(
      'Does not count toward:\n  Cloud Security Certificate (cert-cloud-security, not yet complete): does not match any requirement\n',
    );
    const json = JSON.parse(
      run(
        'explain',
        'fixtures/gia-badge-pathway.json',
        '--award',
        'g5',
        '--program',
        'digital-gold',
        '--format',
        'json',
      ).stdout,
    );
    expect(json).toEqual({
      award: { id: 'g5', credential: 'badge-content-creation', title: 'Digital Content Creation' },
      asOf: '2026-05-15',
      programs: [
        {
          program: 'digital-gold',
          title: 'Digital Skills: Gold',
          status: 'incomplete',
          counts: 'unused',
          places: [],
          reasons: [{ code: 'expired', on: '2025-11-01', message: 'expired on 2025-11-01' }],
          explanations: [],
        },
      ],
    });
  });

  it.each([
    [['--award', 'zz'], 'error: --award: expected the id of an award on the transcript, got "zz" [unknown-reference]'],
    [
      ['--award', 'a21', '--program', 'nope'],
      'error: --program: expected the id of a catalog program, got "nope" [unknown-reference]',
    ],
  ])('explain %j: one line, exit 1, no stack trace', (args, line) => {
    const out = run('explain', 'fixtures/ada-bs-complete.json', ...args);
    expect(out).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
  });

  it('explain without --award is a usage error', () => {
    const out = run('explain', 'fixtures/ada-bs-complete.json');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("error: required option '--award <id>' not specified (run with --help for usage)\n");
  });
});
