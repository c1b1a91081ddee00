import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import type { RequirementResult } from '../../src/audit/audit-result.js';
import { leafRemainingText } from '../../src/report/reason-text.js';

/** Issue 14: the text an advisor and a learner read, finding by finding. */
const text = async (args: string[]) => {
  const run = await cli(args);
  expect(run.stderr).toBe('');
  return run.stdout;
};

describe('credstack audit text', () => {
  it('shows titles with ids: applied credentials, credential leaves, awards not counted', async () => {
    const out = await text(['audit', 'fixtures/jon-first-term.json', '--program', 'cert-cloud-security']);
    expect(out).toContain('✓ Cloud Foundations 1/1  ← Cloud Foundations (mc-cloud-foundations)\n');
    // A leaf without a label is named by its credential; its applied credential needs only the id.
    expect(out).toContain('◐ Incident Response (mc-incident-response) 1/1  ← mc-incident-response (in progress)\n');
    expect(out).toContain('- Programming I (CSCI-110), award j5: planned: counts only in what-if audits and plans\n');
    expect(out).not.toMatch(/^\s+- j5:/m);
  });

  it('names transfer work described inline by its transcript title, with its award id', async () => {
    // Maya's m01 and m02 name no catalog credential: the transcript gives their titles.
    const out = await text(['audit', 'fixtures/maya-2025-first-year.json', '--program', 'bs-data-science']);
    expect(out).toContain('✓ Writing 6 cr/6 cr  ← Composition (award m01), Composition II (ENGL-102)\n');
    expect(out).toContain('← General Psychology (award m02)\n');
    expect(out).not.toMatch(/← m0[12]\b/);
  });

  it('words what remains by title, without a tautology, and the cheapest plan by title', async () => {
    const out = await text(['audit', 'fixtures/jon-first-term.json', '--program', 'cert-data-engineering']);
    expect(out).toContain(
      '  Remaining:\n    - Data Analytics Certificate (cert-data-analytics)\n    - Databases (DATA-320)\n    - Cloud Data Engineering (DATA-330)\n',
    );
    expect(out).not.toContain('Data Analytics Certificate: ');
    expect(out).toContain(
      '  Still needed (the cheapest plan): Foundations of Data Analysis (DATA-101), Databases (DATA-320), ',
    );
    const gia = await text(['audit', 'fixtures/gia-badge-pathway.json', '--program', 'cert-cloud-security']);
    expect(gia).toContain(
      '- Cloud Foundations: one of Cloud Foundations (mc-cloud-foundations), AWS Certified Cloud Practitioner (aws-cloud-practitioner)\n',
    );
    const ben = await text(['audit', 'fixtures/ben-stacking-certificates.json', '--program', 'aas-it']);
    expect(ben).toContain(
      '- General education: 15 more credits, from Drawing and Design (ARTS-110, 3 cr), General Biology (BIOL-101, 4 cr), ',
    );
  });

  it('shows an open any as the choice left, not each alternative as required', async () => {
    const out = await text(['audit', 'fixtures/gia-badge-pathway.json', '--program', 'cert-cloud-security']);
    expect(out).toContain(
      '- One security operations micro-credential: choose 1 of: Incident Response (mc-incident-response), Threat Modeling (mc-threat-modeling)\n',
    );
    expect(out).not.toContain('- Incident Response (mc-incident-response)\n');
    const bs = await text(['audit', 'fixtures/jon-first-term.json', '--program', 'bs-data-science']);
    expect(bs).toContain(
      [
        '    - Specialization (one track): choose 1 of: Analytics track, Cloud security track, Data engineering track',
        '      - Analytics track: Data Analytics Certificate (cert-data-analytics)',
        '      - Cloud security track: Cloud Computing (CSCI-340)',
        '      - Data engineering track: Data Engineering Certificate (cert-data-engineering)',
      ].join('\n'),
    );
  });

  it('shows not-needed alternatives as not needed, not as failures with 0/1', async () => {
    const out = await text(['audit', 'fixtures/ben-stacking-certificates.json', '--program', 'aas-it']);
    expect(out).toContain('○ Cloud Security Certificate (cert-cloud-security) (not needed)\n');
    expect(out).not.toMatch(/○ .* 0\/1/);
    expect(out).not.toContain('Cloud Security Certificate (cert-cloud-security):');
  });

  it('marks what-if results: the planned award and the statuses it changes', async () => {
    const out = await text([
      'audit',
      'fixtures/jon-first-term.json',
      '--what-if',
      'fixtures/what-if/data-literacy.json',
    ]);
    expect(out).toContain('✓ Programming I (CSCI-110) 1/1 (what-if)  ← CSCI-110 (what-if)\n');
    expect(out).not.toMatch(/✓ CSCI-110 1\/1\s*←/);
  });
});

describe('what remains, in words', () => {
  it('says one more credit in the singular, more credits in the plural', () => {
    const leaf = (credits: number) =>
      ({ id: 'n', kind: 'where', status: 'incomplete', applied: [], remaining: { credits } }) as RequirementResult;
    expect(leafRemainingText('Natural science', leaf(1))).toBe('Natural science: 1 more credit');
    expect(leafRemainingText('Natural science', leaf(4))).toBe('Natural science: 4 more credits');
  });
});
