import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit } from '../../src/audit/audit-result.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { readFixture, shippedCatalog } from '../helpers.js';

const catalog = shippedCatalog();
const ada = readFixture('ada-bs-complete.json') as TranscriptInput;
const asOf = '2026-05-15';

/** The BS audit of Ada's transcript with 30 of her 40 awards: incomplete, so its headline reads the tree. */
function programAudit(transcript: TranscriptInput): ProgramAudit {
  const result = audit(catalog, transcript, { programs: ['bs-data-science'], asOf });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}

const DETAIL_KEYS = ['requirements', 'policies', 'unused', 'explanations'] as const;

describe('a program audit built only as far as it is read', () => {
  const transcripts: [string, TranscriptInput][] = [
    ['complete', ada],
    ['incomplete', { ...ada, awards: ada.awards.slice(0, 30) }],
  ];
  it.each(transcripts)('%s: the same JSON whichever field is read first, keys in the same order', (_, transcript) => {
    const whole = JSON.stringify(programAudit(transcript));
    for (const first of DETAIL_KEYS) {
      const partial = programAudit(transcript);
      void partial[first];
      expect(JSON.stringify(partial)).toBe(whole);
    }
    expect(Object.keys(JSON.parse(whole))).toEqual([
      'program',
      'title',
      'version',
      'asOf',
      'status',
      'optimal',
      'credits',
      'requirements',
      'policies',
      'fallThrough',
      'unused',
      'explanations',
    ]);
  });

  it('the details are made when first read, not with the audit', () => {
    const result = programAudit(ada);
    for (const key of DETAIL_KEYS) expect(Object.getOwnPropertyDescriptor(result, key)).toHaveProperty('get');
    expect(Object.getOwnPropertyDescriptor(result, 'status')).toHaveProperty('value', 'complete');
  });

  it('each detail is made once: reading it twice gives the same object', () => {
    const result = programAudit(ada);
    for (const key of DETAIL_KEYS) expect(result[key]).toBe(result[key]);
  });

  it('a spread copies plain values, equal to the result read in full', () => {
    const result = programAudit(ada);
    const copy = { ...result };
    for (const key of DETAIL_KEYS) expect(Object.getOwnPropertyDescriptor(copy, key)).toHaveProperty('value');
    expect(copy).toEqual(JSON.parse(JSON.stringify(programAudit(ada))));
  });

  it('logged in Node it shows its values, not getters', () => {
    const shown = inspect(programAudit(ada), { depth: 0 });
    expect(shown).not.toContain('Getter');
    expect(shown).toContain("status: 'complete'");
    expect(shown).toMatch(/requirements: \[Object\]/);
  });
});
