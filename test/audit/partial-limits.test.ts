import { explanationText } from '../../src/report/reason-text.js';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import { appliedTo, reasonsFor, requirement } from '../helpers.js';

/** Policy limits that clip an item in part or to zero. Every expected result is worked out by hand below. */

const tagged = (tag: string) => ({ fact: 'tags', operator: 'contains', value: tag });
const course = (id: string, credits: number, tags: string[] = []) => ({
  id,
  kind: 'course',
  title: id,
  credits: { value: credits },
  tags,
});

function catalogOf(credentials: unknown[], programs: unknown[]): Catalog {
  const result = loadCatalog([
    {
      file: 'limits.json',
      json: {
        institution: { id: 'u', name: 'U' },
        settings: { unit: 'semester', gradeScale: { A: 4, F: 0 } },
        credentials,
        programs,
      },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function auditOf(
  catalog: Catalog,
  awards: { id: string; credential: string; source?: string }[],
  program: string,
  exceptions: unknown[] = [],
) {
  const transcript = {
    learner: { id: 'l' },
    asOf: '2026-01-01',
    awards: awards.map((a) => ({ earned: '2025-01-01', grade: 'A', ...a })),
    exceptions,
  };
  const result = audit(catalog, transcript as never, { programs: [program] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}

describe('policy limits that clip an item in part', () => {
  it('counts an item clipped in part where the others need it (issue 11: X + Y + Z count 1 + 4 + 3 = 8)', () => {
    // One leaf of 8 credits tagged a or c; tag a capped at 1 credit. X (4, a) counts 1, Y (4, c) 4,
    // Z (3, c) 3: 8, and each is needed (without X 7, without Y 4, without Z 5). Without the
    // clipped X no allocation reaches 8 (Y + Z = 7), so X must be applied.
    const catalog = catalogOf(
      [course('X', 4, ['a']), course('Y', 4, ['c']), course('Z', 3, ['c'])],
      [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { limits: [{ id: 'a-cap', where: tagged('a'), maxCredits: 1 }] },
          requirements: { id: 'leaf', where: { any: [tagged('a'), tagged('c')] }, credits: 8 },
        },
      ],
    );
    const result = auditOf(
      catalog,
      [
        { id: 'x', credential: 'X' },
        { id: 'y', credential: 'Y' },
        { id: 'z', credential: 'Z' },
      ],
      'p',
    );
    expect(result).toMatchObject({ status: 'complete', optimal: true, credits: { applied: 8 } });
    expect(requirement(result, 'leaf').applied).toEqual([
      { award: 'x', credential: 'X', credits: 1, capped: 3 },
      { award: 'y', credential: 'Y', credits: 4 },
      { award: 'z', credential: 'Z', credits: 3 },
    ]);
    expect(result.policies).toEqual([{ id: 'a-cap', label: 'a-cap', need: 1, have: 1, clipped: 3 }]);
    expect(result.explanations).toContainEqual({ code: 'cap', award: 'x', counted: 1, of: 4, limits: ['a-cap'] });
    expect(explanationText(result.explanations[0]!)).toBe('1 of 4 credits count: over the limit a-cap');
    expect(result.unused).toEqual([]);
  });

  it('spends a limit across two leaves in tree order, and takes three items where the clipped one is needed', () => {
    // Limit ext ≤ 5. Leaf p (4 credits tagged p) comes first in the tree: E1 (4, p, ext) spends 4,
    // leaving 1 for E2 (4, q, ext) in leaf q (6 credits tagged q). q: E2 1 + Q1 3 + Q2 2 = 6, each
    // needed (without E2 5, Q1 3, Q2 4). Any other choice leaves q short: Q1 + Q2 = 5, E2 + Q1 = 4.
    const catalog = catalogOf(
      [course('E1', 4, ['p', 'ext']), course('E2', 4, ['q', 'ext']), course('Q1', 3, ['q']), course('Q2', 2, ['q'])],
      [
        {
          id: 'p2',
          kind: 'certificate',
          title: 'Two leaves',
          policy: { limits: [{ id: 'ext-cap', where: tagged('ext'), maxCredits: 5 }] },
          requirements: {
            all: [
              { id: 'p', where: tagged('p'), credits: 4 },
              { id: 'q', where: tagged('q'), credits: 6 },
            ],
          },
        },
      ],
    );
    const result = auditOf(
      catalog,
      ['E1', 'E2', 'Q1', 'Q2'].map((c) => ({ id: c.toLowerCase(), credential: c })),
      'p2',
    );
    expect(result).toMatchObject({ status: 'complete', optimal: true, credits: { applied: 10 } });
    expect(requirement(result, 'p').applied).toEqual([{ award: 'e1', credential: 'E1', credits: 4 }]);
    expect(requirement(result, 'q').applied).toEqual([
      { award: 'e2', credential: 'E2', credits: 1, capped: 3 },
      { award: 'q1', credential: 'Q1', credits: 3 },
      { award: 'q2', credential: 'Q2', credits: 2 },
    ]);
    expect(result.policies).toEqual([{ id: 'ext-cap', label: 'ext-cap', need: 5, have: 5, clipped: 3 }]);
  });

  it('counts a substituted award clipped by a limit for what it counts, so the leaf takes two more', () => {
    // A substitute exception places T (4 credits, transfer) in core (6 credits tagged core);
    // items show in canonical order (earned, then award id: c1, c2, t);
    // transfer credit is capped at 2, so T counts 2. C1 (3) and C2 (2) are both needed: 2 + 3 + 2
    // = 7, and without C1 4, without C2 5 (the pinned T is placed whatever the capacity).
    const catalog = catalogOf(
      [course('T-101', 4), course('C1', 3, ['core']), course('C2', 2, ['core'])],
      [
        {
          id: 'pc',
          kind: 'certificate',
          title: 'Pinned',
          policy: {
            limits: [
              { id: 'transfer-cap', where: { fact: 'source', operator: 'equal', value: 'transfer' }, maxCredits: 2 },
            ],
          },
          requirements: { id: 'core', where: tagged('core'), credits: 6 },
        },
      ],
    );
    const result = auditOf(
      catalog,
      [
        { id: 't', credential: 'T-101', source: 'transfer' },
        { id: 'c1', credential: 'C1' },
        { id: 'c2', credential: 'C2' },
      ],
      'pc',
      [{ type: 'substitute', program: 'pc', requirement: 'core', award: 't', reason: 'equivalent content' }],
    );
    expect(result).toMatchObject({ status: 'complete', optimal: true, credits: { applied: 7 } });
    expect(requirement(result, 'core').applied).toEqual([
      { award: 'c1', credential: 'C1', credits: 3 },
      { award: 'c2', credential: 'C2', credits: 2 },
      {
        award: 't',
        credential: 'T-101',
        credits: 2,
        capped: 2,
        exception: { type: 'substitute', reason: 'equivalent content' },
      },
    ]);
    expect(result.policies).toEqual([{ id: 'transfer-cap', label: 'transfer-cap', need: 2, have: 2, clipped: 2 }]);
  });

  it('spends a limit on a nested program first; an item it clips to zero counts toward no count requirement', () => {
    // The certificate (6 credits tagged d) is complete with D1 (3, d, ext) and D2 (3, d). In the
    // degree, ext is capped at 3: the nested program comes first in the tree and D1 spends all 3.
    // E1 (3, e, ext) would count 0 in electives (2 items tagged e), and an item clipped to zero
    // counts nowhere (SPEC section 4), so electives has E2 only: 1 of 2. Leaving the certificate
    // out would let E1 count (electives met, the certificate not): as many requirements met, less
    // progress (electives 1 against certificate 1 + electives 1/2), so the certificate stays.
    const catalog = catalogOf(
      [course('D1', 3, ['d', 'ext']), course('D2', 3, ['d']), course('E1', 3, ['e', 'ext']), course('E2', 2, ['e'])],
      [
        {
          id: 'cert',
          kind: 'certificate',
          title: 'Cert',
          requirements: { id: 'd-credits', where: tagged('d'), credits: 6 },
        },
        {
          id: 'deg',
          kind: 'degree',
          title: 'Degree',
          policy: { limits: [{ id: 'ext-cap', where: tagged('ext'), maxCredits: 3 }] },
          requirements: {
            all: [
              { id: 'cert', program: 'cert' },
              { id: 'electives', where: tagged('e'), count: 2 },
            ],
          },
        },
      ],
    );
    const result = auditOf(
      catalog,
      ['D1', 'D2', 'E1', 'E2'].map((c) => ({ id: c.toLowerCase(), credential: c })),
      'deg',
    );
    expect(result).toMatchObject({ status: 'incomplete', optimal: true });
    expect(requirement(result, 'cert')).toMatchObject({
      status: 'complete',
      applied: [{ award: 'program:cert', credits: 6, components: ['d1', 'd2'] }],
    });
    expect(requirement(result, 'electives')).toMatchObject({
      status: 'incomplete',
      have: { count: 1 },
      need: { count: 2 },
    });
    expect(appliedTo(result, 'electives')).toEqual(['e2']);
    expect(reasonsFor(result, 'e1')).toEqual(['over a cap: none of its credits count (limit ext-cap)']);
    expect(result.policies).toEqual([{ id: 'ext-cap', label: 'ext-cap', need: 3, have: 3 }]);
  });
});
