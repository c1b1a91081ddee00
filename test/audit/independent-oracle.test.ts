import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oracleVerdict, type AwardJson, type ExceptionJson, type ProgramJson } from './independent-oracle.js';
import { oracleCase, type OracleCase } from './oracle-arbitraries.js';
import { compareCase } from './oracle-comparison.js';

/**
 * credstack's audits against an independent brute-force oracle (`independent-oracle.ts`, written
 * from the SPEC and the README alone). Each hand-made case below is a minimal instance of a kind
 * of disagreement the random property found; its oracle verdict is worked out by hand in its
 * comment, so the oracle is checked too.
 */

// `npm run fuzz` (CREDSTACK_FUZZ set): 20,000 cases from a random seed, which fast-check prints on
// a failure; `npm test`: 300 cases from a fixed seed.
const fuzz = Boolean(process.env.CREDSTACK_FUZZ);
const runs = fuzz ? 20_000 : 300;
const seeded = fuzz ? {} : { seed: 20261201 };

const tag = (value: string) => ({ fact: 'tags', operator: 'contains', value });
const noNesting = () => {
  throw new Error('no nested program here');
};

/** A one-program case: courses `[id, credits, tags]`, one award of each (in order), exceptions. */
function caseOf(
  courses: [string, number, string[]][],
  program: Omit<ProgramJson, 'id' | 'kind' | 'title'>,
  exceptions: ExceptionJson[] = [],
  awards: Partial<AwardJson>[] = [],
): OracleCase {
  return {
    catalog: {
      institution: { id: 'u', name: 'Oracle University' },
      settings: { unit: 'semester', gradeScale: { A: 4, B: 3, C: 2, D: 1, F: 0 } },
      credentials: courses.map(([id, credits, tags]) => ({
        id,
        kind: 'course',
        title: id,
        credits: { value: credits, unit: 'semester' },
        tags,
      })),
      programs: [{ id: 'P', kind: 'certificate', title: 'P', ...program }],
    },
    transcript: {
      learner: { id: 'learner' },
      asOf: '2026-01-01',
      awards: courses.map(([id], i) => ({
        id: id.toLowerCase(),
        credential: id,
        earned: `2025-0${i + 1}-15`,
        ...awards[i],
      })),
      exceptions,
    },
    programs: ['P'],
  };
}

const oracleStatus = (c: OracleCase) => oracleVerdict(c.catalog, c.transcript, 'P', noNesting)?.status;

/** Issue 11 item 1: X (4, a) clipped to 1 by a limit on a, with Y (4, c) and Z (3, c), makes 1 + 4 + 3 = 8. */
const partialLimit = caseOf(
  [
    ['X', 4, ['a']],
    ['Y', 4, ['c']],
    ['Z', 3, ['c']],
  ],
  {
    policy: { limits: [{ id: 'cap-a', where: tag('a'), maxCredits: 1 }] },
    requirements: { id: 'eight', where: { any: [tag('a'), tag('c')] }, credits: 8 },
  },
);

describe('audits agree with an independent brute-force oracle', () => {
  it('issue 11: an item a policy limit clips in part still counts its part (1 + 4 + 3 = 8: complete)', () => {
    expect(oracleStatus(partialLimit)).toBe('complete');
    expect(compareCase(partialLimit)?.problems).toEqual([]);
  });

  it('a shared overlay counts an item for what a policy limit leaves of it', () => {
    // X and Y (4 credits of a each) under a 1-credit limit on a: 1 credit of a counts in all, so
    // the overlay's 2 credits of a cannot be met (X counts 1 in `one`, Y nothing): incomplete.
    const c = caseOf(
      [
        ['X', 4, ['a']],
        ['Y', 4, ['a']],
      ],
      {
        policy: { limits: [{ id: 'cap-a', where: tag('a'), maxCredits: 1 }] },
        requirements: {
          id: 'all',
          all: [
            { id: 'one', where: tag('a'), count: 1 },
            { id: 'overlay', share: true, where: tag('a'), credits: 2 },
          ],
        },
      },
    );
    expect(oracleStatus(c)).toBe('incomplete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('an item a policy limit clips to zero counts toward no count requirement', () => {
    // X (1 credit of c) under a 0-credit limit on c counts nowhere (SPEC 4): one c item is missing.
    const c = caseOf([['X', 1, ['c']]], {
      policy: { limits: [{ id: 'no-c', where: tag('c'), maxCredits: 0 }] },
      requirements: { id: 'one-c', where: tag('c'), count: 1 },
    });
    expect(oracleStatus(c)).toBe('incomplete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('a substituted award also counts in a shared overlay it matches', () => {
    // X (c) is substituted into `core` (3 credits of a) and matches the overlay (one c item),
    // whose items may also count elsewhere: both are met, complete.
    const c = caseOf(
      [['X', 3, ['c']]],
      {
        requirements: {
          id: 'all',
          all: [
            { id: 'overlay', share: true, where: tag('c'), count: 1 },
            { id: 'core', where: tag('a'), credits: 3 },
          ],
        },
      },
      [{ type: 'substitute', program: 'P', requirement: 'core', award: 'x', reason: 'advisor' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('a substituted award a policy limit clips to zero leaves room for another award', () => {
    // X (b) is substituted into `one` (1 credit of a or b) but a 0-credit limit on b clips it to
    // nothing; Y (1 credit of a) meets `one`: complete.
    const c = caseOf(
      [
        ['X', 1, ['b']],
        ['Y', 1, ['a']],
      ],
      {
        policy: { limits: [{ id: 'no-b', where: tag('b'), maxCredits: 0 }] },
        requirements: { id: 'one', where: { any: [tag('a'), tag('b')] }, credits: 1 },
      },
      [{ type: 'substitute', program: 'P', requirement: 'one', award: 'x', reason: 'advisor' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  // Every property run compares the status (complete iff an allocation of finished work completes
  // the program, in progress iff one needs in-progress work), the requirements met when not
  // complete (skipped when the audit says `optimal: false`), and the validity and figures of the
  // allocation the audit reports (always).
  it(`agrees on ${runs} random catalogs with limits, caps, pins, waivers, overlays and nesting`, () => {
    fc.assert(
      fc.property(oracleCase, (c) => {
        const comparison = compareCase(c);
        fc.pre(comparison !== undefined);
        expect(comparison.problems).toEqual([]);
      }),
      { numRuns: runs, ...seeded },
    );
  });
});
