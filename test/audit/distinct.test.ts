import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit } from '../../src/audit/audit-result.js';
import type { Catalog } from '../../src/model/catalog.js';
import { loadTestCatalog, requirement, testCatalog, testCourse } from '../helpers.js';

const course = (id: string, subject: string, tags: string[]) => testCourse(id, { subject, tags });
const tagged = (tag: string) => ({ fact: 'tags', operator: 'contains', value: tag });
const credentials = [
  course('HIST-1', 'HIST', ['breadth']),
  course('HIST-2', 'HIST', ['breadth', 'interim']),
  course('PHIL-1', 'PHIL', ['breadth', 'interim']),
  course('ART-1', 'ART', ['breadth']),
];
const programs = [
  {
    id: 'core',
    kind: 'certificate',
    title: 'Liberal arts core',
    requirements: {
      all: [
        { id: 'breadth', where: tagged('breadth'), count: 3, distinct: 'subject' },
        { id: 'interim', where: tagged('interim'), count: 1 },
      ],
    },
  },
  {
    id: 'terms',
    kind: 'certificate',
    title: 'Interims',
    requirements: { id: 'interims', where: tagged('interim'), count: 2, distinct: 'term' },
  },
];
const catalog: Catalog = testCatalog({ credentials, programs, gradeScale: { A: 4 } });
function auditOf(program: string, held: [string, string?][]): ProgramAudit {
  const awards = held.map(([credential, term], i) => ({
    id: `a${i}`,
    credential,
    earned: `2025-0${i + 1}-01`,
    grade: 'A',
    ...(term ? { term } : {}),
  }));
  const result = audit(catalog, { learner: { id: 's' }, asOf: '2026-05-01', awards }, { programs: [program] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}

describe('distinct: items whose values of a fact differ pairwise', () => {
  it('three breadth courses in three subjects; the second HIST course goes to the interim (record order would put it in breadth)', () => {
    const core = auditOf('core', [['HIST-1'], ['HIST-2'], ['PHIL-1'], ['ART-1']]);
    expect(core.status).toBe('complete');
    // breadth: HIST-1, PHIL-1, ART-1 (three subjects); interim: HIST-2.
    expect(requirement(core, 'breadth').applied.map((a) => a.credential)).toEqual(['HIST-1', 'PHIL-1', 'ART-1']);
    expect(requirement(core, 'interim').applied.map((a) => a.credential)).toEqual(['HIST-2']);
  });

  it('two courses of one subject are one subject: 2 of 3', () => {
    const core = auditOf('core', [['HIST-1'], ['HIST-2'], ['ART-1']]);
    expect(requirement(core, 'breadth')).toMatchObject({
      status: 'incomplete',
      have: { count: 2 },
      need: { count: 3 },
    });
  });

  it('interims in two different terms; an award without a term cannot be told apart and does not count there', () => {
    expect(
      auditOf('terms', [
        ['HIST-2', '2025-JA'],
        ['PHIL-1', '2026-JA'],
      ]).status,
    ).toBe('complete');
    expect(
      auditOf('terms', [
        ['HIST-2', '2025-JA'],
        ['PHIL-1', '2025-JA'],
      ]).status,
    ).toBe('incomplete');
    expect(auditOf('terms', [['HIST-2', '2025-JA'], ['PHIL-1']]).status).toBe('incomplete');
  });

  it('distinct takes a scalar fact of the vocabulary', () => {
    const result = loadTestCatalog({
      credentials,
      programs: [{ ...programs[1], requirements: { where: tagged('interim'), count: 2, distinct: 'tags' } }],
      gradeScale: { A: 4 },
    });
    expect(result.ok ? [] : result.issues.map((i) => i.path.join('.'))).toEqual(['programs.0.requirements.distinct']);
  });
});
