import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit, RequirementResult } from '../../src/audit/audit-result.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { readFixture, shippedCatalog } from '../helpers.js';

const applied = (a: ProgramAudit) => {
  const walk = (n: RequirementResult): string[] => [
    ...(n.shared ? [] : n.applied.flatMap((x) => x.components ?? [x.award])),
    ...(n.children ?? []).flatMap(walk),
  ];
  return new Set(walk(a.requirements));
};
const transcript = (ids: string[]) => ({
  learner: { id: 'j' },
  asOf: '2026-05-15',
  awards: ids.map((id, i) => ({ id: `a${i}-${id}`, credential: id, earned: '2025-12-15', grade: 'B' })),
});

describe('programs audited together', () => {
  it('keeps a minor within the two courses it may share with the major, and still completes both where it can', () => {
    const t = transcript([
      'STAT-201',
      'ECON-101',
      'BUSN-210',
      'DATA-220',
      'ACCT-201',
      'MGMT-200',
      'PSYC-101',
      'SOCI-101',
    ]);
    const alone = audit(shippedCatalog(), t, { programs: ['minor-business-analytics'] });
    const major = audit(shippedCatalog(), t, { programs: ['bs-data-science'] });
    if (!alone.ok || !major.ok) throw new Error('audit');
    const sharedAlone = [...applied(major.value.audits[0]!)].filter((award) =>
      applied(alone.value.audits[0]!).has(award),
    );
    expect(sharedAlone).toHaveLength(3); // audited apart, they would share three courses
    const together = audit(shippedCatalog(), t, { programs: ['bs-data-science', 'minor-business-analytics'] });
    if (!alone.ok || !together.ok) throw new Error('audit');
    const [bs, minor] = together.value.audits as [ProgramAudit, ProgramAudit];
    expect(minor.status).toBe(alone.value.audits[0]!.status);
    expect(minor.status).toBe('complete');
    const shared = [...applied(bs)].filter((award) => applied(minor).has(award));
    expect(shared.length).toBeLessThanOrEqual(2);
    expect(shared).toContain('a0-STAT-201');
  });

  it('an award kept out of the major still counts toward its total, and only as many as the rule needs are kept out', () => {
    // Farid (2022 BS, no declared programs): audited apart, the BS and the minor both apply f5
    // (DATA-101), f6 (STAT-201) and f7 (DATA-320), one more than the two they may share. Keeping
    // f7 out of the BS's requirements is enough: it still counts toward the BS's 120 credits
    // (fall-through is not shared use), so the total is the BS's own 26.5; the minor keeps f5.
    const farid = readFixture('farid-transfer-units.json');
    const options = { programs: ['bs-data-science', 'minor-business-analytics'] };
    const alone = audit(shippedCatalog(), farid as never, { programs: ['bs-data-science'] });
    const together = audit(shippedCatalog(), farid as never, options);
    if (!alone.ok || !together.ok) throw new Error('audit');
    const [bs, minor] = together.value.audits as [ProgramAudit, ProgramAudit];
    expect(bs.credits.applied).toBe(alone.value.audits[0]!.credits.applied);
    expect(bs.credits.applied).toBe(26.5);
    expect(bs.fallThrough.map((item) => item.award)).toContain('f7');
    expect(bs.explanations.filter((e) => e.code === 'kept-out')).toEqual([
      { code: 'kept-out', award: 'f7', keptIn: 'minor-business-analytics', rule: 'sharing' },
    ]);
    expect(minor.explanations.filter((e) => e.code === 'kept-out')).toEqual([]);
    expect(applied(minor).has('f5')).toBe(true);
    expect(bs.optimal && minor.optimal).toBe(true);
  });

  it('a complete degree audited with every program: the joint search ends (optimal) and the degree stays complete', () => {
    const all = audit(shippedCatalog(), readFixture('ada-bs-complete.json') as never, { all: true });
    if (!all.ok) throw new Error('audit');
    expect(all.value.audits.every((a) => a.optimal)).toBe(true);
    expect(all.value.audits.find((a) => a.program === 'bs-data-science')).toMatchObject({
      status: 'complete',
      credits: { applied: 127 },
    });
  });

  it('never counts an award in two programs that exclude one another, choosing the split that completes both', () => {
    const catalog = loadCatalog([
      {
        file: 'exclusive.json',
        json: {
          institution: { id: 'x', name: 'X' },
          settings: { gradeScale: { A: 4, B: 3, F: 0 } },
          credentials: ['A', 'B', 'C'].map((id) => ({
            id,
            kind: 'course',
            title: id,
            credits: { value: 3 },
            tags: ['t'],
          })),
          programs: [
            {
              id: 'p1',
              kind: 'certificate',
              title: 'P1',
              policy: { exclusiveWith: ['p2'] },
              requirements: { where: { all: [{ fact: 'tags', operator: 'contains', value: 't' }] }, count: 1 },
            },
            {
              id: 'p2',
              kind: 'certificate',
              title: 'P2',
              requirements: { all: [{ credential: 'A' }, { any: [{ credential: 'B' }, { credential: 'C' }] }] },
            },
          ],
        },
      },
    ]);
    if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
    const result = audit(catalog.value, transcript(['A', 'B', 'C']), { programs: ['p1', 'p2'] });
    if (!result.ok) throw new Error('audit');
    const [p1, p2] = result.value.audits as [ProgramAudit, ProgramAudit];
    expect([p1.status, p2.status]).toEqual(['complete', 'complete']);
    expect([...applied(p1)].filter((a) => applied(p2).has(a))).toEqual([]);
    expect(p1.unused.some((u) => u.reasons.some((r) => r.code === 'exclusive-programs'))).toBe(true);
    const lonely = audit(catalog.value, transcript(['A', 'B']), { programs: ['p1', 'p2'] });
    if (!lonely.ok) throw new Error('audit');
    expect(lonely.value.audits.map((a) => a.status).sort()).toEqual(['complete', 'incomplete']);
  });

  describe('review finds: kept-out awards and nested programs', () => {
    const course = (id: string) => ({ id, kind: 'course', title: id, credits: { value: 3 }, tags: ['t'] });
    const catalogOf = (programs: unknown[]) => {
      const loaded = loadCatalog([
        {
          file: 'x.json',
          json: {
            institution: { id: 'x', name: 'X' },
            settings: { gradeScale: { A: 4, B: 3, F: 0 } },
            credentials: ['A', 'B'].map(course),
            programs,
          },
        },
      ]);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      return loaded.value;
    };
    const holdsAB = transcript(['A', 'B']);

    it('an award kept out of a program is kept out of the nested programs it holds there too', () => {
      // p (any of n or B) excludes q (A); n needs A. Both complete when p takes B and q takes A;
      // p once kept A through n's item although A was kept out of p, and q stayed incomplete.
      const catalog = catalogOf([
        { id: 'n', kind: 'certificate', title: 'N', requirements: { credential: 'A' } },
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { exclusiveWith: ['q'] },
          requirements: { any: [{ program: 'n' }, { credential: 'B' }] },
        },
        { id: 'q', kind: 'certificate', title: 'Q', requirements: { credential: 'A' } },
      ]);
      const together = audit(catalog, holdsAB, { programs: ['p', 'q'] });
      if (!together.ok) throw new Error('audit');
      expect(together.value.audits.map((a) => [a.program, a.status, a.optimal])).toEqual([
        ['p', 'complete', true],
        ['q', 'complete', true],
      ]);
    });

    it('an award kept out that cannot fall through (no total) is unused, with no "kept-out" explanation', () => {
      const catalog = catalogOf([
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { exclusiveWith: ['q'] },
          requirements: { credential: 'A' },
        },
        { id: 'q', kind: 'certificate', title: 'Q', requirements: { any: [{ credential: 'A' }, { credential: 'B' }] } },
      ]);
      const together = audit(catalog, holdsAB, { programs: ['p', 'q'] });
      if (!together.ok) throw new Error('audit');
      const q = together.value.audits[1]!;
      expect(q.explanations.filter((e) => e.code === 'kept-out')).toEqual([]);
      expect(q.unused.find((u) => u.award === 'a0-A')?.reasons).toEqual([
        { code: 'exclusive-programs', keptIn: 'p', a: 'p', b: 'q' },
      ]);
    });
  });
});
