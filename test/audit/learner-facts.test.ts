import { loadTestCatalog, testCatalog, testCourse } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit, RequirementResult } from '../../src/audit/audit-result.js';
import type { Catalog } from '../../src/model/catalog.js';

const course = (id: string, extra: Record<string, unknown> = {}) =>
  testCourse(id, { code: id.replace('-', ' '), subject: id.split('-')[0], ...extra });
const declares = (id: string) => ({ fact: 'declared', operator: 'contains', value: id });
const credentials = [
  course('MATH-1'),
  course('MATH-2'),
  course('STAT-1', { tags: ['stats'] }),
  course('HON-1'),
  course('CS-1'),
];
const programs = [
  {
    id: 'bs',
    kind: 'degree',
    title: 'BS',
    requirements: {
      all: [
        { id: 'core', credential: 'MATH-1' },
        {
          id: 'emphasis-stats',
          label: 'Statistics emphasis',
          when: declares('emphasis-stats'),
          where: { fact: 'tags', operator: 'contains', value: 'stats' },
          count: 1,
        },
        { id: 'honors', when: { fact: 'learnerTags', operator: 'contains', value: 'honors' }, credential: 'HON-1' },
        {
          id: 'both',
          any: [
            { credential: 'MATH-2' },
            { id: 'new-cs', when: { fact: 'entered', operator: 'after', value: '2025-01-01' }, credential: 'CS-1' },
          ],
          need: 2,
        },
      ],
    },
  },
  {
    id: 'since-entry',
    kind: 'certificate',
    title: 'Math since entry',
    requirements: {
      id: 'since',
      where: {
        all: [
          { fact: 'subject', operator: 'equal', value: 'MATH' },
          { fact: 'earned', operator: 'after', value: { fact: 'entered' } },
        ],
      },
      count: 2,
    },
  },
  {
    id: 'fall-terms',
    kind: 'certificate',
    title: 'Fall work',
    requirements: { id: 'fall', where: { fact: 'term', operator: 'matches', value: '*-FA' }, count: 2 },
  },
];

const catalog: Catalog = testCatalog({ credentials, programs, gradeScale: { A: 4, B: 3, C: 2, F: 0 } });

type AwardSpec = [id: string, credential: string, earned: string, term?: string];
function auditOf(program: string, learner: Record<string, unknown>, awards: AwardSpec[]): ProgramAudit {
  const result = audit(
    catalog,
    {
      learner: { id: 's', ...learner },
      asOf: '2026-05-01',
      awards: awards.map(([id, credential, earned, term]) => ({
        id,
        credential,
        earned,
        grade: 'A',
        ...(term ? { term } : {}),
      })),
    },
    { programs: [program] },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}
const statuses = (node: RequirementResult): [string, string][] => [
  [node.id, node.status],
  ...(node.children ?? []).flatMap(statuses),
];

describe('when: requirements that apply to some learners', () => {
  it('an emphasis not declared, honors without the tag, and a rule for later entrants do not apply', () => {
    const bs = auditOf('bs', { entered: '2024-08-20' }, [
      ['a', 'MATH-1', '2024-12-01'],
      ['b', 'MATH-2', '2025-05-01'],
    ]);
    expect(bs.status).toBe('complete');
    expect(statuses(bs.requirements)).toEqual([
      ['root', 'complete'],
      ['core', 'complete'],
      ['emphasis-stats', 'not-applicable'],
      ['honors', 'not-applicable'],
      ['both', 'complete'],
      ['MATH-2', 'complete'],
      ['new-cs', 'not-applicable'],
    ]);
    // "both" needs only the one option that applies; not-applicable nodes carry no need and no remaining.
    const both = bs.requirements.children![3]!;
    expect([both.need, both.have]).toEqual([{ count: 1 }, { count: 1 }]);
    expect(bs.requirements.children![1]).not.toHaveProperty('remaining');
    expect(bs.requirements.children![1]).not.toHaveProperty('need');
  });

  it('a declared emphasis and a tagged learner must meet them', () => {
    const bs = auditOf('bs', { entered: '2024-08-20', declared: ['bs', 'emphasis-stats'], tags: ['honors'] }, [
      ['a', 'MATH-1', '2024-12-01'],
      ['b', 'MATH-2', '2025-05-01'],
    ]);
    expect(bs.status).toBe('incomplete');
    expect(statuses(bs.requirements).slice(1, 4)).toEqual([
      ['core', 'complete'],
      ['emphasis-stats', 'incomplete'],
      ['honors', 'incomplete'],
    ]);
    expect(bs.requirements.children![1]!.remaining).toMatchObject({ count: 1, options: [{ credential: 'STAT-1' }] });
  });

  it('a learner who entered after 2025 needs both options', () => {
    const bs = auditOf('bs', { entered: '2025-08-20' }, [
      ['a', 'MATH-1', '2025-12-01'],
      ['b', 'MATH-2', '2026-01-01'],
    ]);
    expect(bs.status).toBe('incomplete');
    const both = bs.requirements.children![3]!;
    expect([both.status, both.need, both.have]).toEqual(['incomplete', { count: 2 }, { count: 1 }]);
  });

  it('a "when" on the root is a catalog error', () => {
    const result = loadTestCatalog({
      credentials: [course('MATH-1')],
      programs: [
        { id: 'p', kind: 'certificate', title: 'P', requirements: { when: declares('p'), credential: 'MATH-1' } },
      ],
      gradeScale: { A: 4 },
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-shape', 'programs.0.requirements.when'],
    ]);
  });

  it('a "when" may read only learner facts', () => {
    const result = loadTestCatalog({
      credentials: [course('MATH-1')],
      programs: [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          requirements: { all: [{ when: { fact: 'grade', operator: 'equal', value: 'A' }, credential: 'MATH-1' }] },
        },
      ],
      gradeScale: { A: 4 },
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown-fact', 'programs.0.requirements.all.0.when.fact'],
    ]);
  });
});

describe('fact references and the term fact', () => {
  it('"earned after entered" compares two facts of the same item', () => {
    const cert = auditOf('since-entry', { entered: '2024-08-20' }, [
      ['a', 'MATH-1', '2023-12-01'],
      ['b', 'MATH-2', '2025-05-01'],
    ]);
    expect(cert.requirements).toMatchObject({ status: 'incomplete', have: { count: 1 }, need: { count: 2 } });
    expect(cert.requirements.applied.map((a) => a.award)).toEqual(['b']);
    expect(cert.unused).toEqual([{ award: 'a', credential: 'MATH-1', reasons: [{ code: 'no-matching-requirement' }] }]);
  });

  it('a reference to an unknown fact is a catalog error', () => {
    const bad = {
      ...programs[1],
      requirements: { where: { fact: 'earned', operator: 'after', value: { fact: 'graduated' } }, count: 1 },
    };
    const result = loadTestCatalog({ credentials: [course('MATH-1')], programs: [bad], gradeScale: { A: 4 } });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path.join('.'), i.received])).toEqual([
      ['unknown-fact', 'programs.0.requirements.where.value', '"graduated"'],
    ]);
  });

  it('awards carry their term', () => {
    const cert = auditOf('fall-terms', {}, [
      ['a', 'MATH-1', '2024-12-01', '2024-FA'],
      ['b', 'MATH-2', '2025-05-01', '2025-SP'],
      ['c', 'CS-1', '2025-12-01', '2025-FA'],
    ]);
    expect(cert.status).toBe('complete');
    expect(cert.requirements.applied.map((a) => a.award)).toEqual(['a', 'c']);
  });
});
