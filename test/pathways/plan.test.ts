import { recommendationText } from '../../src/report/reason-text.js';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { prepareCatalog } from '../../src/audit/prepare-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import { plan } from '../../src/pathways/plan.js';
import { plannedAward } from '../../src/pathways/plan-model.js';
import { hypotheticalFacts } from '../../src/rules/catalog-facts.js';
import { recommend } from '../../src/pathways/recommend.js';
import { whatIf } from '../../src/pathways/what-if.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';
import { runs } from '../setup/fuzz.js';
import { transcriptOf } from '../audit/transcript-arbitraries.js';

const catalog = shippedCatalog();

/** Credits a planned award of a credential counts for in a program (its rules applied), in the program's unit: the oracle's cost. */
function plannedCredits(catalog: Catalog, id: string, program: string, asOf: string): number {
  const prepared = prepareCatalog(catalog, asOf);
  const credential = catalog.credentials.find((c) => c.id === id)!;
  const source = plannedAward(catalog, credential, asOf, new Set()).source;
  const facts = hypotheticalFacts(catalog, credential, asOf).find((f) => f.source === source)!;
  const outcome = prepared.creditRules.inProgram(prepared.creditRules.general(facts), facts, program);
  const own = outcome.credits
    ? { value: outcome.credits.value, unit: outcome.credits.unit ?? catalog.settings.unit }
    : credential.credits;
  const factor = own
    ? prepared.unitFactor(own.unit ?? catalog.settings.unit, prepared.programs.get(program)!.unit)
    : undefined;
  return own && factor ? (own.value * factor.n) / factor.d : 0;
}
const credits = (id: string, target: string) => plannedCredits(catalog, id, target, '2026-05-15');
const learner = (held: string[], asOf = '2026-05-15'): TranscriptInput => ({
  learner: { id: 'p' },
  asOf,
  awards: held.map((id, i) => ({ id: `h${i}`, credential: id, earned: '2026-01-10' })),
});
const planned = (ids: readonly string[]) =>
  ids.map((id, i) => ({ id: `w${i}`, credential: id, earned: '2026-05-15', status: 'planned' as const, grade: 'A' }));
const best = async (transcript: TranscriptInput, target: string) => {
  const result = await plan(catalog, transcript, { target });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

/** Every subset of the candidate credentials, cheapest completing one: the oracle for small programs. */
function bruteForceCost(transcript: TranscriptInput, target: string, candidates: string[]): number | undefined {
  let cheapest: number | undefined;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => (mask >> i) & 1);
    const cost = chosen.reduce((sum, id) => sum + credits(id, target), 0);
    if (cheapest !== undefined && cost >= cheapest) continue;
    const result = whatIf(catalog, transcript, planned(chosen), { programs: [target] });
    if (result.ok && result.value.audits[0]!.status !== 'incomplete') cheapest = cost;
  }
  return cheapest;
}

