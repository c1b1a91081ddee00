import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit } from '../../src/audit/audit-result.js';
import type { Catalog } from '../../src/model/catalog.js';
import { reasonText } from '../../src/report/reason-text.js';
import { loadTestCatalog, requirement, testCatalog } from '../helpers.js';

const course = (id: string, credits: number, tags: string[] = []) => ({
  id,
  kind: 'course',
  title: id,
  credits: { value: credits, unit: 'semester' },
  tags,
});
const tagged = (tag: string) => ({ fact: 'tags', operator: 'contains', value: tag });
const credentials = [
  course('ECON-201', 3),
  course('ECON-384', 3, ['econ']),
  course('ECON-385', 3, ['econ']),
  course('ECON-390', 3, ['econ']),
  course('E1', 2, ['el']),
  course('E2', 2, ['el']),
  course('E3', 4, ['el']),
  course('E4', 2, ['el']),
];
const programs = [
  {
    id: 'econ-minor',
    kind: 'certificate',
    title: 'Economics minor',
    policy: {
      limits: [
        {
          id: 'one-of-384-385',
          label: 'At most one of ECON 384 / 385',
          where: { fact: 'id', operator: 'in', value: ['ECON-384', 'ECON-385'] },
          maxCount: 1,
        },
      ],
    },
    requirements: {
      all: [
        { id: 'core', credential: 'ECON-201' },
        { id: 'electives', where: tagged('econ'), credits: 6 },
      ],
    },
  },
  {
    id: 'cert',
    kind: 'certificate',
    title: 'Certificate',
    requirements: { all: [{ id: 'electives', where: tagged('el'), credits: 6, maxCount: 2 }] },
  },
];
const catalog: Catalog = testCatalog({ credentials, programs, gradeScale: { A: 4, F: 0 } });
function auditOf(program: string, held: string[]): ProgramAudit {
  const result = audit(
    catalog,
    {
      learner: { id: 's' },
      asOf: '2026-05-01',
      awards: held.map((credential, i) => ({ id: `a${i}`, credential, earned: `2025-0${i + 1}-01`, grade: 'A' })),
    },
    { programs: [program] },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}

describe('a policy limit by count: at most one of ECON 384 / 385 anywhere', () => {
  it('the second of the pair counts nowhere: 3 of 6 elective credits', () => {
    const minor = auditOf('econ-minor', ['ECON-201', 'ECON-384', 'ECON-385']);
    expect(minor.status).toBe('incomplete');
    expect(requirement(minor, 'electives')).toMatchObject({ have: { credits: 3 }, need: { credits: 6 } });
    expect(requirement(minor, 'electives').applied.map((a) => a.award)).toEqual(['a1']);
    expect(minor.unused.map((u) => [u.award, u.reasons.map(reasonText)])).toEqual([
      ['a2', ['over a cap: none of its credits count (limit one-of-384-385)']],
    ]);
    expect(minor.policies).toContainEqual({
      id: 'one-of-384-385',
      label: 'At most one of ECON 384 / 385',
      have: 3,
      maxCount: 1,
      count: 1,
    });
  });

  it('with ECON 390 the pair gives one course and 390 the other: 3 + 3 = 6, complete', () => {
    const minor = auditOf('econ-minor', ['ECON-201', 'ECON-384', 'ECON-385', 'ECON-390']);
    expect(minor.status).toBe('complete');
    expect(requirement(minor, 'electives').applied.map((a) => a.award)).toEqual(['a1', 'a3']);
  });
});

describe('a node maxCount: at most two courses count toward the electives', () => {
  it('three 2-credit courses: only two count, 4 of 6 (without the cap 2 + 2 + 2 would meet it)', () => {
    const cert = auditOf('cert', ['E1', 'E2', 'E4']);
    expect(cert.status).toBe('incomplete');
    expect(requirement(cert, 'electives')).toMatchObject({ have: { credits: 4 }, need: { credits: 6 } });
    expect(requirement(cert, 'electives').applied).toHaveLength(2);
  });

  it('a 4-credit course makes two courses enough: E3 and a 2-credit one, 6 of 6 (greedy in record order would take E1 and E2 first)', () => {
    const cert = auditOf('cert', ['E1', 'E2', 'E3']);
    expect(cert.status).toBe('complete');
    expect(requirement(cert, 'electives').applied.map((a) => a.award)).toEqual(['a0', 'a2']);
  });

  it('a count requirement over a smaller maxCount is a catalog error', () => {
    const result = loadTestCatalog({
      credentials,
      programs: [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          requirements: { maxCount: 1, all: [{ where: tagged('el'), count: 2 }] },
        },
      ],
      gradeScale: { A: 4 },
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['never-completable', 'programs.0.requirements.all.0.count'],
    ]);
  });

  it('a limit needs maxCredits or maxCount', () => {
    const result = loadTestCatalog({
      credentials,
      programs: [{ ...programs[0], policy: { limits: [{ id: 'l', where: tagged('econ') }] } }],
      gradeScale: { A: 4 },
    });
    expect(result.ok ? [] : result.issues.map((i) => i.expected)).toEqual([
      'a limit with "maxCredits", "maxCount" or both',
    ]);
  });
});
