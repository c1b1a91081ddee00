import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

/**
 * `credstack audit` on the shipped catalog's two versions of the BS in Data Science: Priya entered
 * in 2023 (the 2022 version) and declares the BS and the Data Analytics Certificate. Figures as
 * worked out in test/audit/catalog-constructs.test.ts.
 */
const PRIYA = 'fixtures/priya-catalog-what-if.json';

describe('credstack audit: catalog years and declared programs', () => {
  it('without --program audits the programs the learner declares, the BS in its 2022 version', async () => {
    const run = await cli(['audit', PRIYA, '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout);
    expect(report.audits).toMatchObject([
      { program: 'bs-data-science', status: 'incomplete', version: { from: '2022-08-01', to: '2025-07-31' } },
      { program: 'cert-data-analytics', status: 'incomplete' },
    ]);
    expect(report.audits).toHaveLength(2);
  });

  it('--catalog-date audits another catalog year (a what-if): the 2025 version, its GPA over every graded course', async () => {
    const json = await cli(['audit', PRIYA, '--catalog-date', '2025-08-01', '--format', 'json']);
    const bs = JSON.parse(json.stdout).audits[0];
    expect(bs).toMatchObject({ program: 'bs-data-science', version: { from: '2025-08-01' } });
    expect(bs.version).not.toHaveProperty('to');
    const text = (await cli(['audit', PRIYA, '--catalog-date', '2025-08-01'])).stdout;
    expect(text).toContain('✓ Data Ethics (DATA-350) 1/1  ← DATA-350');
    expect(text).toContain('✗ Major electives 3 cr/9 cr  ← Databases (DATA-320)');
    expect(text).toContain('– Statistics emphasis');
    expect(text).toContain('✓ Grade point average (every graded course) 3.14/2');
    expect(text).toContain('• Credit earned before matriculation: 6 of at most 60 credits count');
    const own = (await cli(['audit', PRIYA])).stdout;
    expect(own).toContain('✗ Major electives 6 cr/12 cr  ← Data Ethics (DATA-350), Databases (DATA-320)');
    expect(own).toContain('✓ Grade point average 3.35/2');
  });

  it('a --catalog-date that is not a calendar date is a usage error in one line', async () => {
    const run = await cli(['audit', PRIYA, '--catalog-date', '2025-02-30']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      "error: option '--catalog-date <date>' argument '2025-02-30' is invalid. expected a real date written YYYY-MM-DD (run with --help for usage)",
    ]);
  });

  it('the README quick start: Ada, who entered in 2022, completes the 2022 BS', async () => {
    const run = await cli(['audit', 'fixtures/ada-bs-complete.json', '--program', 'bs-data-science']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Bachelor of Science in Data Science (bs-data-science) [catalog 2022-08-01 to 2025-07-31]: COMPLETE, 127/120 semester credits',
    );
  });
});
