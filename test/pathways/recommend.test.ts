import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { recommend, type Recommendation } from '../../src/pathways/recommend.js';
import { planIncomplete } from '../../src/pathways/still-needed.js';
import { recommendationText } from '../../src/report/reason-text.js';
import { cli, readFixture, shippedCatalog, testCatalog } from '../helpers.js';

const learner = (credentials: readonly string[]): TranscriptInput => ({
  learner: { id: 'l' },
  asOf: '2026-05-15',
  awards: credentials.map((credential, i) => ({ id: `a${i}`, credential, earned: '2026-01-10' })),
});

/** The ranking of an audit of these programs (all of them when none is named). */
async function ranking(catalog: Catalog, transcript: TranscriptInput, programs: string[] = []) {
  const report = audit(catalog, transcript, programs.length > 0 ? { programs } : { all: true });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const ranked = await recommend(catalog, transcript, report.value);
  if (!ranked.ok) throw new Error(JSON.stringify(ranked.issues));
  return ranked.value;
}

const ids = (ranked: readonly Recommendation[]) => ranked.map((r) => r.program);

const course = (id: string, credits: number, extra: object = {}) => ({
  id,
  kind: 'course',
  title: `Course ${id}`,
  credits: { value: credits },
  ...extra,
});
const needs = (id: string, credentials: readonly string[]) => ({
  id,
  kind: 'certificate',
  title: `Program ${id}`,
  requirements: { all: credentials.map((credential) => ({ credential })) },
});

