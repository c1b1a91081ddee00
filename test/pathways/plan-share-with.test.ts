import { describe, expect, it } from 'vitest';
import { plan } from '../../src/pathways/plan.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { readFixture, shippedCatalog, testCatalog, testCourse } from '../helpers.js';

const course = (id: string, subject: string, tags: string[] = [], credits = 3) =>
  testCourse(id, { subject, tags, credits: { value: credits, unit: 'semester' } });
const empty = { learner: { id: 's' }, asOf: '2026-05-01', awards: [] };

describe('plans and listed double counting', () => {
  it('an item counting twice makes the cheaper plan, proven', async () => {
    // DATA-210 alone meets both (3 credits); without double counting DATA-210 and ENGL-100 (6).
    const catalog = testCatalog({
      credentials: [course('DATA-210', 'DATA', ['wi']), course('ENGL-100', 'ENGL', ['wi'])],
      programs: [
        {
          id: 'ba',
          kind: 'degree',
          title: 'B.A.',
          requirements: {
            all: [
              {
                id: 'writing',
                where: { fact: 'tags', operator: 'contains', value: 'wi' },
                count: 1,
                share: { with: ['major'] },
              },
              { id: 'major', where: { fact: 'subject', operator: 'equal', value: 'DATA' }, credits: 3 },
            ],
          },
        },
      ],
      gradeScale: { A: 4 },
    });
    const result = await plan(catalog, empty, { target: 'ba', alternatives: 0 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.best).toMatchObject({
      credentials: ['DATA-210'],
      cost: { credits: 3, items: 1 },
      proven: true,
      audit: { status: 'complete' },
    });
    expect(result.value.rejected).toEqual([]);
  });

  it('a plan the model over-counts toward the total is cut off, and the next proven', async () => {
    // Total 7. A (tag a, subject X, 4 credits) may meet `s` (tag a, capped at 3 credits) and
    // also `l` (subject X): the model counts both of its places toward the total (a node cap on
    // the sharing side), the audit counts A once, at home in `s`, capped: 3. So {A} (model
    // 3 + 4 = 7, audit 3) and {A, F1} (model 9, audit 5) are rejected. {B, C} (6 credits) has a
    // total of 6. At 7 credits {A, B} (A in `l`: 4, B in `s`: 3) comes before {A, F2} (positions
    // 1 + 2 against 1 + 5), and the audit accepts it: the cheapest plan.
    const catalog = testCatalog({
      credentials: [
        course('A', 'X', ['a'], 4),
        course('B', 'Y', ['a']),
        course('C', 'X'),
        course('F1', 'Z', [], 2),
        course('F2', 'Z'),
      ],
      programs: [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { totalCredits: 7 },
          requirements: {
            all: [
              {
                id: 's',
                where: { fact: 'tags', operator: 'contains', value: 'a' },
                credits: 3,
                maxCredits: 3,
                share: { with: ['l'] },
              },
              { id: 'l', where: { fact: 'subject', operator: 'equal', value: 'X' }, credits: 3 },
            ],
          },
        },
      ],
      gradeScale: { A: 4 },
    });
    const result = await plan(catalog, empty, { target: 'p', alternatives: 0 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.best).toMatchObject({
      credentials: ['A', 'B'],
      cost: { credits: 7, items: 2 },
      proven: true,
      audit: { status: 'complete' },
    });
    expect(result.value.rejected).toEqual([['A'], ['A', 'F1']]);
  });
});

describe('the shipped 2025 BS (STAT-201 counts twice, an assert, an overlap limit)', () => {
  const fixtures = [
    'farah-transcript.json',
    'greedy-trap-transcript.json',
    'jon-first-term.json',
    'maya-2025-first-year.json',
    'noor-statistics-emphasis.json',
    'omar-failing-grades.json',
    'tomas-electives-and-sharing.json',
  ];
  it('plans proven from nothing and from every fixture in its catalog year, none rejected', async () => {
    const catalog = shippedCatalog();
    const transcripts = [
      { learner: { id: 'empty' }, asOf: '2026-05-15', awards: [] },
      ...fixtures.map((f) => readFixture(f) as TranscriptInput),
    ];
    for (const transcript of transcripts) {
      const result = await plan(catalog, transcript, {
        target: 'bs-data-science',
        alternatives: 0,
        defaultAsOf: '2026-05-15',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect([transcript.learner.id, result.value.best?.audit.version]).toEqual([
        transcript.learner.id,
        expect.objectContaining({ from: '2025-08-01' }),
      ]);
      expect([transcript.learner.id, result.value.best?.proven, result.value.rejected]).toEqual([
        transcript.learner.id,
        true,
        [],
      ]);
    }
  }, 60_000);
});
