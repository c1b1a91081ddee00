import fc from 'fast-check';
import type { Catalog } from '../../src/model/catalog.js';
import type { AwardInput, TranscriptInput } from '../../src/model/transcript.js';

const GRADES = ['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D', 'F', 'P'];

/** A random award of a catalog credential, with the source a registrar would record for its kind. */
export function awardOf(catalog: Catalog, id: string): fc.Arbitrary<AwardInput> {
  const credential = catalog.credentials.find((c) => c.id === id)!;
  const source =
    credential.kind === 'certification'
      ? 'external'
      : credential.kind === 'prior-learning'
        ? 'prior-learning'
        : 'institution';
  return fc
    .record({
      grade: credential.kind === 'course' ? fc.constantFrom(...GRADES) : fc.constant(undefined),
      earned: fc
        .date({ min: new Date('2014-01-01T00:00:00Z'), max: new Date('2026-05-15T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      status: fc.constantFrom('completed', 'completed', 'completed', 'in-progress'),
      priorCredits: fc.integer({ min: 3, max: 24 }),
    })
    .map(({ grade, earned, status, priorCredits }) => ({
      id: 'x',
      credential: id,
      earned,
      status: status as 'completed' | 'in-progress',
      source,
      ...(grade ? { grade } : {}),
      ...(credential.issuer ? { issuer: credential.issuer } : {}),
      ...(source === 'prior-learning' && !credential.credits
        ? { credits: { value: priorCredits, unit: 'semester' } }
        : {}),
    }));
}

/**
 * A random transcript of 1 to 30 awards of the catalog's credentials (repeats included), of a
 * learner who entered under the 2022 or the 2025 catalog (or says nothing: the audit date's) and
 * may declare the statistics emphasis.
 */
export function transcriptOf(catalog: Catalog): fc.Arbitrary<TranscriptInput> {
  const ids = catalog.credentials.map((c) => c.id);
  return fc
    .record({
      awards: fc.array(
        fc.constantFrom(...ids).chain((id) => awardOf(catalog, id)),
        { minLength: 1, maxLength: 30 },
      ),
      entered: fc.constantFrom(undefined, '2023-08-21', '2025-08-18'),
      emphasis: fc.boolean(),
    })
    .map(({ awards, entered, emphasis }) => ({
      learner: {
        id: 's-prop',
        ...(entered ? { entered } : {}),
        ...(emphasis ? { declared: ['bs-data-science', 'emphasis-statistics'] } : {}),
      },
      asOf: '2026-05-15',
      awards: awards.map((a, i) => ({ ...a, id: `a${i}` })),
    }));
}