describe('recommend: ranked by the remaining effort of the exact plan', () => {
  it('Gia: Silver before the Gold that needs it (both need one badge; a nested program is not one requirement)', async () => {
    const ranked = await ranking(shippedCatalog(), readFixture('gia-badge-pathway.json') as TranscriptInput);
    expect(ids(ranked).slice(0, 3)).toEqual(['digital-bronze', 'digital-silver', 'digital-gold']);
    const gold = ranked[2]!;
    expect(gold).toMatchObject({
      requirementsLeft: 1,
      open: ['Two of collaboration, content, data literacy'],
      effort: {
        credits: 0,
        credentials: [{ credential: 'badge-content-creation', title: 'Digital Content Creation' }],
        proven: true,
      },
    });
    expect(recommendationText(gold)).toBe(
      'Digital Skills: Gold: one requirement (Two of collaboration, content, data literacy); cheapest plan: one credential, 0 credits (Digital Content Creation)',
    );
  });

  it('Gold counts what the nested Silver still needs: two badges, not one requirement (audited alone too)', async () => {
    const transcript = learner(['badge-info-literacy', 'badge-online-safety', 'badge-digital-project']);
    const ranked = await ranking(shippedCatalog(), transcript, ['digital-gold', 'digital-silver']);
    expect(ranked.map((r) => [r.program, r.requirementsLeft, r.effort?.credentials.length])).toEqual([
      ['digital-silver', 2, 2],
      ['digital-gold', 2, 2],
    ]);
    // The report holds Gold only: Silver's open requirements come from its own audit.
    const alone = await ranking(shippedCatalog(), transcript, ['digital-gold']);
    expect(alone[0]).toMatchObject({ requirementsLeft: 2, open: ['Two of collaboration, content, data literacy'] });
  });

  it('credits before requirements: two 1-credit courses rank before one 12-credit course', async () => {
    const catalog = testCatalog({
      credentials: [course('BIG', 12), course('S1', 1), course('S2', 1)],
      programs: [needs('a-one-big', ['BIG']), needs('b-two-small', ['S1', 'S2'])],
      gradeScale: { A: 4 },
    });
    const ranked = await ranking(catalog, learner([]));
    expect(ranked.map((r) => [r.program, r.requirementsLeft, r.effort?.credits])).toEqual([
      ['b-two-small', 2, 2],
      ['a-one-big', 1, 12],
    ]);
  });

  it('then fewer credentials: one 2-credit course before two 1-credit courses', async () => {
    const catalog = testCatalog({
      credentials: [course('S1', 1), course('S2', 1), course('T2', 2)],
      programs: [needs('a-two', ['S1', 'S2']), needs('b-one', ['T2'])],
      gradeScale: { A: 4 },
    });
    expect(ids(await ranking(catalog, learner([])))).toEqual(['b-one', 'a-two']);
  });

  it('a program no plan completes ranks after every program with one, whatever its requirements', async () => {
    const catalog = testCatalog({
      credentials: [course('S1', 1), course('S2', 1)],
      programs: [
        needs('b-two', ['S1', 'S2']),
        {
          id: 'a-impossible',
          kind: 'certificate',
          title: 'Impossible',
          requirements: { where: { fact: 'subject', operator: 'equal', value: 'NONE' }, credits: 3 },
        },
      ],
      gradeScale: { A: 4 },
    });
    const ranked = await ranking(catalog, learner([]));
    expect(ids(ranked)).toEqual(['b-two', 'a-impossible']);
    expect(ranked[1]).toMatchObject({ requirementsLeft: 1 });
    expect(ranked[1]!.effort).toBeUndefined();
    expect(recommendationText(ranked[1]!)).toBe(
      'Impossible: one requirement (root); no plan from the catalog completes it',
    );
  });

  it('an unproven plan (as past the time limit) ranks by its cost, marked', async () => {
    const catalog = shippedCatalog();
    const transcript = readFixture('jon-first-term.json') as TranscriptInput;
    const report = audit(catalog, transcript, { all: true });
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    const plans = await planIncomplete(catalog, transcript, report.value);
    if (!plans.ok) throw new Error(JSON.stringify(plans.issues));
    // The 2025 BS (STAT-201 counts twice) is proven; a time limit would leave a plan unproven.
    const proven = plans.value.get('bs-data-science')!;
    expect(proven.best).toMatchObject({ cost: { credits: 116 }, proven: true });
    const unproven = new Map(plans.value).set('bs-data-science', {
      ...proven,
      best: { ...proven.best!, proven: false },
    });
    const ranked = await recommend(catalog, transcript, report.value, { plans: unproven });
    if (!ranked.ok) throw new Error(JSON.stringify(ranked.issues));
    const bs = ranked.value.find((r) => r.program === 'bs-data-science')!;
    expect(bs.effort).toMatchObject({ credits: 116, proven: false });
    expect(ids(ranked.value).at(-1)).toBe('bs-data-science');
    expect(recommendationText(bs)).toContain('; a plan (not proven cheapest): 31 credentials, 116 credits (');
  });

  it('with terms: equal credits and credentials go to the plan of fewer terms', async () => {
    const loaded = loadCatalog([
      {
        file: 'terms.json',
        json: {
          institution: { id: 'u', name: 'U' },
          settings: { unit: 'semester', gradeScale: { A: 4 }, terms: ['spring', 'fall'], maxCreditsPerTerm: 15 },
          credentials: [course('P1', 3), course('P2', 3, { prerequisites: ['P1'] }), course('Q1', 3), course('Q2', 3)],
          programs: [needs('a-chain', ['P1', 'P2']), needs('b-side-by-side', ['Q1', 'Q2'])],
        },
      },
    ]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const transcript = learner([]);
    expect(ids(await ranking(loaded.value, transcript))).toEqual(['a-chain', 'b-side-by-side']);
    const report = audit(loaded.value, transcript, { all: true });
    if (!report.ok) throw new Error('audit');
    const timed = await recommend(loaded.value, transcript, report.value, { terms: { start: '2026-fall' } });
    expect(timed.ok && timed.value.map((r) => [r.program, r.effort?.credits, r.effort?.terms])).toEqual([
      ['b-side-by-side', 6, 1],
      ['a-chain', 6, 2],
    ]);
    expect(timed.ok && recommendationText(timed.value[0]!)).toBe(
      'Program b-side-by-side: 2 requirements (Q1, Q2); cheapest plan: 2 credentials, 6 credits, 1 term (Course Q1, Course Q2)',
    );
  });

  it('credstack audit --all ranks by the plan: Silver before Gold', async () => {
    const run = await cli(['audit', 'fixtures/gia-badge-pathway.json', '--all']);
    expect(run.stdout).toContain(
      'Closest programs:\n  1. Digital Skills: Bronze: earned\n  2. Digital Skills: Silver: one requirement (Two of collaboration, content, data literacy); cheapest plan: one credential, 0 credits (Digital Content Creation)\n  3. Digital Skills: Gold:',
    );
  });
});
