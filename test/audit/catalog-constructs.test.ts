import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit, RequirementResult } from '../../src/audit/audit-result.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { appliedTo, programAudit, readFixture, reasonsFor, requirement, shippedCatalog } from '../helpers.js';

/**
 * The constructs of the shipped catalog (rules/), on the fixtures written for them. Every
 * expected figure below is worked out by hand from rules/ and the fixture; the arithmetic is in
 * the comments.
 *
 * The two versions of the BS in Data Science (rules/programs/degrees.json):
 * - 2022 (2022-08-01 to 2025-07-31): core of 7 courses, 12 credits of major electives, GPA over
 *   the graded items applied and falling through (`minGpa`).
 * - 2025 (from 2025-08-01): DATA 350 joins the core (8 courses), 9 credits of major electives,
 *   the GPA over every graded course, F's included (`gpa.over: "all-graded"`), at most 60 credits
 *   earned before matriculation (`earned` before the learner fact `entered`), and a statistics
 *   emphasis for learners who declare it (STAT 301 and 6 credits of STAT 300+, STAT 301 aside).
 * Grade points: A 4, A- 3.7, B+ 3.3, B 3, B- 2.7, C+ 2.3, C 2, C- 1.7, F 0. Lakeside CC courses
 * are in quarter hours: 4.5 × 2/3 = 3 semester credits.
 */
const V2022 = { from: '2022-08-01', to: '2025-07-31' };
const V2025 = { from: '2025-08-01' };
const OVERLAP_LABEL = 'At most one of DATA 320 and CSCI 310 (overlapping content)';

