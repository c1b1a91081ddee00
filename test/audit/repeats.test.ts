import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import { reasonsFor, requirement } from '../helpers.js';

/**
 * Repeats (SPEC section 5, updated): the one that counts is the first that may count at all (a
 * passing grade, not expired, not denied), then completed before in-progress before planned, then
 * the best grade, then the latest. Expected results worked out by hand.
 */

function catalogOf(programs: unknown[]): Catalog {
  const result = loadCatalog([
    {
      file: 'repeats.json',
      json: {
        institution: { id: 'u', name: 'U' },
        settings: { unit: 'semester', gradeScale: { A: 4, B: 3, C: 2, 'C-': 1.7, D: 1, F: 0 } },
        credentials: [{ id: 'STAT-201', kind: 'course', title: 'Statistics', credits: { value: 3 }, tags: ['stat'] }],
        programs,
      },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const transcript = (awards: { id: string; grade?: string; status?: string; earned?: string }[]) => ({
  learner: { id: 'l' },
  asOf: '2026-05-15',
  awards: awards.map((a) => ({ credential: 'STAT-201', ...a })),
});

function auditOne(
  catalog: Catalog,
  awards: Parameters<typeof transcript>[0],
  options: { includePlanned?: boolean } = {},
) {
  const result = audit(catalog, transcript(awards) as never, { programs: ['cert'], ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}

describe('repeats: the one that counts is the first that may count at all', () => {
  const cert = catalogOf([
    {
      id: 'cert',
      kind: 'certificate',
      title: 'Cert',
      policy: { minGrade: 'C' },
      requirements: { id: 'stats', credential: 'STAT-201' },
    },
  ]);

  it('a D below the minimum C, then an in-progress retake: in progress, the retake counts (issue 11)', () => {
    // s1 (D, completed) cannot count anywhere (the program's minimum is C); s2 (in progress, not yet
    // graded) may: it counts once finished, so the certificate is in progress, and s1 is the repeat.
    const result = auditOne(cert, [
      { id: 's1', grade: 'D', earned: '2025-12-15' },
      { id: 's2', status: 'in-progress' },
    ]);
    expect(result.status).toBe('in-progress');
    expect(requirement(result, 'stats')).toMatchObject({
      status: 'in-progress',
      applied: [{ award: 's2', credential: 'STAT-201', credits: 3, inProgress: true }],
    });
    expect(reasonsFor(result, 's1')).toEqual(['repeat of STAT-201: counted once (award s2 counts)']);
  });

  it('an F, then an in-progress retake: in progress (the SPEC example)', () => {
    const result = auditOne(cert, [
      { id: 's1', grade: 'F', earned: '2025-12-15' },
      { id: 's2', status: 'in-progress' },
    ]);
    expect(result.status).toBe('in-progress');
    expect(reasonsFor(result, 's1')).toEqual(['failing grade F']);
  });

  it('a B, then an in-progress retake: complete, the finished B counts', () => {
    const result = auditOne(cert, [
      { id: 's1', grade: 'B', earned: '2025-12-15' },
      { id: 's2', status: 'in-progress' },
    ]);
    expect(result.status).toBe('complete');
    expect(requirement(result, 'stats').applied).toEqual([{ award: 's1', credential: 'STAT-201', credits: 3 }]);
    expect(reasonsFor(result, 's2')).toEqual(['repeat of STAT-201: counted once (award s1 counts)']);
  });

  it('an in-progress retake before a planned one, in a what-if audit', () => {
    // Both may count; in progress ranks before planned, whatever the order on the transcript.
    const result = auditOne(
      cert,
      [
        { id: 's1', status: 'planned' },
        { id: 's2', status: 'in-progress' },
      ],
      { includePlanned: true },
    );
    expect(requirement(result, 'stats').applied.map((a) => a.award)).toEqual(['s2']);
    expect(reasonsFor(result, 's1')).toEqual(['repeat of STAT-201: counted once (award s2 counts)']);
  });

  it('a C- that a requirement accepts (its own minimum C-) still counts over an in-progress retake', () => {
    // The program's minimum is C, but the electives accept C-: s1 may count there, so it is the
    // one that counts (completed before in progress), and the certificate is complete.
    const electives = catalogOf([
      {
        id: 'cert',
        kind: 'certificate',
        title: 'Cert',
        policy: { minGrade: 'C' },
        requirements: {
          id: 'electives',
          minGrade: 'C-',
          where: { fact: 'tags', operator: 'contains', value: 'stat' },
          credits: 3,
        },
      },
    ]);
    const result = auditOne(electives, [
      { id: 's1', grade: 'C-', earned: '2025-12-15' },
      { id: 's2', status: 'in-progress' },
    ]);
    expect(result.status).toBe('complete');
    expect(requirement(result, 'electives').applied.map((a) => a.award)).toEqual(['s1']);
  });

  it('two grades below the minimum: neither counts, and the better one is the one kept', () => {
    const result = auditOne(cert, [
      { id: 's1', grade: 'D', earned: '2025-05-15' },
      { id: 's2', grade: 'C-', earned: '2025-12-15' },
    ]);
    expect(result.status).toBe('incomplete');
    expect(reasonsFor(result, 's1')).toEqual(['repeat of STAT-201: counted once (award s2 counts)']);
    expect(reasonsFor(result, 's2')).toEqual(['below minimum grade C']);
  });
});
