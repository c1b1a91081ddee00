import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/io/read-catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { formatPath, type Issue } from '../../src/model/issue.js';
import { cli, fixture, ROOT } from '../helpers.js';

const problems = (name: string): Issue[] => {
  const result = readCatalog(fixture(`broken-catalogs/${name}`));
  if (result.ok) throw new Error(`${name} should not load`);
  return [...result.issues];
};
const at = (issues: Issue[]) => issues.map((i) => `${i.code} ${formatPath(i.path)}`);

describe('catalog validation', () => {
  it('accepts the shipped catalog', async () => {
    const run = await cli(['validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Riverbend University: \d+ credentials, 10 programs \(11 versions\), \d+ credit rules/);
  });

  it('reports a cycle among programs with its path', () => {
    const issues = problems('cycle.json');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'program-cycle',
      received: 'p-a → p-b → p-c → p-a',
      path: ['programs', 0, 'requirements'],
    });
  });

  it('reports duplicate ids', () => {
    expect(at(problems('duplicate-id.json'))).toEqual(['duplicate-id $.credentials[1].id']);
  });

  it('reports every unknown reference at once', () => {
    expect(at(problems('unknown-reference.json'))).toEqual([
      'unknown-reference $.credentials[0].prerequisites[0]',
      'unknown-reference $.programs[0].requirements.all[0].credential',
      'unknown-reference $.programs[0].requirements.all[1].program',
    ]);
  });

  it('reports unknown operators and facts before anything runs', () => {
    expect(at(problems('unknown-operator.json'))).toEqual([
      'unknown-operator $.programs[0].requirements.where.all[0].operator',
      'unknown-fact $.programs[0].requirements.where.all[1].fact',
    ]);
  });

  it('reports negative credits and impossible dates', () => {
    expect(problems('negative-credits.json')[0]).toMatchObject({
      code: 'invalid-shape',
      path: ['credentials', 0, 'credits', 'value'],
      received: '-3',
    });
    expect(problems('bad-date.json')[0]).toMatchObject({
      code: 'invalid-date',
      path: ['programs', 0, 'effective', 'from'],
      received: '"2025-02-30"',
    });
  });

  it('reports malformed JSON with line and column', () => {
    const [issue] = problems('malformed.json');
    expect(issue).toMatchObject({ code: 'malformed-json', file: fixture('broken-catalogs/malformed.json') });
    expect(issue?.expected).toMatch(/line 5, column 3/);
  });

  it.each([
    'cycle.json',
    'duplicate-id.json',
    'unknown-reference.json',
    'unknown-operator.json',
    'negative-credits.json',
    'bad-date.json',
    'malformed.json',
  ])('credstack validate %s exits 1 naming file and path, without a stack trace', async (name) => {
    const run = await cli(['validate', `fixtures/broken-catalogs/${name}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`fixtures/broken-catalogs/${name}`);
    expect(run.stderr).toMatch(/^error: .*\$|^error: .*line \d+, column \d+/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks operands, grades, units and caps', () => {
    const result = loadCatalog([
      {
        file: 'inline.json',
        json: {
          institution: { id: 'x', name: 'X' },
          settings: { gradeScale: { A: 4, C: 2 } },
          credentials: [{ id: 'c', kind: 'course', title: 'C', credits: { value: 3, unit: 'furlongs' } }],
          programs: [
            {
              id: 'p',
              kind: 'certificate',
              title: 'P',
              policy: { minGrade: 'B' },
              requirements: {
                all: [
                  {
                    where: {
                      all: [
                        { fact: 'number', operator: 'greaterThan', value: '300' },
                        { fact: 'grade', operator: 'gradeAtLeast', value: 'Z' },
                      ],
                    },
                    count: 1,
                  },
                  {
                    where: { any: [{ fact: 'earned', operator: 'earnedWithin', value: { decades: 1 } }] },
                    credits: 9,
                    maxCredits: 6,
                  },
                ],
              },
            },
          ],
        },
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(at([...result.issues])).toEqual([
      'unknown-reference $.credentials[0].credits.unit',
      'unknown-reference $.programs[0].policy.minGrade',
      'invalid-operand $.programs[0].requirements.all[0].where.all[0].value',
      'invalid-operand $.programs[0].requirements.all[0].where.all[1].value',
      'invalid-operand $.programs[0].requirements.all[1].where.any[0].value',
      'never-completable $.programs[0].requirements.all[1].credits',
    ]);
  });

  it('merges a catalog folder and names the file of each problem', () => {
    const result = loadCatalog([
      {
        file: 'a.json',
        json: { institution: { id: 'x', name: 'X' }, credentials: [{ id: 'c', kind: 'course', title: 'C' }] },
      },
      { file: 'b.json', json: { credentials: [{ id: 'c', kind: 'badge', title: 'C again' }] } },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({ file: 'b.json', path: ['credentials', 0, 'id'], code: 'duplicate-id' });
  });

  it('knows where the repository root is', () => {
    expect(ROOT).toMatch(/main$|credstack|\w+$/);
  });
});

describe('unit conversions', () => {
  const withFactor = (factor: unknown) =>
    loadCatalog([
      {
        file: 'inline.json',
        json: { institution: { id: 'x', name: 'X' }, settings: { conversions: { quarter: factor } } },
      },
    ]);

  it('takes positive numbers and fractions', () => {
    for (const factor of ['2/3', '0.5', '1', '10/4', 0.25]) expect(withFactor(factor).ok).toBe(true);
  });

  it('refuses a zero factor, whichever way it is written', () => {
    for (const factor of ['0', '0.0', '00', '0/3', '0.00/2', 0]) {
      const result = withFactor(factor);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(at([...result.issues])).toEqual(['invalid-shape $.settings.conversions.quarter']);
    }
  });
});
