import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../setup/fuzz.js';
import type { AwardJson, ProgramJson, RequirementJson, TranscriptJson } from './independent-oracle.js';
import { type AuditSummary, auditOfP } from './oracle-audit.js';
import { type OracleCase, oracleCase } from './oracle-arbitraries.js';

/**
 * Adding an award never makes an audit worse (issue 12): the status never drops (complete >
 * in-progress > incomplete), and an incomplete audit stays incomplete only with no fewer
 * requirements met. Requirements met are what the audit maximises when nothing completes the
 * program: the tree's nodes shown met (complete, in progress or waived) and the total-credits
 * and GPA policies when met. A complete (or in-progress) audit is the first complete allocation
 * found (README "Optimal, not greedy"), so how many alternatives beyond an `any`'s need it also
 * meets is not maximised and may go down with another award: there only the status is compared.
 * It holds for every construct the
 * oracle's generators make (`when`, versions, fact references, terms, limits, caps, overlays,
 * pins, waivers, GPA over the applied items) except three, each tested on its own below:
 * - a GPA over every graded award, where an F lowers the GPA whatever the allocation does
 *   (README: "only there, adding an award (an F) can make an audit worse");
 * - a GPA over the applied items in a program with `totalCredits`: the README counts
 *   fall-through in the GPA, and an award that falls through is not the allocation's choice, so
 *   a passing D that no requirement needs lowers the GPA too (so the README's "only there" does
 *   not hold);
 * - a nested program: its audit, made first and alone, chooses the awards its item holds in the
 *   parent (SPEC 5), and another award can make it choose one the parent needs elsewhere;
 * - a policy limit in a program with a `share: true` overlay: items only in overlays spend the
 *   limit after the items applied elsewhere, together with fall-through, in earned order (the
 *   audit's reading of the README's "spent by applied items in tree order, then by fall-through
 *   items"), so an earlier award that falls through can take the limit from an overlay's item;
 * - a count limit (`maxCount`) in a program with `totalCredits`: fall-through spends limits
 *   finished work first, so an added finished award of 1 credit takes the slot a 2-credit award
 *   in progress had toward the total (fuzz find; the order keeps counting work in progress from
 *   ever hurting, which is worth more).
 */

const RANK: Readonly<Record<string, number>> = { incomplete: 0, 'in-progress': 1, complete: 2 };
const MET = new Set(['complete', 'in-progress', 'waived']);

function requirementsMet(audit: AuditSummary): number {
  const nodes = (node: AuditSummary['requirements']): number =>
    (MET.has(node.status) ? 1 : 0) + (node.children ?? []).reduce((s, child) => s + nodes(child), 0);
  const policies = audit.policies.filter(
    (p) => (p.id === 'total-credits' || p.id === 'min-gpa') && p.status !== undefined && MET.has(p.status),
  );
  return nodes(audit.requirements) + policies.length;
}

/** The audit is at least as good as the other: a better status, or the same and, if incomplete, no fewer requirements met. */
function atLeastAsGood(audit: AuditSummary, other: AuditSummary): boolean {
  const [mine, theirs] = [RANK[audit.status]!, RANK[other.status]!];
  return (
    mine > theirs ||
    (mine === theirs && (audit.status !== 'incomplete' || requirementsMet(audit) >= requirementsMet(other)))
  );
}

/** Whether the case has a construct where adding an award may make the audit worse (see above). */
const mayGetWorse = (c: OracleCase) =>
  c.programs.includes('Q') ||
  c.catalog.programs.some(
    ({ policy, requirements }) =>
      policy?.gpa?.over === 'all-graded' ||
      ((policy?.gpa !== undefined || policy?.minGpa !== undefined) && policy.totalCredits !== undefined) ||
      ((policy?.limits ?? []).length > 0 && hasOverlay(requirements)) ||
      ((policy?.limits ?? []).some((l) => l.maxCount !== undefined) && policy?.totalCredits !== undefined),
  );
const hasOverlay = (node: RequirementJson): boolean =>
  node.share === true || [...(node.all ?? []), ...(node.any ?? [])].some(hasOverlay);

type Course = [id: string, credits: number, tags: string[]];

/**
 * Program P with a policy and requirements over courses (default: X, Y, Z of 3 credits, tags a,
 * b, b), one award of each (in order, earned a month apart), with `awards[i]` added to the i-th;
 * the awards beyond `awards.length` are left out when `awards` is given.
 */
function caseOf(
  courses: Course[],
  policy: ProgramJson['policy'],
  requirements: RequirementJson,
  awards: Partial<AwardJson>[],
): OracleCase {
  const list: Course[] =
    courses.length > 0
      ? courses
      : [
          ['X', 3, ['a']],
          ['Y', 3, ['b']],
          ['Z', 3, ['b']],
        ];
  const held = awards.length > 0 ? list.slice(0, awards.length) : list;
  return {
    catalog: {
      institution: { id: 'u', name: 'U' },
      settings: { unit: 'semester', gradeScale: { A: 4, B: 3, C: 2, D: 1, F: 0 } },
      credentials: list.map(([id, credits, tags]) => ({
        id,
        kind: 'course',
        title: id,
        credits: { value: credits, unit: 'semester' },
        tags,
      })),
      programs: [
        { id: 'P', kind: 'certificate', title: 'P', ...(policy === undefined ? {} : { policy }), requirements },
      ],
    },
    transcript: {
      learner: { id: 'l' },
      asOf: '2026-01-01',
      awards: held.map(([id], i) => ({
        id: id.toLowerCase(),
        credential: id,
        earned: `2025-0${i + 1}-15`,
        ...awards[i],
      })),
    },
    options: {},
    programs: ['P'],
  };
}

