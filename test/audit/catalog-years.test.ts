import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import { reasonText } from '../../src/report/reason-text.js';

const course = (id: string) => ({ id, kind: 'course', title: `Course ${id}`, credits: { value: 3, unit: 'semester' } });
const settings = { unit: 'semester', gradeScale: { A: 4, B: 3, C: 2, D: 1, F: 0 } };
const v2022 = {
  id: 'cert',
  kind: 'certificate',
  title: 'Certificate (2022)',
  effective: { from: '2022-08-01', to: '2025-07-31' },
  requirements: { all: [{ credential: 'A' }, { credential: 'B' }] },
};
const v2025 = {
  id: 'cert',
  kind: 'certificate',
  title: 'Certificate (2025)',
  effective: { from: '2025-08-01' },
  requirements: { all: [{ credential: 'A' }, { credential: 'C' }] },
};

function catalogOf(programs: unknown[]): Catalog {
  const result = loadCatalog([
    {
      file: 'years.json',
      json: { institution: { id: 'u', name: 'U' }, settings, credentials: ['A', 'B', 'C'].map(course), programs },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
const catalog = catalogOf([v2022, v2025]);
const transcript = (learner: Record<string, unknown>) => ({
  learner: { id: 's1', ...learner },
  asOf: '2026-05-01',
  awards: [
    { id: 'a', credential: 'A', earned: '2024-05-01', grade: 'A' },
    { id: 'b', credential: 'B', earned: '2024-12-01', grade: 'B' },
  ],
});
const auditOf = (
  learner: Record<string, unknown>,
  options: { catalogDate?: string; programs?: string[] } = { programs: ['cert'] },
) => {
  const result = audit(catalog, transcript(learner), options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
};

describe('catalog years: versions of a program', () => {
  it('a learner who entered in 2023 follows the 2022 version, and the result names it', () => {
    const cert = auditOf({ entered: '2023-08-20' });
    expect(cert).toMatchObject({
      title: 'Certificate (2022)',
      status: 'complete',
      version: { from: '2022-08-01', to: '2025-07-31' },
    });
  });

  it('catalogYear outranks entered, and --catalog-date outranks both (a what-if of another year)', () => {
    expect(auditOf({ entered: '2023-08-20', catalogYear: '2025-08-15' })).toMatchObject({
      title: 'Certificate (2025)',
      status: 'incomplete',
    });
    const whatIf = auditOf({ entered: '2023-08-20' }, { programs: ['cert'], catalogDate: '2025-09-01' });
    expect(whatIf).toMatchObject({
      title: 'Certificate (2025)',
      status: 'incomplete',
      version: { from: '2025-08-01' },
    });
    expect(whatIf.requirements.children!.map((c) => [c.id, c.status])).toEqual([
      ['A', 'complete'],
      ['C', 'incomplete'],
    ]);
  });

  it('without learner dates the audit date picks the version', () => {
    expect(auditOf({}).title).toBe('Certificate (2025)');
  });

  it('a catalog date before every version: the earliest, and nothing counts outside its catalog years', () => {
    const cert = auditOf({ entered: '2019-08-20' });
    expect(cert).toMatchObject({ title: 'Certificate (2022)', status: 'incomplete' });
    expect(cert.unused.map((u) => [u.award, u.reasons.map(reasonText)])).toEqual([
      ['a', ["outside the program's catalog years (in effect from 2022-08-01 to 2025-07-31)"]],
      ['b', ["outside the program's catalog years (in effect from 2022-08-01 to 2025-07-31)"]],
    ]);
  });

  it('versions whose catalog years overlap are a catalog error naming both', () => {
    const result = loadCatalog([
      {
        file: 'years.json',
        json: {
          institution: { id: 'u', name: 'U' },
          settings,
          credentials: ['A', 'B', 'C'].map(course),
          programs: [v2022, { ...v2025, effective: { from: '2025-01-01' } }],
        },
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'duplicate-id',
        file: 'years.json',
        path: ['programs', 1, 'effective'],
        received: '"cert"',
      }),
    ]);
    expect(result.issues[0]!.expected).toContain('do not overlap');
  });
});

describe('declared programs', () => {
  it('are what an audit audits when no program is named', () => {
    const report = audit(catalog, { ...transcript({ entered: '2023-08-20', declared: ['cert'] }) });
    expect(report.ok && report.value.audits.map((a) => [a.program, a.status])).toEqual([['cert', 'complete']]);
  });

  it('an unknown declared program is an error at its path', () => {
    const report = audit(catalog, transcript({ declared: ['nope'] }));
    expect(report.ok ? [] : report.issues).toEqual([
      expect.objectContaining({ code: 'unknown-reference', path: ['learner', 'declared', 0], received: '"nope"' }),
    ]);
  });
});

describe('declared ids that are not programs', () => {
  it('are emphases: the declared programs among them are audited', () => {
    const report = audit(catalog, transcript({ entered: '2023-08-20', declared: ['cert', 'emphasis-x'] }));
    expect(report.ok && report.value.audits.map((a) => a.program)).toEqual(['cert']);
  });
});