describe('plans', () => {
  it('one badge from gold: either missing badge completes silver (the first in id order), and silver stacks into gold', async () => {
    const result = await best(readFixture('gia-badge-pathway.json') as TranscriptInput, 'digital-gold');
    expect(result.best).toMatchObject({
      credentials: ['badge-content-creation'],
      cost: { credits: 0, items: 1 },
      proven: true,
    });
    expect(result.alternatives.map((a) => a.credentials)).toEqual([['badge-data-literacy']]);
  });

  it('nothing to earn when in-progress work completes the program', async () => {
    expect(
      (await best(readFixture('jon-first-term.json') as TranscriptInput, 'cert-cloud-security')).best?.credentials,
    ).toEqual([]);
  });

  it('honours prerequisites as an order (met by an equivalency too), and offers alternatives of equal cost', async () => {
    const result = await best(learner([]), 'cert-cloud-security');
    // AWS Cloud Practitioner (1 credit) stands for Cloud Foundations and comes first in id order.
    expect(result.best).toMatchObject({
      credentials: ['aws-cloud-practitioner', 'mc-cloud-iam', 'mc-incident-response', 'mc-network-defense'],
      steps: [
        { step: 1, credentials: ['aws-cloud-practitioner', 'mc-incident-response'] },
        { step: 2, credentials: ['mc-cloud-iam', 'mc-network-defense'] },
      ],
      cost: { credits: 4, items: 4 },
      proven: true,
    });
    expect(result.alternatives.map((a) => a.credentials)).toContainEqual([
      'mc-cloud-foundations',
      'mc-cloud-iam',
      'mc-network-defense',
      'mc-threat-modeling',
    ]);
  });

  it('adds missing prerequisites to the plan, in order', async () => {
    const result = await best(
      learner(['mc-sql', 'mc-python', 'mc-spreadsheets', 'mc-dashboards']),
      'cert-data-engineering',
    );
    expect(result.best).toMatchObject({
      credentials: ['DATA-101', 'DATA-320', 'DATA-330', 'MATH-110'],
      steps: [
        { step: 1, credentials: ['MATH-110'] },
        { step: 2, credentials: ['DATA-101'] },
        { step: 3, credentials: ['DATA-320'] },
        { step: 4, credentials: ['DATA-330'] },
      ],
      cost: { credits: 12, items: 4 },
      proven: true,
    });
  });

  it('counts an equivalency as an option: AWS Cloud Practitioner stands for Cloud Foundations', async () => {
    const result = await best(
      learner(['mc-cloud-iam', 'mc-network-defense', 'mc-threat-modeling']),
      'cert-cloud-security',
    );
    expect([result.best!.credentials, ...result.alternatives.map((a) => a.credentials)]).toEqual([
      ['aws-cloud-practitioner'],
      ['mc-cloud-foundations'],
    ]);
  });

  const SMALL: [string, string[]][] = [
    ['cert-data-analytics', ['mc-sql', 'mc-python', 'mc-spreadsheets', 'mc-dashboards']],
    [
      'cert-cloud-security',
      [
        'mc-cloud-foundations',
        'mc-cloud-iam',
        'mc-network-defense',
        'mc-incident-response',
        'mc-threat-modeling',
        'aws-cloud-practitioner',
      ],
    ],
    ['cert-project-leadership', ['mc-agile', 'mc-stakeholders', 'mc-pm-capstone']],
    [
      'digital-silver',
      [
        'badge-info-literacy',
        'badge-online-safety',
        'badge-collaboration',
        'badge-content-creation',
        'badge-data-literacy',
      ],
    ],
  ];
  test.prop([fc.constantFrom(...SMALL), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })], { numRuns: runs(30) })(
    'is the cheapest: equal to brute force over every subset on small programs',
    async ([target, pool], heldMask) => {
      const held = pool.filter((_, i) => heldMask[i]);
      const transcript = learner(held);
      const result = await best(transcript, target);
      const oracle = bruteForceCost(
        transcript,
        target,
        pool.filter((id) => !held.includes(id)),
      );
      expect(result.best?.cost.credits).toBe(oracle);
    },
  );

  const programs = [...new Set(catalog.programs.map((p) => p.id))];
  test.prop([transcriptOf(catalog), fc.constantFrom(...programs)], { numRuns: runs(20) })(
    'on random transcripts of the shipped catalog, every plan completes the target in a what-if audit, whatever the order of the awards',
    async (transcript, target) => {
      // A wall-clock limit far above the seconds these plans take, so a loaded machine does not cut them short.
      const options = { target, alternatives: 1, timeLimit: 120 };
      const result = await plan(catalog, transcript, options);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const taken = new Set(transcript.awards.map((a) => a.id));
      for (const found of [result.value.best, ...result.value.alternatives]) {
        if (!found) continue;
        const awards = found.credentials.map((id) =>
          plannedAward(catalog, catalog.credentials.find((c) => c.id === id)!, transcript.asOf!, taken),
        );
        const after = whatIf(catalog, transcript, awards, { programs: [target] });
        expect(after.ok && after.value.audits[0]!.status).not.toBe('incomplete');
      }
      const reversed = await plan(catalog, { ...transcript, awards: [...transcript.awards].reverse() }, options);
      const credentialsOf = (r: Awaited<ReturnType<typeof plan>>) =>
        r.ok ? [r.value.best?.credentials, ...r.value.alternatives.map((a) => a.credentials)] : r.issues;
      // Proven plans are the same in any order; an unproven one (listed double counting, or a limit
      // run out) is the best found, which may differ (not compared).
      const proven = (r: Awaited<ReturnType<typeof plan>>) =>
        r.ok && [r.value.best, ...r.value.alternatives].every((p) => !p || p.proven);
      if (proven(result) && proven(reversed)) expect(credentialsOf(reversed)).toEqual(credentialsOf(result));
    },
  );

  it('credstack plan prints the steps', async () => {
    const run = await cli(['plan', 'fixtures/gia-badge-pathway.json', '--target', 'digital-gold']);
    expect(run.stdout).toBe(
      'Plan for Digital Skills: Gold (digital-gold): 1 credential, 0 credits (the cheapest)\n  Step 1: Digital Content Creation (badge-content-creation)\n  Alternative 1 (0 credits): Data Literacy (badge-data-literacy)\n',
    );
    const json = JSON.parse(
      (await cli(['plan', 'fixtures/gia-badge-pathway.json', '--target', 'digital-gold', '--format', 'json'])).stdout,
    );
    expect(json.best).toEqual({
      target: 'digital-gold',
      credentials: ['badge-content-creation'],
      steps: [{ step: 1, credentials: ['badge-content-creation'] }],
      cost: { credits: 0, items: 1 },
      proven: true,
    });
    expect(json.alternatives.map((a: { credentials: string[] }) => a.credentials)).toEqual([['badge-data-literacy']]);
  });
});

