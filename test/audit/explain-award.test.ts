import { describe, expect, it } from 'vitest';
import { explainAward } from '../../src/audit/explain-award.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { awardExplanationText } from '../../src/report/award-explanation.js';
import { readFixture, shippedCatalog } from '../helpers.js';

const catalog = shippedCatalog();
const ada = readFixture('ada-bs-complete.json') as TranscriptInput;
const asOf = '2026-05-15';

function explained(transcript: TranscriptInput, award: string, programs: string[] = []) {
  const result = explainAward(catalog, transcript, award, { programs, asOf });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('explainAward: where one award counts across programs, and why not elsewhere', () => {
  it("Ada's SQL for Analysts: applied in the certificate, and through it in the programs that stack it", () => {
    const sql = explained(ada, 'a21');
    expect(sql.award).toEqual({ id: 'a21', credential: 'mc-sql', title: 'SQL for Analysts' });
    const by = new Map(sql.programs.map((p) => [p.program, p]));
    expect(sql.programs).toHaveLength(catalog.programs.length - 1); // the BS has two versions, one audited
    expect(by.get('cert-data-analytics')).toMatchObject({
      counts: 'applied',
      places: [{ requirement: 'sql', label: 'SQL for Analysts', item: { award: 'a21', credits: 2 } }],
    });
    expect(by.get('cert-data-analytics')!.places[0]).not.toHaveProperty('via');
    expect(by.get('cert-data-engineering')).toMatchObject({
      counts: 'applied',
      places: [
        {
          requirement: 'analytics',
          item: { award: 'program:cert-data-analytics', components: ['a21', 'a22', 'a23', 'a24'] },
          via: { program: 'cert-data-analytics', title: 'Data Analytics Certificate' },
        },
      ],
      explanations: [{ code: 'stack', program: 'cert-data-analytics', components: 4 }],
    });
    expect(by.get('cert-cloud-security')).toMatchObject({
      counts: 'unused',
      places: [],
      reasons: [{ code: 'no-matching-requirement' }],
    });
    expect(by.get('aas-it')).toMatchObject({ reasons: [{ code: 'outside-catalog-years', from: '2023-08-01' }] });
  });

  it('listed double counting: STAT-201 applied in mathematics and in the core, each naming the other', () => {
    const tomas = readFixture('tomas-electives-and-sharing.json') as TranscriptInput;
    const stat = explained(tomas, 't05', ['bs-data-science']).programs[0]!;
    expect(stat.places.map((p) => [p.requirement, p.item.alsoIn])).toEqual([
      ['math', ['STAT-201']],
      ['STAT-201', ['math']],
    ]);
    expect(stat.explanations).toEqual([
      { code: 'double-count', award: 't05', requirements: ['math', 'STAT-201'], by: 'math' },
    ]);
  });

  it('fall-through toward a total, and a credit rule said once in text', () => {
    const google = explained(ada, 'a30', ['bs-data-science', 'cert-data-engineering']);
    expect(google.programs.map((p) => [p.program, p.counts, p.fallThrough?.credits])).toEqual([
      ['bs-data-science', 'fall-through', 12],
      ['cert-data-engineering', 'fall-through', 12],
    ]);
    expect(awardExplanationText(google)).toBe(
      [
        'Award a30: Google Data Analytics Professional Certificate (google-data-analytics), as of 2026-05-15',
        '  12 semester credits; tags data-elective, ace; ACE recommends 12 semester hours (lower division)',
        '',
        'Counts toward:',
        '  Bachelor of Science in Data Science (bs-data-science, complete): meets no requirement, counts toward the total credits (12 credits)',
        '  Data Engineering Certificate (cert-data-engineering, complete): meets no requirement, counts toward the total credits (12 credits)',
        '',
      ].join('\n'),
    );
  });

  it("an expired badge counts nowhere, and says why (Gia's content creation badge)", () => {
    const gia = readFixture('gia-badge-pathway.json') as TranscriptInput;
    const badge = explained(gia, 'g5', ['digital-silver']);
    expect(badge.programs).toMatchObject([
      { program: 'digital-silver', counts: 'unused', reasons: [{ code: 'expired', on: '2025-11-01' }] },
    ]);
    expect(awardExplanationText(badge)).toContain(
      'Does not count toward:\n  Digital Skills: Silver (digital-silver, not yet complete): expired on 2025-11-01\n',
    );
  });

  it('an award id not on the transcript, or an unknown program, is an issue, not a throw', () => {
    expect(explainAward(catalog, ada, 'zz', { asOf })).toEqual({
      ok: false,
      issues: [
        {
          code: 'unknown-reference',
          path: ['award'],
          expected: 'the id of an award on the transcript',
          received: '"zz"',
        },
      ],
    });
    const program = explainAward(catalog, ada, 'a21', { programs: ['nope'], asOf });
    expect(program.ok ? [] : program.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-reference', ['programs', 0]],
    ]);
  });
});
