import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { plan } from '../../src/pathways/plan.js';
import { plannedAward } from '../../src/pathways/plan-model.js';
import { termCalendar } from '../../src/pathways/plan-terms.js';
import { whatIf } from '../../src/pathways/what-if.js';
import { transcriptOf } from '../audit/transcript-arbitraries.js';
import { cli, shippedCatalog } from '../helpers.js';
import { runs } from '../setup/fuzz.js';

const catalog = shippedCatalog();
const empty: TranscriptInput = { learner: { id: 'l' }, asOf: '2026-05-15', awards: [] };

describe('plans term by term (SPEC section 10)', () => {
  it('terms follow settings.terms, the year counting up when they start over', () => {
    const calendar = termCalendar(catalog, { start: '2026-summer' });
    expect(calendar.ok && calendar.value.codes(4)).toEqual(['2026-summer', '2026-fall', '2027-spring', '2027-summer']);
    expect(calendar.ok && calendar.value.maxCredits).toBe(15);
    const wrong = termCalendar(catalog, { start: '2026-winter' });
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.path)).toEqual([['terms', 'start']]);
  });

  it('a credential offered in a term the catalog does not have is a catalog error at its path', () => {
    const loaded = loadCatalog([
      {
        file: 'terms.json',
        json: {
          institution: { id: 'u', name: 'U' },
          settings: { terms: ['spring', 'fall'] },
          credentials: [{ id: 'c', kind: 'course', title: 'C', offered: ['fall', 'winter'] }],
        },
      },
    ]);
    expect(loaded.ok ? [] : loaded.issues.map((i) => [i.code, i.path, i.expected])).toEqual([
      ['unknown-reference', ['credentials', 0, 'offered', 1], "one of the catalog's terms (spring, fall)"],
    ]);
  });

  it('Data Engineering from nothing: seven terms, as the offerings force', async () => {
    // MATH 110 first; DATA 101 after it (spring 2027); DATA 320 runs in spring only, after DATA 101
    // (spring 2028); DATA 330 in fall only, after DATA 320 (fall 2028). The micro-credentials any term.
    const result = await plan(catalog, empty, { target: 'cert-data-engineering', terms: { start: '2026-fall' } });
    expect(result.ok && result.value.best).toMatchObject({
      cost: { credits: 18, items: 8, terms: 7 },
      proven: true,
      steps: [
        {
          step: 1,
          term: '2026-fall',
          credentials: ['MATH-110', 'mc-dashboards', 'mc-python', 'mc-spreadsheets', 'mc-sql'],
        },
        { step: 2, term: '2027-spring', credentials: ['DATA-101'] },
        { step: 5, term: '2028-spring', credentials: ['DATA-320'] },
        { step: 7, term: '2028-fall', credentials: ['DATA-330'] },
      ],
    });
  });

  it('a schedule with a term of nothing to take says so: its terms add up', async () => {
    // Jon, Data Engineering at 3 credits a term: DATA-330 follows DATA-320 (spring) and runs in
    // the fall, so 2028-summer has nothing; 6 terms are listed, 7 counted.
    const run = await cli([
      'plan',
      'fixtures/jon-first-term.json',
      '--target',
      'cert-data-engineering',
      '--terms',
      '2026-fall:3',
    ]);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toBe('  7 terms, 2026-fall to 2028-fall (1 with nothing to take)');
    expect(lines.filter((line) => /^ {2}\d{4}-/.test(line))).toHaveLength(6);
  });

  it('credstack plan --terms prints term by term; a bad --terms is a usage error', async () => {
    const run = await cli([
      'plan',
      'fixtures/gia-badge-pathway.json',
      '--target',
      'cert-data-analytics',
      '--terms',
      '2026-fall:3',
    ]);
    expect(run.stdout).toBe(
      'Plan for Data Analytics Certificate (cert-data-analytics): 4 credentials, 6 credits (the cheapest)\n  2 terms\n  2026-fall (3 credits): Dashboards and Storytelling (mc-dashboards), Python for Data Analysis (mc-python)\n  2027-spring (3 credits): Spreadsheet Modelling (mc-spreadsheets), SQL for Analysts (mc-sql)\n',
    );
    const bad = await cli([
      'plan',
      'fixtures/gia-badge-pathway.json',
      '--target',
      'cert-data-analytics',
      '--terms',
      '2026-fall:0',
    ]);
    expect(bad.code).toBe(2);
  });

  const programs = [
    'cert-data-engineering',
    'cert-cloud-security',
    'minor-business-analytics',
    'aas-it',
    'digital-gold',
  ];
  test.prop(
    [
      transcriptOf(catalog),
      fc.constantFrom(...programs),
      fc.constantFrom('2026-spring', '2026-summer', '2026-fall'),
      fc.constantFrom(6, 9, 15),
    ],
    { numRuns: runs(15) },
  )(
    'every schedule keeps offerings, prerequisites and the credits a term takes, and completes the target',
    async (transcript, target, start, maxCredits) => {
      const result = await plan(catalog, transcript, { target, terms: { start, maxCredits }, alternatives: 0 });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const found = result.value.best;
      if (!found) return;
      const calendar = termCalendar(catalog, { start });
      if (!calendar.ok) throw new Error('calendar');
      const codes = calendar.value.codes(found.cost.terms ?? 0);
      const termOf = new Map(found.steps.flatMap((s) => s.credentials.map((id) => [id, s.step - 1] as const)));
      const held = new Set(transcript.awards.map((a) => a.credential));
      for (const step of found.steps) {
        expect(step.term).toBe(codes[step.step - 1]);
        const season = calendar.value.seasonAt(step.step - 1);
        let credits = 0;
        for (const id of step.credentials) {
          const credential = catalog.credentials.find((c) => c.id === id)!;
          expect(credential.offered ?? [season]).toContain(season);
          credits += found.audit ? (credential.credits?.value ?? 0) : 0;
          // Each prerequisite held, or earned in an earlier term (directly or by an equivalent the plan earns).
          for (const pre of credential.prerequisites ?? [])
            if (!held.has(pre) && termOf.has(pre)) expect(termOf.get(pre)!).toBeLessThan(step.step - 1);
        }
        expect(credits).toBeLessThanOrEqual(maxCredits);
      }
      const taken = new Set(transcript.awards.map((a) => a.id));
      const awards = found.credentials.map((id) =>
        plannedAward(catalog, catalog.credentials.find((c) => c.id === id)!, transcript.asOf!, taken),
      );
      const after = whatIf(catalog, transcript, awards, { programs: [target] });
      expect(after.ok && after.value.audits[0]!.status).not.toBe('incomplete');
    },
  );
});
