import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { withStillNeeded } from '../../src/pathways/still-needed.js';
import { whatIf } from '../../src/pathways/what-if.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';

const catalog = shippedCatalog();
const lena: TranscriptInput = {
  learner: { id: 'lena' },
  asOf: '2026-05-15',
  awards: [
    ...['mc-cloud-iam', 'mc-network-defense', 'mc-threat-modeling'].map((credential, i) => ({
      id: `a${i}`,
      credential,
      earned: '2026-01-10',
    })),
    { id: 'p1', credential: 'mc-cloud-foundations', status: 'planned' as const },
  ],
};
const programs = ['cert-cloud-security', 'digital-bronze'];

describe('stillNeeded: the exact plan on every incomplete audit (SPEC section 8)', () => {
  it('a plain audit: a planned award is not earned yet, so the plan may choose another (the first in id order)', async () => {
    const report = audit(catalog, lena, { programs });
    if (!report.ok) throw new Error('audit');
    const result = await withStillNeeded(catalog, lena, report.value);
    if (!result.ok) throw new Error('stillNeeded');
    expect(result.value.audits.map((a) => [a.program, a.status, a.stillNeeded])).toEqual([
      ['cert-cloud-security', 'incomplete', ['aws-cloud-practitioner']],
      ['digital-bronze', 'incomplete', ['badge-info-literacy', 'badge-online-safety']],
    ]);
  });

  it('a what-if report counts its planned awards: complete, nothing still needed', async () => {
    const report = whatIf(catalog, lena, [], { programs: ['cert-cloud-security'] });
    if (!report.ok) throw new Error('what-if');
    const result = await withStillNeeded(catalog, lena, report.value, { whatIf: [] });
    expect(result.ok && result.value.audits[0]).toMatchObject({ status: 'complete' });
    expect(result.ok && result.value.audits[0]!.stillNeeded).toBeUndefined();
  });

  it('absent when no plan completes the program (Ada entered before the AAS catalog years)', async () => {
    const ada = readFixture('ada-bs-complete.json') as TranscriptInput;
    const report = audit(catalog, ada, { programs: ['aas-it'] });
    if (!report.ok) throw new Error('audit');
    const result = await withStillNeeded(catalog, ada, report.value);
    expect(result.ok && result.value.audits[0]).toMatchObject({ status: 'incomplete' });
    expect(result.ok && 'stillNeeded' in result.value.audits[0]!).toBe(false);
  });

  it('credstack audit asks for it: JSON and text', async () => {
    const args = ['audit', 'fixtures/gia-badge-pathway.json', '--program', 'digital-gold'];
    const json = JSON.parse((await cli([...args, '--format', 'json'])).stdout);
    expect(json.audits[0]).toMatchObject({ status: 'incomplete', stillNeeded: ['badge-content-creation'] });
    expect((await cli(args)).stdout).toContain(
      '  Still needed (the cheapest plan): Digital Content Creation (badge-content-creation)\n',
    );
  });
});
