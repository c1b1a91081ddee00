import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../setup/fuzz.js';
import { auditReport } from './oracle-audit.js';
import { oracleCase } from './oracle-arbitraries.js';

/**
 * SPEC 5: "the same transcript in any order gives the same audit". Over the oracle's random
 * cases (every construct it generates: `when`, versions, fact references, terms, GPAs, limits,
 * caps, overlays, pins, waivers, nesting), shuffling the awards and the exceptions gives the same
 * report, byte for byte as JSON.
 */
describe('order independence', () => {
  it('shuffled awards and exceptions give the same audit, byte for byte', () => {
    const shuffled = oracleCase.chain((c) => {
      const { awards, exceptions = [] } = c.transcript;
      return fc
        .tuple(
          fc.shuffledSubarray(awards, { minLength: awards.length, maxLength: awards.length }),
          fc.shuffledSubarray(exceptions, { minLength: exceptions.length, maxLength: exceptions.length }),
        )
        .map(([a, e]) => ({ c, transcript: { ...c.transcript, awards: a, exceptions: e } }));
    });
    fc.assert(
      fc.property(shuffled, ({ c, transcript }) => {
        const original = { ...c.transcript, exceptions: c.transcript.exceptions ?? [] };
        expect(JSON.stringify(auditReport(c, transcript))).toBe(JSON.stringify(auditReport(c, original)));
      }),
      { numRuns: runs(300) },
    );
  });
});
