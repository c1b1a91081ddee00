import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Issue, Result } from '../../src/model/issue.js';
import { plan } from '../../src/pathways/plan.js';
import { whatIf } from '../../src/pathways/what-if.js';
import { shippedCatalog } from '../helpers.js';

const catalog = shippedCatalog();
const transcript = {
  learner: { id: 'l' },
  asOf: '2026-05-15',
  awards: [{ id: 'a1', credential: 'DATA-101', grade: 'A', earned: '2025-12-15' }],
};
const issuesOf = (run: () => Result<unknown>): readonly Issue[] => {
  const result = run();
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};
const planIssues = async (run: () => Promise<Result<unknown>>): Promise<readonly Issue[]> => {
  const result = await run();
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};
const where = (issues: readonly Issue[]) => issues.map((i) => `${i.code} ${i.path.join('.')}`);

describe('library options are validated into the Result', () => {
  it.each([
    [{ programs: ['cert-data-analytics'], asOf: '2026-02-30' }, 'invalid-date asOf'],
    [{ programs: ['cert-data-analytics'], defaultAsOf: '2026-13-01' }, 'invalid-date defaultAsOf'],
    [{ programs: 'cert-data-analytics' }, 'invalid-shape programs'],
    [{ programs: [5] }, 'invalid-shape programs.0'],
    [{ programs: ['cert-data-analytics'], all: 'yes' }, 'invalid-shape all'],
    [{ programs: ['cert-data-analytics'], budget: -5 }, 'invalid-shape budget'],
    [{ programs: ['cert-data-analytics'], budget: 1.5 }, 'invalid-shape budget'],
    [{ programs: ['cert-data-analytics'], includePlanned: 1 }, 'invalid-shape includePlanned'],
    [{ programs: ['cert-data-analytics'], asof: '2026-05-15' }, 'invalid-shape asof'],
    [{ programs: ['no-such-program'] }, 'unknown-reference programs.0'],
  ])('audit with %j: %s', (options, expected) => {
    expect(where(issuesOf(() => audit(catalog, transcript, options as never)))).toEqual([expected]);
  });

  it('an impossible audit date is an issue, not a RangeError thrown from inside (any program, with a recency window)', () => {
    expect(() => audit(catalog, transcript, { all: true, asOf: '2026-02-30' })).not.toThrow();
    expect(issuesOf(() => audit(catalog, transcript, { all: true, asOf: '2026-02-30' }))[0]).toMatchObject({
      code: 'invalid-date',
      path: ['asOf'],
      expected: 'a real calendar date written YYYY-MM-DD in the options',
      received: '"2026-02-30"',
    });
  });

  it.each([
    [{ target: 'cert-data-analytics', asOf: '2026-02-30' }, 'invalid-date asOf'],
    [{ target: 5 }, 'invalid-shape target'],
    [{ target: 'cert-data-analytics', budget: 0 }, 'invalid-shape budget'],
    [{ target: 'cert-data-analytics', alternatives: -1 }, 'invalid-shape alternatives'],
    [{ target: 'cert-data-analytics', planned: {} }, 'invalid-shape planned'],
    [{ target: 'cert-data-analytics', planned: [{ id: 'a1', credential: 'DATA-210' }] }, 'duplicate-id planned.0.id'],
    [{ target: 'no-such-program' }, 'unknown-reference target'],
    [{ target: 'cert-data-analytics', timeLimit: 0 }, 'invalid-shape timeLimit'],
  ])('plan with %j: %s', async (options, expected) => {
    expect(where(await planIssues(() => plan(catalog, transcript, options as never)))).toEqual([expected]);
  });

  it('whatIf: its options and its planned awards', () => {
    expect(
      where(issuesOf(() => whatIf(catalog, transcript, [], { programs: ['cert-data-analytics'], asOf: '2026-02-30' }))),
    ).toEqual(['invalid-date asOf']);
    expect(
      where(issuesOf(() => whatIf(catalog, transcript, {} as never, { programs: ['cert-data-analytics'] }))),
    ).toEqual(['invalid-shape whatIf']);
    expect(
      where(
        issuesOf(() =>
          whatIf(catalog, transcript, [{ id: 'w', credential: 'DATA-210', earned: '2026-02-30' }], {
            programs: ['cert-data-analytics'],
          }),
        ),
      ),
    ).toEqual(['invalid-date whatIf.0.earned']);
  });

  it('a value JSON cannot hold (a function) is described in the issue, not a crash', () => {
    expect(
      issuesOf(() => audit(catalog, { ...transcript, learner: { id: () => 'l' } } as never, { all: true }))[0],
    ).toMatchObject({ path: ['learner', 'id'], received: expect.stringContaining('=>') });
  });
});

describe('a grade the catalog does not know is an error with its path', () => {
  const graded = (grade: string) => ({
    ...transcript,
    awards: [...transcript.awards, { id: 'a2', credential: 'DATA-210', grade, earned: '2026-01-10' }],
  });

  it('"Z" is an error at awards[1].grade for audit and plan alike', async () => {
    const expected = {
      code: 'unknown-reference',
      path: ['awards', 1, 'grade'],
      received: '"Z"',
      expected: expect.stringMatching(/^a grade of the catalog's grade scale \(A, A-, .*\)$/),
    };
    expect(issuesOf(() => audit(catalog, graded('Z'), { programs: ['cert-data-analytics'] }))).toEqual([
      expect.objectContaining(expected),
    ]);
    expect(await planIssues(() => plan(catalog, graded('Z'), { target: 'cert-data-analytics' }))).toEqual([
      expect.objectContaining(expected),
    ]);
  });

  it('grades of the scale, pass/fail ones included, are taken; a catalog without a scale takes no grade', () => {
    expect(audit(catalog, graded('P'), { programs: ['cert-data-analytics'] }).ok).toBe(true);
    const bare = loadCatalog([
      {
        file: 'bare.json',
        json: {
          institution: { id: 'x', name: 'X' },
          credentials: [{ id: 'c', kind: 'course', title: 'C' }],
          programs: [{ id: 'p', kind: 'certificate', title: 'P', requirements: { credential: 'c' } }],
        },
      },
    ]);
    if (!bare.ok) throw new Error('bare catalog');
    const result = audit(
      bare.value,
      { learner: { id: 'l' }, asOf: '2026-05-15', awards: [{ id: 'a', credential: 'c', grade: 'A' }] },
      { programs: ['p'] },
    );
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({
        code: 'unknown-reference',
        path: ['awards', 0, 'grade'],
        expected: 'no grade: the catalog has no grade scale',
      }),
    ]);
  });

  it('plan proposes a course with the best grade of the scale, whatever it is called', async () => {
    const json = {
      institution: { id: 'x', name: 'X' },
      settings: { gradeScale: { HD: 7, D: 6, P: 4 } },
      credentials: [{ id: 'c', kind: 'course', title: 'C', credits: { value: 3 } }],
      programs: [
        { id: 'p', kind: 'certificate', title: 'P', policy: { minGrade: 'D' }, requirements: { credential: 'c' } },
      ],
    };
    const scaled = loadCatalog([{ file: 'scaled.json', json }]);
    if (!scaled.ok) throw new Error('scaled catalog');
    const result = await plan(scaled.value, { learner: { id: 'l' }, asOf: '2026-05-15', awards: [] }, { target: 'p' });
    expect(result.ok && result.value.best).toMatchObject({ credentials: ['c'], proven: true });
  });
});
