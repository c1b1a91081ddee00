import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { convertCredentials } from '../../src/interop/convert-credentials.js';

/** SPEC section 7 (clarified): an achievement's `humanCode` is matched against a credential's `code`, then its `id`. */

const catalog = (() => {
  const result = loadCatalog([
    {
      file: 'codes.json',
      json: {
        institution: { id: 'riverbend', name: 'Riverbend' },
        settings: { unit: 'semester', gradeScale: { A: 4, F: 0 } },
        credentials: [
          { id: 'DATA-101', kind: 'course', title: 'Foundations', code: 'DATA 101', credits: { value: 3 } },
          { id: 'STAT-201', kind: 'course', title: 'Statistics', credits: { value: 3 } },
          // Its code is another credential's id: the code wins.
          { id: 'stat-honors', kind: 'course', title: 'Honors Statistics', code: 'STAT-201', credits: { value: 4 } },
          { id: 'MATH-110', kind: 'course', title: 'Algebra', credits: { value: 3 } },
        ],
        programs: [],
      },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
})();

/** An Open Badges 3.0 credential whose achievement is unknown to the catalog but for its humanCode. */
const badge = (n: number, humanCode: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: `urn:uuid:code-${n}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'riverbend', type: ['Profile'], name: 'Riverbend' },
  validFrom: '2025-05-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    achievement: {
      id: `https://badges.example.org/achievements/${n}`,
      type: ['Achievement'],
      name: `Achievement ${n}`,
      criteria: { narrative: 'Done.' },
      humanCode,
    },
  },
});

describe('humanCode lookup', () => {
  it("matches a credential's code, then its id, and nothing else", () => {
    const result = convertCredentials(catalog, [
      badge(1, 'DATA 101'),
      badge(2, 'MATH-110'),
      badge(3, 'STAT-201'),
      badge(4, 'MATH 110'),
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.transcript.awards.map((a) => a.credential ?? `inline ${a.code}`)).toEqual([
      'DATA-101',
      'MATH-110',
      'stat-honors',
      'inline MATH 110',
    ]);
  });
});
