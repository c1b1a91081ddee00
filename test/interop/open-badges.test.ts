import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { convertCredentials, detectInput } from '../../src/interop/convert-credentials.js';
import { formatPath } from '../../src/model/issue.js';
import { cli, readFixture, shippedCatalog } from '../helpers.js';

const convert = (name: string) => {
  const result = convertCredentials(shippedCatalog(), readFixture(`badges/${name}`));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('Open Badges 3.0 and CLR 2.0 input', () => {
  it('detects what it was given', () => {
    expect(detectInput(readFixture('badges/ob3-single-riverbend.json'))).toBe('open-badges');
    expect(detectInput(readFixture('badges/ob3-several-issuers.json'))).toBe('open-badges');
    expect(detectInput(readFixture('badges/clr-farah.json'))).toBe('clr');
    expect(detectInput(readFixture('ada-bs-complete.json'))).toBe('transcript');
    expect(detectInput({ type: 'Person' })).toBeUndefined();
  });

  it('finds the catalog credential by achievement id, maps credits, dates and issuer', () => {
    const { transcript, notices } = convert('ob3-single-riverbend.json');
    expect(transcript.awards).toEqual([
      {
        id: 'urn:uuid:5f1c7c1e-0001-4a8e-9b1e-2f1a00000001',
        credential: 'mc-sql',
        credits: { value: 2, unit: 'semester' },
        earned: '2025-01-20',
        issuer: 'riverbend',
        source: 'institution',
        status: 'completed',
      },
    ]);
    expect(notices).toEqual([{ code: 'proofs-not-verified' }]);
  });

  it('finds credentials by alignment targetUrl and by humanCode; keeps expiry; unknown achievements become inline awards', () => {
    const { transcript, notices } = convert('ob3-several-issuers.json');
    const [google, comptia, unknown] = transcript.awards;
    expect(google).toMatchObject({
      credential: 'google-data-analytics',
      issuer: 'google',
      source: 'external',
      earned: '2025-02-01',
    });
    expect(comptia).toMatchObject({ credential: 'comptia-security-plus', earned: '2021-03-01', expires: '2024-03-01' });
    expect(unknown).toMatchObject({
      title: 'Prompt Engineering Fundamentals',
      kind: 'badge',
      credits: { value: 1, unit: 'semester' },
      tags: ['ai'],
      issuer: 'https://badges.example-academy.org/issuer',
    });
    expect(notices).toContainEqual({
      code: 'unknown-achievement',
      award: unknown!.id,
      achievement: 'https://badges.example-academy.org/achievements/prompt-engineering',
      name: 'Prompt Engineering Fundamentals',
    });
  });

  it('audits badges with the catalog rules: the expired certification and the unaccredited issuer do not count', () => {
    const report = audit(shippedCatalog(), convert('ob3-several-issuers.json').transcript, {
      programs: ['bs-data-science'],
      asOf: '2026-05-15',
    });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const unused = report.value.audits[0]!.unused;
    expect(unused.find((u) => u.award.endsWith('c001'))?.reasons).toEqual([{ code: 'expired', on: '2024-03-01' }]);
    expect(unused.find((u) => u.award.endsWith('u001'))?.reasons[0]).toMatchObject({
      code: 'denied',
      rule: 'unaccredited-issuer',
    });
  });

  it('takes a CLR: grades from LetterGrade results, ECTS by issuer unit, associations checked against the stacking graph', () => {
    const { transcript, notices } = convert('clr-farah.json');
    expect(transcript.awards.find((a) => a.credential === 'DATA-330')).toMatchObject({
      grade: 'A',
      earned: '2025-12-15',
    });
    expect(transcript.awards.find((a) => a.credential === 'eu-data-protection')).toMatchObject({
      credits: { value: 5, unit: 'ects' },
      issuer: 'eu-digital-academy',
    });
    expect(notices).toContainEqual({ code: 'association-disagrees', part: 'DATA-320', whole: 'cert-cloud-security' });
    expect(JSON.stringify(notices)).not.toContain('mc-sql');
  });

  it('audits a CLR exactly as the equivalent SPEC transcript', () => {
    const options = { programs: ['cert-data-engineering', 'bs-data-science', 'aas-it'], asOf: '2026-05-15' };
    const fromClr = audit(shippedCatalog(), convert('clr-farah.json').transcript, options);
    const fromTranscript = audit(shippedCatalog(), readFixture('farah-transcript.json') as never, options);
    expect(fromClr.ok && fromTranscript.ok).toBe(true);
    expect(fromClr).toEqual(fromTranscript);
    if (fromClr.ok) expect(fromClr.value.audits[0]!.status).toBe('complete');
  });

  it('names the credential and the path of malformed badges: bad dates, missing achievement, wrong types', () => {
    const result = convertCredentials(shippedCatalog(), readFixture('badges/ob3-malformed.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.issues.map((i) => [i.code, formatPath(i.path), i.expected.replace(/^.*\(in credential (.*)\)$/, '$1')]),
    ).toEqual([
      ['invalid-badge', '$[0].validFrom', 'urn:uuid:bad-0001'],
      ['invalid-badge', '$[1].credentialSubject.achievement', 'urn:uuid:bad-0002'],
      ['invalid-badge', '$[2].credentialSubject.creditsEarned', 'urn:uuid:bad-0003'],
    ]);
  });

  it('credstack convert prints the transcript and notes that proofs were not verified', async () => {
    const run = await cli(['convert', 'fixtures/badges/clr-farah.json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).awards).toHaveLength(7);
    expect(run.stderr).toMatch(/^note: proofs \(signatures\) were not verified/m);
    const bad = await cli(['convert', 'fixtures/badges/ob3-malformed.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'error: fixtures/badges/ob3-malformed.json $[1].credentialSubject.achievement: expected a value of type object (in credential urn:uuid:bad-0002)',
    );
  });

  it('credstack audit accepts a CLR file', async () => {
    const run = await cli([
      'audit',
      'fixtures/badges/clr-farah.json',
      '--program',
      'cert-data-engineering',
      '--as-of',
      '2026-05-15',
      '--format',
      'json',
    ]);
    expect(JSON.parse(run.stdout).audits[0].status).toBe('complete');
  });
});