/** The transcript without one award (one no exception names), or undefined when every award is named. */
function withoutOne(transcript: TranscriptJson, pick: number): TranscriptJson | undefined {
  const named = new Set((transcript.exceptions ?? []).flatMap((e) => ('award' in e ? [e.award] : [])));
  const free = transcript.awards.filter((a) => !named.has(a.id));
  if (free.length === 0) return undefined;
  const gone = free[pick % free.length]!;
  return { ...transcript, awards: transcript.awards.filter((a) => a !== gone) };
}

describe('monotonicity: adding an award never makes an audit worse', () => {
  it('holds on random cases but for nesting, limits with overlays, and GPAs that fall-through or every graded award enter', () => {
    fc.assert(
      fc.property(oracleCase, fc.nat(), (c, pick) => {
        fc.pre(!mayGetWorse(c));
        const fewer = withoutOne(c.transcript, pick);
        fc.pre(fewer !== undefined);
        const before = auditOfP(c, fewer);
        const after = auditOfP(c);
        expect(
          atLeastAsGood(after, before),
          `with the award: ${after.status}, ${requirementsMet(after)} met; without: ${before.status}, ${requirementsMet(before)} met`,
        ).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('does not hold for a GPA over every graded award: adding an F can make a complete audit incomplete', () => {
    // X (3, A) meets the one requirement; the GPA over every graded award needs 2.0. Adding Y
    // (3, F), which counts nowhere, makes the GPA 12 / 6 = 2.0 (still met), and adding Z (3, F)
    // too makes it 12 / 9 = 1.33: incomplete. Over the applied items the same F changes nothing.
    const c = (over: 'applied' | 'all-graded', grades: string[]) =>
      caseOf(
        [],
        { gpa: { min: 2, over } },
        { id: 'x', credential: 'X' },
        grades.map((grade) => ({ grade })),
      );
    const statuses = (over: 'applied' | 'all-graded') =>
      [['A'], ['A', 'F'], ['A', 'F', 'F']].map((grades) => auditOfP(c(over, grades)).status);
    expect(statuses('all-graded')).toEqual(['complete', 'complete', 'incomplete']);
    expect(statuses('applied')).toEqual(['complete', 'complete', 'complete']);
  });

  it('does not hold for a GPA over the applied items when a D falls through toward the total', () => {
    // X (3, A, tag a) meets x and the 3-credit total; GPA 4.0 meets 3.0. Adding Y (3, D, tag b),
    // which no requirement takes, makes it fall through: it counts toward the total and the GPA
    // (README), (12 + 3) / 6 = 2.5 < 3.0: incomplete.
    const c = (grades: string[]) =>
      caseOf(
        [],
        { totalCredits: 3, minGpa: 3 },
        { id: 'x', where: { fact: 'tags', operator: 'contains', value: 'a' }, credits: 3 },
        grades.map((grade) => ({ grade })),
      );
    expect([['A'], ['A', 'D']].map((grades) => auditOfP(c(grades)).status)).toEqual(['complete', 'incomplete']);
  });

  it('does not hold for a limit an earlier fall-through award spends before an overlay item', () => {
    // The overlay o needs one c item; the limit lets 1 credit of b count; the total is 1 credit.
    // C (1, b and c) alone meets o and the total. Adding W (1, b, earned earlier), which only
    // falls through, spends the limit first: C is clipped to nothing and o is no longer met.
    const tag = (value: string) => ({ fact: 'tags', operator: 'contains', value });
    const c = (awards: string[]): OracleCase => {
      const base = caseOf(
        [
          ['W', 1, ['b']],
          ['C', 1, ['b', 'c']],
        ],
        { limits: [{ id: 'L', where: tag('b'), maxCredits: 1 }], totalCredits: 1 },
        { id: 'r', all: [{ id: 'o', share: true, where: tag('c'), count: 1 }] },
        [],
      );
      return {
        ...base,
        transcript: { ...base.transcript, awards: base.transcript.awards.filter((a) => awards.includes(a.credential)) },
      };
    };
    expect([['C'], ['W', 'C']].map((awards) => auditOfP(c(awards)).status)).toEqual(['complete', 'incomplete']);
  });

  it('does not hold across a nested program, whose own audit chooses the awards it holds', () => {
    // Q needs 2 credits of b or c; P needs Q and a c item. With C (1, c) and B (2, b), Q's audit
    // applies B and P completes with B in Q and C in its own leaf. Adding D (1, b, earned between
    // them) makes Q's audit apply C and D (an equally good choice for Q, earlier earned), so P's
    // c item is inside Q's: P is incomplete, though B in Q and C in P would still complete it.
    const tag = (value: string) => ({ fact: 'tags', operator: 'contains', value });
    const c = (awards: string[]): OracleCase => {
      const base = caseOf(
        [
          ['C', 1, ['c']],
          ['D', 1, ['b']],
          ['B', 2, ['b']],
        ],
        undefined,
        {
          id: 'p',
          all: [
            { id: 'pq', program: 'Q' },
            { id: 'n', where: tag('c'), count: 1 },
          ],
        },
        [],
      );
      const q = {
        id: 'Q',
        kind: 'certificate',
        title: 'Q',
        requirements: { id: 'q', where: { any: [tag('b'), tag('c')] }, credits: 2 },
      };
      return {
        ...base,
        catalog: { ...base.catalog, programs: [q, ...base.catalog.programs] },
        transcript: { ...base.transcript, awards: base.transcript.awards.filter((a) => awards.includes(a.credential)) },
        programs: ['Q', 'P'],
      };
    };
    expect(
      [
        ['C', 'B'],
        ['C', 'D', 'B'],
      ].map((awards) => auditOfP(c(awards)).status),
    ).toEqual(['complete', 'incomplete']);
  });
});
