import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  oracleVerdict,
  readModel,
  type AwardJson,
  type ExceptionJson,
  type LearnerJson,
  type NestedItems,
  type OptionsJson,
  type ProgramJson,
} from './independent-oracle.js';
import { oracleCase, type OracleCase } from './oracle-arbitraries.js';
import { compareCase } from './oracle-comparison.js';

/**
 * credstack's audits against an independent brute-force oracle (`independent-oracle.ts`, written
 * from the SPEC and the README alone). Each hand-made case below is a minimal instance of a kind
 * of disagreement the random property found; its oracle verdict is worked out by hand in its
 * comment, so the oracle is checked too. The cases titled "audit bug" are disagreements where
 * the audit breaks the README's documented decisions (kept failing until the audit is fixed).
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

type ProgramBody = Omit<ProgramJson, 'id' | 'kind' | 'title'> & { title?: string };

/**
 * A case of program P (one body, or its versions): courses `[id, credits, tags]`, one award of
 * each (in order), exceptions; `more` adds learner facts, audit options and a nested program Q.
 */
function caseOf(
  courses: [string, number, string[]][],
  program: ProgramBody | ProgramBody[],
  exceptions: ExceptionJson[] = [],
  awards: Partial<AwardJson>[] = [],
  more: { learner?: Omit<LearnerJson, 'id'>; options?: OptionsJson; nested?: ProgramJson['requirements'] } = {},
): OracleCase {
  const versions = (Array.isArray(program) ? program : [program]).map((body) => ({
    id: 'P',
    kind: 'certificate',
    title: 'P',
    ...body,
  }));
  const nested = more.nested && { id: 'Q', kind: 'certificate', title: 'Q', requirements: more.nested };
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
      programs: nested ? [nested, ...versions] : versions,
    },
    transcript: {
      learner: { id: 'learner', ...more.learner },
      asOf: '2026-01-01',
      awards: courses.map(([id], i) => ({
        id: id.toLowerCase(),
        credential: id,
        earned: `2025-0${i + 1}-15`,
        ...awards[i],
      })),
      exceptions,
    },
    options: more.options ?? {},
    programs: nested ? ['Q', 'P'] : ['P'],
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

  const honors = { fact: 'learnerTags', operator: 'contains', value: 'h' };

  it('an any needing 2 whose second option does not apply for this learner needs 1', () => {
    // y applies only to honors learners: without the tag, X meets x and the any needs only it.
    const program = {
      requirements: {
        id: 'r',
        any: [
          { id: 'x', where: tag('a'), count: 1 },
          { id: 'y', when: honors, where: tag('b'), count: 1 },
        ],
        need: 2,
      },
    };
    const plain = caseOf([['X', 3, ['a']]], program);
    expect(oracleStatus(plain)).toBe('complete');
    expect(compareCase(plain)?.problems).toEqual([]);
    // For an honors learner y applies: 1 of 2, incomplete.
    const tagged = caseOf([['X', 3, ['a']]], program, [], [], { learner: { tags: ['h'] } });
    expect(oracleStatus(tagged)).toBe('incomplete');
    expect(compareCase(tagged)?.problems).toEqual([]);
  });

  it('the version in force on the catalog date is audited; in a gap between versions, nothing counts', () => {
    const versions = [
      {
        title: 'P 2020',
        effective: { from: '2020-08-01', to: '2021-07-31' },
        requirements: { id: 'x', credential: 'X' },
      },
      { title: 'P 2022', effective: { from: '2022-08-01' }, requirements: { id: 'y', credential: 'Y' } },
    ];
    const courses: [string, number, string[]][] = [
      ['X', 3, ['a']],
      ['Y', 3, ['b']],
    ];
    // Entered in 2021: the 2020 version, which X completes.
    const entered = caseOf(courses, versions, [], [], { learner: { entered: '2021-01-01' } });
    expect(readModel(entered.catalog, entered.transcript, 'P').title).toBe('P 2020');
    expect(oracleStatus(entered)).toBe('complete');
    expect(compareCase(entered)?.problems).toEqual([]);
    // A catalog date of 2022-01-15 (a what-if) falls in the gap: the 2020 version (the latest
    // that began before it), out of its catalog years, so X does not count: incomplete.
    const gap = caseOf(courses, versions, [], [], {
      learner: { entered: '2021-01-01' },
      options: { catalogDate: '2022-01-15' },
    });
    expect(readModel(gap.catalog, gap.transcript, 'P', gap.options)).toMatchObject({ title: 'P 2020', inForce: false });
    expect(oracleVerdict(gap.catalog, gap.transcript, 'P', noNesting, 50_000, gap.options)?.status).toBe('incomplete');
    expect(compareCase(gap)?.problems).toEqual([]);
  });

  it('a GPA over every graded award counts the failing grades the audit applies nowhere', () => {
    // X (3, A) meets x; Y and Z (3 each, F) count nowhere. All graded: 12 / 9 = 1.33 < 2,
    // incomplete; over the applied items: 12 / 3 = 4, complete.
    const courses: [string, number, string[]][] = [
      ['X', 3, ['a']],
      ['Y', 3, ['b']],
      ['Z', 3, ['b']],
    ];
    const grades = [{ grade: 'A' }, { grade: 'F' }, { grade: 'F' }];
    const requirements = { id: 'x', where: tag('a'), credits: 3 };
    const allGraded = caseOf(courses, { policy: { gpa: { min: 2, over: 'all-graded' } }, requirements }, [], grades);
    expect(oracleStatus(allGraded)).toBe('incomplete');
    expect(compareCase(allGraded)?.problems).toEqual([]);
    const applied = caseOf(courses, { policy: { gpa: { min: 2 } }, requirements }, [], grades);
    expect(oracleStatus(applied)).toBe('complete');
    expect(compareCase(applied)?.problems).toEqual([]);
    // No graded credit: the GPA is undefined and the check met.
    const ungraded = caseOf(courses.slice(0, 1), { policy: { gpa: { min: 2, over: 'all-graded' } }, requirements });
    expect(oracleStatus(ungraded)).toBe('complete');
    expect(compareCase(ungraded)?.problems).toEqual([]);
  });

  it('a fact reference compares an award with the learner: earned after entered, strictly', () => {
    // Awards earned 2025-01-15, 02-15, 03-15; two a items earned after entry are needed.
    const courses: [string, number, string[]][] = [
      ['X', 3, ['a']],
      ['Y', 3, ['a']],
      ['Z', 3, ['a']],
    ];
    const program = {
      requirements: {
        id: 'since',
        where: { all: [tag('a'), { fact: 'earned', operator: 'after', value: { fact: 'entered' } }] },
        count: 2,
      },
    };
    const early = caseOf(courses, program, [], [], { learner: { entered: '2025-02-01' } });
    expect(oracleStatus(early)).toBe('complete');
    expect(compareCase(early)?.problems).toEqual([]);
    const late = caseOf(courses, program, [], [], { learner: { entered: '2025-02-15' } });
    expect(oracleStatus(late)).toBe('incomplete');
    expect(compareCase(late)?.problems).toEqual([]);
  });

  it('a term condition reads the award term', () => {
    // Two fall items are needed: X (2025-FA) and Z (2024-FA) match, Y (2025-SP) does not.
    const c = caseOf(
      [
        ['X', 3, ['a']],
        ['Y', 3, ['a']],
        ['Z', 3, ['a']],
      ],
      { requirements: { id: 'fall', where: { fact: 'term', operator: 'matches', value: '*-FA' }, count: 2 } },
      [],
      [{ term: '2025-FA' }, { term: '2025-SP' }, { term: '2024-FA' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('audit bug: a waiver on a requirement that does not apply does not meet its parent', () => {
    // x applies only to honors learners; this one has no tag, so `r` needs 2 of y and z. Y meets
    // y, nothing meets z (no c item): incomplete. The waiver of x has no effect (x is left out of
    // the program for this learner). The audit shows x not-applicable yet counts it met in r
    // (have 2 of 2) and calls the program complete.
    const c = caseOf(
      [
        ['X', 3, ['a']],
        ['Y', 3, ['b']],
      ],
      {
        requirements: {
          id: 'r',
          any: [
            { id: 'x', when: honors, where: tag('c'), count: 1 },
            { id: 'y', where: tag('b'), count: 1 },
            { id: 'z', where: tag('c'), credits: 3 },
          ],
          need: 2,
        },
      },
      [{ type: 'waive', program: 'P', requirement: 'x', reason: 'advisor' }],
    );
    expect(oracleStatus(c)).toBe('incomplete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('audit bug: a substitute into a requirement that does not apply leaves the award free', () => {
    // x applies only to honors learners, so the substitute of X into it has no effect: X meets y,
    // complete. The audit applies X at the not-applicable x, leaves y incomplete, and still shows
    // the root (which needs y) complete.
    const c = caseOf(
      [['X', 3, ['a']]],
      {
        requirements: {
          id: 'r',
          all: [
            { id: 'x', when: honors, where: tag('c'), credits: 3 },
            { id: 'y', where: tag('a'), credits: 3 },
          ],
        },
      },
      [{ type: 'substitute', program: 'P', requirement: 'x', award: 'x', reason: 'advisor' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('audit bug: outside its catalog years a program counts no nested program either', () => {
    // Q (no catalog years) is complete with X. P is in effect from 2023-08-01 only, and the
    // learner entered in 2020: nothing counts in P, so neither does Q's item: incomplete. The
    // audit meets pq with Q's item holding no awards and calls P complete.
    const c = caseOf(
      [['X', 3, ['a']]],
      { effective: { from: '2023-08-01' }, requirements: { id: 'top', all: [{ id: 'pq', program: 'Q' }] } },
      [],
      [],
      { learner: { entered: '2020-09-01' }, nested: { id: 'q', where: tag('a'), count: 1 } },
    );
    const qComplete: NestedItems = () => ['x'];
    expect(oracleVerdict(c.catalog, c.transcript, 'P', qComplete)?.status).toBe('incomplete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('audit bug: a GPA over the applied items leaves out an item a policy limit clips to zero', () => {
    // X (3, B) meets x; Y (3, D) would fall through toward the total, but the 0-credit limit on b
    // clips it to nothing, so it counts nowhere (SPEC 4), not in the GPA either: 9 / 3 = 3.0
    // meets 2.5, and X's 3 credits meet the total: complete. The audit lists Y unused (over the
    // limit) yet counts it in the GPA: (9 + 3) / 6 = 2.0, incomplete.
    const c = caseOf(
      [
        ['X', 3, ['a']],
        ['Y', 3, ['b']],
      ],
      {
        policy: { limits: [{ id: 'no-b', where: tag('b'), maxCredits: 0 }], totalCredits: 3, minGpa: 2.5 },
        requirements: { id: 'x', where: tag('a'), credits: 3 },
      },
      [],
      [{ grade: 'B' }, { grade: 'D' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('audit bug: a substitute of work in progress does not keep finished work from completing its requirement (GPA)', () => {
    // W (in progress) is substituted into x. With finished work only, X meets x and Y meets y:
    // GPA (4 + 3) / 2 = 3.5 meets 3.4, complete. The audit reports the in-progress pass (W in x,
    // GPA 3.0 over Y alone) as incomplete; without the substitute it finds the completion.
    const c = caseOf(
      [
        ['X', 1, ['a']],
        ['Y', 1, ['b']],
        ['W', 1, ['a']],
      ],
      {
        policy: { minGpa: 3.4 },
        requirements: {
          id: 'r',
          all: [
            { id: 'x', credential: 'X' },
            { id: 'y', credential: 'Y' },
          ],
        },
      },
      [{ type: 'substitute', program: 'P', requirement: 'x', award: 'w', reason: 'advisor' }],
      [{ grade: 'A' }, { grade: 'B' }, { status: 'in-progress' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  it('audit bug: a substitute of work in progress does not keep finished work from completing its requirement (total)', () => {
    // W (2, in progress, tag big) is substituted into x (1 credit of a, capped at 1); the limit
    // lets 3 credits of big count; the total is 4. With finished work only, X (1) meets x and Z
    // (3, big) falls through: 1 + 3 = 4, complete. The audit puts Z in x (1 counted under the
    // cap) and lets X fall through: 2 credits, incomplete. Without the limit matching W, or
    // without the substitute, or without the cap, it finds the completion.
    const c = caseOf(
      [
        ['X', 1, ['a']],
        ['W', 2, ['a', 'big']],
        ['Z', 3, ['a', 'big']],
      ],
      {
        policy: { limits: [{ id: 'L', where: tag('big'), maxCredits: 3 }], totalCredits: 4 },
        requirements: { id: 'x', where: tag('a'), credits: 1, maxCredits: 1 },
      },
      [{ type: 'substitute', program: 'P', requirement: 'x', award: 'w', reason: 'advisor' }],
      [{}, { status: 'in-progress' }],
    );
    expect(oracleStatus(c)).toBe('complete');
    expect(compareCase(c)?.problems).toEqual([]);
  });

  // Every property run compares the status (complete iff an allocation of finished work completes
  // the program, in progress iff one needs in-progress work), the requirements met when not
  // complete (skipped when the audit says `optimal: false`), and the validity and figures of the
  // allocation the audit reports (always).
  it(`agrees on ${runs} random catalogs with limits, caps, pins, waivers, overlays, nesting, when, versions, GPAs`, () => {
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
