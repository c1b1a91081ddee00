import { loadTestCatalog, testCatalog, testCourse } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { Catalog } from '../../src/model/catalog.js';

const course = (id: string) => testCourse(id);
function catalogWith(gpa: Record<string, unknown>): Catalog {
  return testCatalog({
    credentials: ['A', 'B', 'C', 'D'].map(course),
    programs: [
      {
        id: 'p',
        kind: 'certificate',
        title: 'P',
        policy: gpa,
        requirements: { all: [{ credential: 'A' }, { credential: 'B' }] },
      },
    ],
    gradeScale: { A: 4, B: 3, C: 2, D: 1, F: 0 },
  });
}
const awards = (grades: [string, string][]) => ({
  learner: { id: 's' },
  asOf: '2026-05-01',
  awards: grades.map(([credential, grade], i) => ({ id: `a${i}`, credential, grade, earned: '2025-05-01' })),
});
const gpaOf = (catalog: Catalog, grades: [string, string][]) => {
  const result = audit(catalog, awards(grades), { programs: ['p'] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const program = result.value.audits[0]!;
  return { status: program.status, gpa: program.policies.find((p) => p.id === 'min-gpa') };
};

describe('GPA over every graded course', () => {
  const allGraded = catalogWith({ gpa: { min: 2, over: 'all-graded' } });
  const applied = catalogWith({ gpa: { min: 2 } });

  it('counts failing grades the audit applies nowhere: (4·3 + 2·3 + 0·3) / 9 = 2.0 meets 2.0', () => {
    expect(
      gpaOf(allGraded, [
        ['A', 'A'],
        ['B', 'C'],
        ['C', 'F'],
      ]),
    ).toMatchObject({ status: 'complete', gpa: { status: 'complete', need: 2, have: 2 } });
  });

  it('is the one policy where adding an award can make an audit worse: a second F gives 18 / 12 = 1.5', () => {
    expect(
      gpaOf(allGraded, [
        ['A', 'A'],
        ['B', 'C'],
        ['C', 'F'],
        ['D', 'F'],
      ]),
    ).toMatchObject({ status: 'incomplete', gpa: { status: 'incomplete', have: 1.5 } });
  });

  it('over the applied items (the default) the same F does not count: 18 / 6 = 3.0', () => {
    expect(
      gpaOf(applied, [
        ['A', 'A'],
        ['B', 'C'],
        ['C', 'F'],
        ['D', 'F'],
      ]),
    ).toMatchObject({ status: 'complete', gpa: { have: 3 } });
  });

  it('with no graded credit the GPA is undefined and the check is met', () => {
    const result = audit(
      allGraded,
      { learner: { id: 's' }, asOf: '2026-05-01', awards: [{ id: 'x', credential: 'A' }] },
      { programs: ['p'] },
    );
    expect(result.ok && result.value.audits[0]!.policies.find((p) => p.id === 'min-gpa')).toMatchObject({
      status: 'complete',
      have: null,
    });
  });

  it('minGpa and gpa together are a catalog error', () => {
    const result = loadTestCatalog({
      credentials: [course('A')],
      programs: [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { minGpa: 2, gpa: { min: 2 } },
          requirements: { credential: 'A' },
        },
      ],
      gradeScale: { A: 4 },
      file: 'gpa.json',
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-shape', 'programs.0.policy.gpa'],
    ]);
  });
});