describe('recommendations and what-if', () => {
  it('ranks programs by what remains, earned first, and explains each', async () => {
    const jon = readFixture('jon-first-term.json') as TranscriptInput;
    const report = audit(catalog, jon, { all: true });
    if (!report.ok) throw new Error('audit');
    const ranked = await recommend(catalog, jon, report.value);
    if (!ranked.ok) throw new Error('recommend');
    expect(ranked.value[0]).toMatchObject({ program: 'cert-cloud-security', status: 'in-progress' });
    expect(recommendationText(ranked.value[0]!)).toBe(
      'Cloud Security Certificate: complete once the work in progress is finished',
    );
    const again = await recommend(catalog, jon, report.value);
    expect(again.ok && again.value.map((r) => r.program)).toEqual(ranked.value.map((r) => r.program));
    const lenaAwards = learner(['mc-cloud-foundations', 'mc-cloud-iam', 'mc-network-defense']);
    const lena = audit(catalog, lenaAwards, { all: true });
    if (!lena.ok) throw new Error('audit');
    const first = await recommend(catalog, lenaAwards, lena.value);
    if (!first.ok) throw new Error('recommend');
    // The digital badges (no credits) come first: credits before credentials.
    expect(first.value.map((r) => r.program).slice(0, 4)).toEqual([
      'digital-bronze',
      'digital-silver',
      'digital-gold',
      'cert-cloud-security',
    ]);
    expect(first.value[3]).toMatchObject({
      program: 'cert-cloud-security',
      requirementsLeft: 1,
      creditsLeft: 0,
      open: ['One security operations micro-credential'],
    });
    expect(recommendationText(first.value[3]!)).toBe(
      'Cloud Security Certificate: one requirement (One security operations micro-credential); cheapest plan: one credential, 1 credit (Incident Response)',
    );
    for (let i = 1; i < ranked.value.length; i++) {
      const [a, b] = [ranked.value[i - 1]!, ranked.value[i]!];
      if (a.status === 'incomplete' && b.status === 'incomplete' && a.effort && b.effort)
        expect(a.effort.credits).toBeLessThanOrEqual(b.effort.credits);
    }
  });

  it('marks what depends on the hypothesis', () => {
    const result = whatIf(catalog, learner(['mc-sql', 'mc-python', 'mc-spreadsheets']), planned(['mc-dashboards']), {
      programs: ['cert-data-analytics'],
    });
    if (!result.ok) throw new Error('what-if');
    const cert = result.value.audits[0]!;
    expect(cert).toMatchObject({ status: 'complete', hypothetical: true });
    const dashboards = cert.requirements.children!.find((c) => c.id === 'dashboards')!;
    expect(dashboards).toMatchObject({ hypothetical: true, applied: [{ award: 'w0', hypothetical: true }] });
    expect(cert.requirements.children!.find((c) => c.id === 'sql')!.hypothetical).toBeUndefined();
  });

  it('credstack audit --what-if FILE and --all with the ranking', async () => {
    const run = await cli([
      'audit',
      'fixtures/gia-badge-pathway.json',
      '--program',
      'digital-gold',
      '--what-if',
      'fixtures/what-if/data-literacy.json',
      '--format',
      'json',
    ]);
    expect(JSON.parse(run.stdout).audits[0]).toMatchObject({ status: 'complete', hypothetical: true });
    const all = await cli(['audit', 'fixtures/jon-first-term.json', '--all']);
    expect(all.stdout).toContain(
      'Closest programs:\n  1. Cloud Security Certificate: complete once the work in progress is finished',
    );
  });
});