/** Every node of an audit's tree as [id, status], in tree order. */
const statuses = (node: RequirementResult): [string, string][] => [
  [node.id, node.status],
  ...(node.children ?? []).flatMap(statuses),
];
const policy = (program: ProgramAudit, id: string) => program.policies.find((p) => p.id === id);
/** Audits a fixture changed by `change` (a what-if on the learner or the awards). */
function auditChanged(name: string, change: (t: TranscriptInput) => TranscriptInput, options = {}): ProgramAudit {
  const result = audit(shippedCatalog(), change(readFixture(name) as TranscriptInput), {
    programs: ['bs-data-science'],
    ...options,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}

describe('catalog years: a learner follows the version in force when they entered', () => {
  it('Ada entered on 2022-08-20: the 2022 version, complete (the README quick start)', () => {
    const bs = programAudit('ada-bs-complete.json', 'bs-data-science');
    expect(bs).toMatchObject({ status: 'complete', version: V2022 });
    expect(requirement(bs, 'major-electives').need).toEqual({ credits: 12 });
    expect(requirement(bs, 'core').children!.map((c) => c.id)).toEqual([
      'CSCI-110',
      'CSCI-210',
      'DATA-101',
      'DATA-210',
      'DATA-220',
      'DATA-310',
      'STAT-201',
    ]);
    expect(policy(bs, 'min-gpa')?.label).toBe('Grade point average');
    expect(policy(bs, 'before-entry-cap')).toBeUndefined();
  });
});

describe('Maya: entered in fall 2025, one year in (the 2025 version, midway)', () => {
  const bs = programAudit('maya-2025-first-year.json', 'bs-data-science');

  // Counted (the first audit pass with finished work is not complete, so the in-progress pass is shown):
  //   writing  m01 ENGL 1010 (4.5 qh = 3) + m03 ENGL-102 3 = 6 of 6
  //   math     m04 MATH-110 3 + m08 MATH-151 4 = 7 of 6
  //   science  0 of 4; humanities m11 HIST-110 3 of 6; social m02 PSYC 1010 (3) 3 of 6; COMM-110 m07
  //   core     CSCI-110 m05, CSCI-210 m09, DATA-101 m06; STAT-201 by the retake m12 (in progress);
  //            DATA-210, DATA-220, DATA-310, DATA-350 missing (4)
  //   m10 (STAT-201, F) counts nowhere.
  //   credits  6 + 7 + 3 + 3 + 3 + 3 × 3 + 3 (m12, in progress) = 34 of 120
  //   residency (institution) m03–m09, m11: 3+3+3+3+3+4+3+3 = 25, + m12 3 = 28 of 30
  //   before matriculation (2025-08-18): m01 (2025-03-20) + m02 (2025-06-10) = 6 of at most 60
  //   GPA (all graded, F included): points 4·3 + 3.3·3 + 3.7·3 + 3·3 + 4·3 + 3.3·3 + 3·3 + 2.3·4
  //            + 3·3 + 0·3 + 4·3 = 103.1 over 10·3 + 4 = 34 credits: 3.032…, shown 3.03
  it('follows the 2025 version and is incomplete, 34 of 120 credits', () => {
    expect(bs).toMatchObject({ status: 'incomplete', version: V2025, optimal: true });
    expect(bs.credits).toEqual({ applied: 34, required: 120, unit: 'semester' });
  });

  it('the statistics emphasis, not declared, is not applicable: the root needs its 6 other requirements', () => {
    expect(statuses(bs.requirements)).toEqual([
      ['root', 'incomplete'],
      ['gen-ed', 'incomplete'],
      ['writing', 'complete'],
      ['math', 'complete'],
      ['science', 'incomplete'],
      ['humanities', 'incomplete'],
      ['social', 'incomplete'],
      ['communication', 'complete'],
      ['core', 'incomplete'],
      ['CSCI-110', 'complete'],
      ['CSCI-210', 'complete'],
      ['DATA-101', 'complete'],
      ['DATA-210', 'incomplete'],
      ['DATA-220', 'incomplete'],
      ['DATA-310', 'incomplete'],
      ['DATA-350', 'incomplete'],
      ['STAT-201', 'in-progress'],
      ['specialization', 'incomplete'],
      ['track-analytics', 'incomplete'],
      ['track-cloud', 'incomplete'],
      ['cert-cloud-security', 'incomplete'],
      ['CSCI-340', 'incomplete'],
      ['track-engineering', 'incomplete'],
      ['emphasis-statistics', 'not-applicable'],
      ['STAT-301', 'not-applicable'],
      ['statistics-upper', 'not-applicable'],
      ['major-electives', 'incomplete'],
      ['capstone', 'incomplete'],
      ['writing-intensive', 'incomplete'],
    ]);
    expect(bs.requirements).toMatchObject({ need: { count: 6 }, have: { count: 0 }, remaining: { count: 6 } });
    const emphasis = requirement(bs, 'emphasis-statistics');
    expect(emphasis).not.toHaveProperty('remaining');
    expect(emphasis).not.toHaveProperty('need');
    expect(emphasis.applied).toEqual([]);
  });

  it('counts the dual-enrollment quarter hours as 3 credits each, and STAT 201 by the retake under way', () => {
    expect(appliedTo(bs, 'writing')).toEqual(['m01', 'm03']);
    expect(requirement(bs, 'math')).toMatchObject({ have: { credits: 7 } });
    expect(requirement(bs, 'STAT-201').applied).toEqual([
      { award: 'm12', credential: 'STAT-201', credits: 3, inProgress: true },
    ]);
    expect(reasonsFor(bs, 'm10')).toEqual(['failing grade F']);
  });

  it('says what remains, node by node', () => {
    expect(requirement(bs, 'science').remaining).toMatchObject({ credits: 4 });
    expect(requirement(bs, 'science').remaining?.options?.map((o) => o.credential)).toEqual([
      'BIOL-101',
      'CHEM-101',
      'GEOG-101',
      'PHYS-101',
    ]);
    expect(requirement(bs, 'humanities').remaining).toMatchObject({ credits: 3 });
    expect(requirement(bs, 'social').remaining).toMatchObject({ credits: 3 });
    expect(requirement(bs, 'core').remaining).toEqual({ count: 4 });
    for (const id of ['DATA-210', 'DATA-220', 'DATA-310', 'DATA-350'])
      expect(requirement(bs, id).remaining).toMatchObject({ count: 1, options: [{ credential: id }] });
    expect(requirement(bs, 'specialization').remaining).toEqual({
      count: 1,
      choose: 1,
      of: ['track-analytics', 'track-cloud', 'track-engineering'],
    });
    expect(requirement(bs, 'major-electives')).toMatchObject({ need: { credits: 9 }, remaining: { credits: 9 } });
    expect(requirement(bs, 'capstone').remaining).toEqual({
      count: 1,
      options: [{ credential: 'DATA-410', title: 'Data Science Capstone', credits: 3 }],
    });
    expect(requirement(bs, 'writing-intensive')).toMatchObject({ have: { count: 1 }, remaining: { count: 1 } });
  });

  it('policies: 28 of 30 in residence, 6 credits before matriculation, the GPA over every graded course 3.03', () => {
    expect(bs.policies).toEqual([
      { id: 'total-credits', label: 'Total credits', status: 'incomplete', need: 120, have: 34 },
      { id: 'residency', label: 'Credits earned in residence (institution)', status: 'incomplete', need: 30, have: 28 },
      { id: 'min-gpa', label: 'Grade point average (every graded course)', status: 'complete', need: 2, have: 3.03 },
      { id: 'external-cap', label: 'External and prior-learning credit', need: 30, have: 0 },
      { id: 'prior-learning-cap', label: 'Credit for prior learning', need: 15, have: 0 },
      { id: 'before-entry-cap', label: 'Credit earned before matriculation', need: 60, have: 6 },
      { id: 'data-320-or-csci-310', label: OVERLAP_LABEL, maxCount: 1, have: 0, count: 0 },
    ]);
  });
});

describe('Noor: declares the statistics emphasis', () => {
  const bs = programAudit('noor-statistics-emphasis.json', 'bs-data-science');

  // The 2025 version (entered 2025-08-18), with the emphasis (declared):
  //   writing  n01 ENGL-101 (AP, ungraded) 3 + n06 ENGL-102 3 = 6; math n02 MATH-110 (AP) 3 + n07 MATH-151 4 = 7
  //   science 0 of 4; humanities n11 PHIL-120 3 of 6; social n12 ECON-101 3 of 6; COMM-110 missing
  //   core     CSCI-110 n05, CSCI-210 n09, DATA-101 n04, DATA-220 n10, STAT-201 n03; DATA-210, DATA-310, DATA-350 missing (3)
  //   emphasis STAT-301 n08; STAT 300+ aside STAT 301: n13 STAT-340 (in progress) 3 of 6; n14 STAT-330 is planned
  //   writing-intensive: n06 ENGL-102 and n11 PHIL-120, 2 of 2
  //   credits  6 + 7 + 3 + 3 + 5 × 3 + 3 + 3 = 40; residency n03–n12 = 9 × 3 + 4 = 31, + n13 3 = 34 of 30
  //   prior learning (AP credit by exam) n01 + n02 = 6: of at most 15, of the external cap 30, and of
  //   the 60 before matriculation (earned 2025-07-07)
  //   GPA 4·3 + 3.7·3 + 3.3·3 + 3·3 + 3.7·4 + 4·3 + 3·3 + 4·3 + 3.7·3 + 3·3 = 109.9 over 31: 3.545…, shown 3.55
  //   requirements unmet at the root: gen-ed, core, specialization, emphasis, electives, capstone = 6 of 7
  it('must meet the emphasis: STAT 301 is done, 3 of the 6 upper-division credits are under way', () => {
    expect(bs).toMatchObject({ status: 'incomplete', version: V2025 });
    expect(requirement(bs, 'emphasis-statistics')).toMatchObject({ status: 'incomplete', remaining: { count: 1 } });
    expect(appliedTo(bs, 'STAT-301')).toEqual(['n08']);
    expect(requirement(bs, 'statistics-upper')).toMatchObject({
      status: 'incomplete',
      need: { credits: 6 },
      have: { credits: 3 },
      applied: [{ award: 'n13', credential: 'STAT-340', credits: 3, inProgress: true }],
      remaining: { credits: 3 },
    });
    expect(reasonsFor(bs, 'n14')).toEqual(['planned: counts only in what-if audits and plans']);
    expect(bs.requirements).toMatchObject({ status: 'incomplete', remaining: { count: 6 } });
    expect(bs.credits.applied).toBe(40);
  });

  it('the rest, by hand: AP credit for writing and mathematics, two writing-intensive courses', () => {
    expect(appliedTo(bs, 'writing')).toEqual(['n01', 'n06']);
    expect(appliedTo(bs, 'math')).toEqual(['n02', 'n07']);
    expect(requirement(bs, 'core').remaining).toEqual({ count: 3 });
    expect(requirement(bs, 'communication').status).toBe('incomplete');
    expect(requirement(bs, 'writing-intensive')).toMatchObject({ status: 'complete', shared: true });
    expect(appliedTo(bs, 'writing-intensive')).toEqual(['n06', 'n11']);
    expect(bs.policies).toEqual([
      { id: 'total-credits', label: 'Total credits', status: 'incomplete', need: 120, have: 40 },
      { id: 'residency', label: 'Credits earned in residence (institution)', status: 'complete', need: 30, have: 34 },
      { id: 'min-gpa', label: 'Grade point average (every graded course)', status: 'complete', need: 2, have: 3.55 },
      { id: 'external-cap', label: 'External and prior-learning credit', need: 30, have: 6 },
      { id: 'prior-learning-cap', label: 'Credit for prior learning', need: 15, have: 6 },
      { id: 'before-entry-cap', label: 'Credit earned before matriculation', need: 60, have: 6 },
      { id: 'data-320-or-csci-310', label: OVERLAP_LABEL, maxCount: 1, have: 0, count: 0 },
    ]);
  });

  it('undeclared, the emphasis is not applicable and her statistics courses fall through (still 40 credits)', () => {
    // The root then needs the 6 other requirements and has 1 (writing-intensive): 5 remain.
    const plain = auditChanged('noor-statistics-emphasis.json', (t) => ({
      ...t,
      learner: { ...t.learner, declared: ['bs-data-science'] },
    }));
    expect(requirement(plain, 'emphasis-statistics').status).toBe('not-applicable');
    expect(plain.requirements).toMatchObject({ need: { count: 6 }, have: { count: 1 }, remaining: { count: 5 } });
    expect(plain.fallThrough).toEqual([
      { award: 'n08', credential: 'STAT-301', credits: 3 },
      { award: 'n13', credential: 'STAT-340', credits: 3, inProgress: true },
    ]);
    expect(plain.credits.applied).toBe(40);
  });

  it('in a what-if with her planned STAT 330, the emphasis is met once STAT 340 is finished', () => {
    // n13 (in progress) 3 + n14 (planned) 3 = 6 of 6 upper-division credits.
    const whatIf = programAudit('noor-statistics-emphasis.json', 'bs-data-science', { includePlanned: true });
    expect(requirement(whatIf, 'emphasis-statistics').status).toBe('in-progress');
    expect(requirement(whatIf, 'statistics-upper')).toMatchObject({ status: 'in-progress', have: { credits: 6 } });
    expect(appliedTo(whatIf, 'statistics-upper')).toEqual(['n13', 'n14']);
  });
});

describe('Omar: every requirement met, but the GPA over every graded course is below 2.0', () => {
  const bs = programAudit('omar-failing-grades.json', 'bs-data-science');

  // 44 awards, 2025-FA to 2029-SP, all at Riverbend. Three F's: o07 MATH-151 (4 cr, retaken as
  // o11, C), o17 DATA-310 (3 cr, retaken as o22, C), o28 CHEM-101 (4 cr, not retaken).
  // Counted: 126 graded credits − 11 failed + 6 of micro-credentials (ungraded, the Data Analytics
  // Certificate: 2 + 2 + 1 + 1) = 121 of 120.
  // Graded points by term (credits): 2025-FA 3·2·4 + 2.3·4 = 33.2 (16); 2026-SP 2·3·4 + 0·4 = 24 (16);
  // 2026-FA 2·4 + 2·3 + 2·3 + 2.7·3 + 3·3 = 37.1 (16); 2027-SP 2.3·3 + 0·3 + 2.3·3 + 1.7·3 = 18.9 (12);
  // 2027-FA 2·3·4 + 0·4 = 24 (16); 2028-SP 2·3 + 2·4 + 2·3 + 2·3 + 3·2 = 32 (15);
  // 2028-FA 2·4 + 2·3·4 = 32 (16); 2029-SP 2·3·5 + 2·4 = 38 (19).
  // All graded: 239.2 / 126 = 1.898…, shown 1.9: below 2.0. Without the F's: 239.2 / 115 = 2.08.
  // Electives (9): DATA-320 (C-, at the electives' minimum), CSCI-340, DATA-330: the only three
  // left once DATA-350 is in the core. The 2022 version's 12 credits take DATA-350 too.
  it('meets every requirement, and is incomplete only for the GPA: 239.2 / 126 = 1.9', () => {
    expect(bs).toMatchObject({ status: 'incomplete', version: V2025, optimal: true });
    expect(bs.requirements.status).toBe('complete');
    expect(bs.credits).toEqual({ applied: 121, required: 120, unit: 'semester' });
    expect(policy(bs, 'min-gpa')).toEqual({
      id: 'min-gpa',
      label: 'Grade point average (every graded course)',
      status: 'incomplete',
      need: 2,
      have: 1.9,
    });
    expect(bs.policies.filter((p) => p.status === 'incomplete').map((p) => p.id)).toEqual(['min-gpa']);
    expect(requirement(bs, 'emphasis-statistics').status).toBe('not-applicable');
  });

  it('the F’s count nowhere, yet in the GPA; the retakes count', () => {
    expect(bs.unused).toEqual([
      { award: 'o07', credential: 'MATH-151', reasons: [{ code: 'failing-grade', grade: 'F' }] },
      { award: 'o17', credential: 'DATA-310', reasons: [{ code: 'failing-grade', grade: 'F' }] },
      { award: 'o28', credential: 'CHEM-101', reasons: [{ code: 'failing-grade', grade: 'F' }] },
    ]);
    expect(appliedTo(bs, 'DATA-310')).toEqual(['o22']);
    // STAT-201 (o12) counts in the core and, listed double counting, in mathematics as well:
    // MATH-110 + STAT-201 make the 6 credits, and MATH-151 (o11) falls through to the total.
    expect(appliedTo(bs, 'math')).toEqual(['o02', 'o12']);
    expect(appliedTo(bs, 'DATA-350')).toEqual(['o23']);
    expect(requirement(bs, 'major-electives')).toMatchObject({ need: { credits: 9 }, have: { credits: 9 } });
    expect(appliedTo(bs, 'major-electives')).toEqual(['o19', 'o24', 'o29']);
    expect(appliedTo(bs, 'track-analytics')).toEqual(['program:cert-data-analytics']);
  });

  it('adding his F’s made the audit worse: without them it is complete, GPA 239.2 / 115 = 2.08', () => {
    const withoutFs = auditChanged('omar-failing-grades.json', (t) => ({
      ...t,
      awards: t.awards.filter((a) => a.grade !== 'F'),
    }));
    expect(withoutFs.status).toBe('complete');
    expect(policy(withoutFs, 'min-gpa')).toMatchObject({ status: 'complete', have: 2.08 });
  });

  it('under the 2022 rules (a what-if) the GPA is over the courses counted, 2.08, and he is complete', () => {
    // Same 115 passing graded credits and 239.2 points; DATA-350 is a major elective there (12 credits).
    const old = programAudit('omar-failing-grades.json', 'bs-data-science', { catalogDate: '2024-08-01' });
    expect(old).toMatchObject({ status: 'complete', version: V2022 });
    expect(policy(old, 'min-gpa')).toEqual({
      id: 'min-gpa',
      label: 'Grade point average',
      status: 'complete',
      need: 2,
      have: 2.08,
    });
    expect(appliedTo(old, 'major-electives')).toEqual(['o19', 'o23', 'o24', 'o29']);
  });
});

describe('Priya: a 2022-catalog learner, and a what-if of the 2025 catalog', () => {
  // Entered 2023-01-09 (the 2022 version). Counted under either version:
  //   writing p03 + p06 = 6; math p01 MATH 1110 (4.5 qh = 3) + p07 MATH-151 4 = 7; science p12 BIOL-101 4
  //   (p09 PHYS-101 is an F); humanities p21 + p22 = 6; social p02 SOCI 1010 (3) + p05 = 6; COMM-110 p14
  //   core (2022) CSCI-110 p04, CSCI-210 p10, DATA-101 p08, DATA-210 p13, DATA-220 p15, DATA-310 p19, STAT-201 p11
  //   specialization: only mc-sql p17 and mc-python p18 of the Data Analytics Certificate (they fall through)
  //   credits 63 (22 awards, PHYS-101 aside: 17 × 3 + 2 × 4 + 2 × 2); residency 63 − 6 transfer = 57
  //   graded points: 3·3 + 3.7·3 + 3.3·3 + 3.7·3 + 3·3 + 3·3 + 2.7·4 + 4·3 + 3·3 + 3.3·3 + 3·4 + 3.3·3
  //   + 4·3 + 3.7·3 + 4·3 + 3·3 + 3.3·3 + 3.7·3 + 3.3·3 = 197.7, over 59 passing graded credits
  // 2022: electives DATA-350 p16 + DATA-320 p20 = 6 of 12; GPA over the counted 197.7 / 59 = 3.35.
  // 2025: DATA-350 goes to the core; electives DATA-320 = 3 of 9; GPA over every graded course,
  //   the physics F (4 credits) included: 197.7 / 63 = 3.138…, shown 3.14; before matriculation:
  //   p01 + p02 (2022-06-10) = 6.
  const own = programAudit('priya-catalog-what-if.json', 'bs-data-science');
  const whatIf = programAudit('priya-catalog-what-if.json', 'bs-data-science', { catalogDate: '2025-08-01' });

  it('follows the 2022 version: DATA 350 is an elective, 6 of 12 elective credits', () => {
    expect(own).toMatchObject({ status: 'incomplete', version: V2022 });
    expect(own.credits).toEqual({ applied: 63, required: 120, unit: 'semester' });
    expect(requirement(own, 'major-electives')).toMatchObject({
      need: { credits: 12 },
      have: { credits: 6 },
      remaining: { credits: 6 },
    });
    expect(appliedTo(own, 'major-electives')).toEqual(['p16', 'p20']);
    expect(requirement(own, 'core').status).toBe('complete');
    expect(policy(own, 'min-gpa')).toMatchObject({ label: 'Grade point average', have: 3.35 });
    expect(policy(own, 'before-entry-cap')).toBeUndefined();
    expect(own.requirements.remaining).toEqual({ count: 3 });
  });

  it('the 2025 catalog (catalogDate): DATA 350 in the core, 3 of 9 elective credits, the F in the GPA', () => {
    expect(whatIf).toMatchObject({ status: 'incomplete', version: V2025 });
    expect(whatIf.credits).toEqual({ applied: 63, required: 120, unit: 'semester' });
    expect(appliedTo(whatIf, 'DATA-350')).toEqual(['p16']);
    expect(requirement(whatIf, 'major-electives')).toMatchObject({
      need: { credits: 9 },
      have: { credits: 3 },
      remaining: { credits: 6 },
    });
    expect(requirement(whatIf, 'emphasis-statistics').status).toBe('not-applicable');
    expect(policy(whatIf, 'min-gpa')).toMatchObject({ label: 'Grade point average (every graded course)', have: 3.14 });
    expect(policy(whatIf, 'before-entry-cap')).toEqual({
      id: 'before-entry-cap',
      label: 'Credit earned before matriculation',
      need: 60,
      have: 6,
    });
    // Unmet at the root under either version: specialization, major electives, capstone.
    expect(whatIf.requirements.children!.map((c) => [c.id, c.status])).toEqual([
      ['gen-ed', 'complete'],
      ['core', 'complete'],
      ['specialization', 'incomplete'],
      ['emphasis-statistics', 'not-applicable'],
      ['major-electives', 'incomplete'],
      ['capstone', 'incomplete'],
      ['writing-intensive', 'complete'],
    ]);
    expect(whatIf.requirements).toMatchObject({ need: { count: 6 }, have: { count: 3 }, remaining: { count: 3 } });
  });

  it('her declared programs are what is audited when none is named, the certificate at 2 of 4', () => {
    const report = audit(shippedCatalog(), readFixture('priya-catalog-what-if.json') as TranscriptInput);
    expect(report.ok && report.value.audits.map((a) => [a.program, a.status, a.version])).toEqual([
      ['bs-data-science', 'incomplete', V2022],
      ['cert-data-analytics', 'incomplete', { from: '2022-08-01' }],
    ]);
    if (!report.ok) return;
    const cert = report.value.audits[1]!;
    expect(cert.credits).toEqual({ applied: 4, required: 6, unit: 'semester' });
    expect(statuses(cert.requirements)).toEqual([
      ['root', 'incomplete'],
      ['sql', 'complete'],
      ['python', 'complete'],
      ['spreadsheets', 'incomplete'],
      ['dashboards', 'incomplete'],
    ]);
  });
});

describe('Tomas: electives with a level rule, an overlap cap, STAT 201 counted twice, two subjects', () => {
  const bs = programAudit('tomas-electives-and-sharing.json', 'bs-data-science');
  // Worked by hand on the 2025 version (entered 2025-08-18), 27 credits, all at the institution:
  //   math: MATH-110 3 + STAT-201 3 = 6; STAT-201 also meets the core's STAT-201 (math says
  //     `share: { with: ["core"], where: id = STAT-201 }`), and counts once toward the total.
  //   social (6 credits, distinct subjects): SOCI-101 + PSYC-101; two SOCI courses are one
  //     subject, so SOCI-150 (also humanities) goes to humanities (3 of 6). Record order would
  //     put SOCI-101 and SOCI-150 in social and leave it at one subject.
  //   electives (9 credits, two of them 300-level among the counted): CSCI-240 + CSCI-310 +
  //     DATA-330. DATA-320 overlaps CSCI-310 (at most one of the two counts, the earlier
  //     earned); first fit in record order would take CSCI-240, CSCI-310 and DATA-320.
  it('mathematics takes STAT-201, which counts in the core too, once in the total', () => {
    expect(appliedTo(bs, 'math')).toEqual(['t04', 't05']);
    expect(appliedTo(bs, 'STAT-201')).toEqual(['t05']);
    expect(requirement(bs, 'math').applied[1]).toMatchObject({ award: 't05', alsoIn: ['STAT-201'] });
    expect(bs.explanations).toContainEqual({
      code: 'double-count',
      award: 't05',
      requirements: ['math', 'STAT-201'],
      by: 'math',
    });
    expect(bs.credits.applied).toBe(27);
  });
  it('social science in two subjects; the second SOCI course goes to humanities', () => {
    expect(appliedTo(bs, 'social')).toEqual(['t01', 't03']);
    expect(appliedTo(bs, 'humanities')).toEqual(['t02']);
  });
  it('electives: two 300-level courses among the counted, one of DATA 320 / CSCI 310', () => {
    expect(requirement(bs, 'major-electives')).toMatchObject({
      status: 'complete',
      assert: { status: 'complete', need: { count: 2 }, have: { count: 2 } },
    });
    expect(appliedTo(bs, 'major-electives')).toEqual(['t07', 't08', 't10']);
    expect(bs.unused).toEqual([
      { award: 't09', credential: 'DATA-320', reasons: [{ code: 'over-limit', limits: ['data-320-or-csci-310'] }] },
    ]);
    expect(policy(bs, 'data-320-or-csci-310')).toEqual({
      id: 'data-320-or-csci-310',
      label: OVERLAP_LABEL,
      maxCount: 1,
      have: 3,
      clipped: 3,
      count: 1,
    });
  });
});

describe('a nested certificate waived whole counts for its parent, as when audited alone', () => {
  // Ada without her four micro-credentials (a21-a24), the Data Analytics Certificate's root waived
  // by the registrar: nothing on the transcript counts toward the certificate, yet it is complete.
  const waived = (t: TranscriptInput): TranscriptInput => ({
    ...t,
    awards: t.awards.filter((a) => !['a21', 'a22', 'a23', 'a24'].includes(a.id)),
    exceptions: [
      { type: 'waive', program: 'cert-data-analytics', requirement: 'root', reason: 'prior certificate', by: 'r-1' },
    ],
  });

  it('the certificate alone is complete, with nothing applied', () => {
    const result = audit(shippedCatalog(), waived(readFixture('ada-bs-complete.json') as TranscriptInput), {
      programs: ['cert-data-analytics'],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.audits[0]!.status).toBe('complete');
  });

  it('the BS counts it as the analytics track, made of no award', () => {
    const bs = auditChanged('ada-bs-complete.json', waived);
    expect(requirement(bs, 'track-analytics')).toMatchObject({
      status: 'complete',
      applied: [{ award: 'program:cert-data-analytics', credential: 'cert-data-analytics', components: [] }],
    });
  });
});
