import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { ProgramAudit } from '../../src/audit/audit-result.js';
import type { Catalog } from '../../src/model/catalog.js';
import { loadTestCatalog, requirement, testCatalog, testCourse } from '../helpers.js';

const course = (id: string, subject: string, number: number, tags: string[] = []) =>
  testCourse(id, { subject, number, tags });
const data = { fact: 'subject', operator: 'equal', value: 'DATA' };
const levelThree = { fact: 'number', operator: 'greaterThanInclusive', value: 300 };
const credentials = [
  course('DATA-201', 'DATA', 201),
  course('DATA-202', 'DATA', 202),
  course('DATA-203', 'DATA', 203),
  course('DATA-301', 'DATA', 301),
  course('DATA-302', 'DATA', 302),
  course('HIST-110', 'HIST', 110, ['breadth']),
  course('HIST-120', 'HIST', 120, ['breadth']),
  course('PHIL-110', 'PHIL', 110, ['breadth']),
  course('ARTS-110', 'ARTS', 110, ['breadth']),
];
const programs = [
  {
    id: 'levels',
    kind: 'certificate',
    title: 'Electives with a level rule',
    requirements: {
      id: 'electives',
      where: data,
      credits: 9,
      assert: { where: levelThree, count: 2, label: 'two level-III courses' },
    },
  },
  {
    id: 'satisfactory',
    kind: 'certificate',
    title: 'Electives, at most one S/U',
    requirements: {
      id: 'electives',
      where: data,
      credits: 9,
      assert: { where: { fact: 'grade', operator: 'equal', value: 'S' }, maxCount: 1 },
    },
  },
  {
    id: 'breadth',
    kind: 'certificate',
    title: 'Breadth in three subjects',
    requirements: {
      all: [
        {
          id: 'breadth',
          where: { fact: 'tags', operator: 'contains', value: 'breadth' },
          credits: 9,
          assert: { where: { fact: 'tags', operator: 'contains', value: 'breadth' }, count: 3, distinct: 'subject' },
        },
        { id: 'history', where: { fact: 'subject', operator: 'equal', value: 'HIST' }, count: 1 },
      ],
    },
  },
  {
    id: 'perspectives',
    kind: 'certificate',
    title: 'Two of three perspectives among the counted',
    requirements: {
      id: 'courses',
      where: data,
      count: 2,
      assert: {
        any: [
          { where: { fact: 'number', operator: 'equal', value: 201 }, count: 1 },
          { where: { fact: 'number', operator: 'equal', value: 301 }, count: 1 },
          { where: { fact: 'number', operator: 'greaterThanInclusive', value: 302 }, count: 1 },
        ],
        need: 2,
      },
    },
  },
  {
    id: 'two-subjects',
    kind: 'certificate',
    title: 'Three breadth credits, two subjects among the counted',
    requirements: {
      id: 'breadth',
      where: { fact: 'tags', operator: 'contains', value: 'breadth' },
      credits: 3,
      assert: { where: { fact: 'tags', operator: 'contains', value: 'breadth' }, count: 2, distinct: 'subject' },
    },
  },
];
const catalog: Catalog = testCatalog({
  credentials,
  programs,
  gradeScale: { A: 4, B: 3, S: null },
  passingGrades: ['S'],
});

type Held = [string, string] | [string, string, 'in-progress'];
function auditOf(program: string, held: Held[], exceptions: unknown[] = []): ProgramAudit {
  const awards = held.map(([credential, grade, status], i) => ({
    id: `a${i}`,
    credential,
    earned: `2025-0${i + 1}-01`,
    grade,
    ...(status ? { status } : {}),
  }));
  const transcript = { learner: { id: 's' }, asOf: '2026-05-01', awards, exceptions };
  const result = audit(catalog, transcript as never, { programs: [program] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.audits[0]!;
}
const applied = (a: ProgramAudit, id: string) => requirement(a, id).applied.map((x) => x.credential);

describe('assert: among the counted', () => {
  it('chooses the level-300 electives: record order (and first fit) would take the three 200s and fail', () => {
    const a = auditOf('levels', [
      ['DATA-201', 'A'],
      ['DATA-202', 'A'],
      ['DATA-203', 'A'],
      ['DATA-301', 'A'],
      ['DATA-302', 'A'],
    ]);
    expect(a.status).toBe('complete');
    // 9 credits with two level-III courses: DATA-301, DATA-302 and one 200 (the earliest, DATA-201).
    expect(applied(a, 'electives')).toEqual(['DATA-201', 'DATA-301', 'DATA-302']);
    expect(requirement(a, 'electives').assert).toEqual({
      kind: 'where',
      label: 'two level-III courses',
      status: 'complete',
      need: { count: 2 },
      have: { count: 2 },
    });
  });

  it('its own need met but its assert not: incomplete, and remaining says it is the assert', () => {
    const a = auditOf('levels', [
      ['DATA-201', 'A'],
      ['DATA-202', 'A'],
      ['DATA-301', 'A'],
    ]);
    expect(a.status).toBe('incomplete');
    expect(requirement(a, 'electives')).toMatchObject({
      status: 'incomplete',
      have: { credits: 9 },
      need: { credits: 9 },
      assert: { status: 'incomplete', have: { count: 1 }, need: { count: 2 } },
      remaining: { assert: true },
    });
  });

  it('an assert met only once work in progress finishes: in progress', () => {
    const a = auditOf('levels', [
      ['DATA-201', 'A'],
      ['DATA-301', 'A'],
      ['DATA-302', 'A', 'in-progress'],
    ]);
    expect(a.status).toBe('in-progress');
    expect(requirement(a, 'electives').assert).toMatchObject({ status: 'in-progress', have: { count: 2 } });
  });

  it('at most one S/U course: two of the three S courses stay out, the A courses count', () => {
    const a = auditOf('satisfactory', [
      ['DATA-201', 'S'],
      ['DATA-202', 'S'],
      ['DATA-203', 'S'],
      ['DATA-301', 'A'],
      ['DATA-302', 'A'],
    ]);
    expect(a.status).toBe('complete');
    expect(applied(a, 'electives')).toEqual(['DATA-201', 'DATA-301', 'DATA-302']);
    expect(requirement(a, 'electives').assert).toMatchObject({
      atMost: true,
      status: 'complete',
      need: { count: 1 },
      have: { count: 1 },
    });
  });

  it('at most one S/U with too few graded courses: nine credits need a second S, and the assert says so', () => {
    const a = auditOf('satisfactory', [
      ['DATA-201', 'S'],
      ['DATA-202', 'S'],
      ['DATA-301', 'A'],
    ]);
    expect(a.status).toBe('incomplete');
    expect(requirement(a, 'electives').assert).toMatchObject({ status: 'incomplete', have: { count: 2 } });
  });

  it('at most one S/U with an S course in progress: it counts against the cap already (fuzz find)', () => {
    // Nine credits need all three courses, so the S in progress is applied and makes two S
    // courses: the assert fails now, not only once that course is finished.
    const a = auditOf('satisfactory', [
      ['DATA-201', 'S'],
      ['DATA-202', 'S', 'in-progress'],
      ['DATA-301', 'A'],
    ]);
    expect(a.status).toBe('incomplete');
    expect(requirement(a, 'electives').assert).toMatchObject({
      atMost: true,
      status: 'incomplete',
      have: { count: 2 },
    });
  });

  it('a credits waiver of the whole need lowers the need only: the assert still decides (SPEC decision)', () => {
    // Waiving 9 credits of electives leaves nothing to earn by credits, but "two level-III
    // courses among the counted" is a rule of its own: with one, the node is not met. A whole
    // waiver (no `credits`) would meet the node, assert and all.
    const waiver = { type: 'waive', program: 'levels', requirement: 'electives', reason: 'transfer' };
    const held: Held[] = [['DATA-301', 'A']];
    const partial = auditOf('levels', held, [{ ...waiver, credits: 9 }]);
    expect(partial.status).toBe('incomplete');
    expect(requirement(partial, 'electives')).toMatchObject({
      status: 'incomplete',
      need: { credits: 0 },
      assert: { status: 'incomplete', have: { count: 1 }, need: { count: 2 } },
      remaining: { assert: true },
    });
    expect(auditOf('levels', held, [waiver]).status).toBe('complete');
  });

  it('three subjects among the counted: the second HIST course goes to history, not breadth', () => {
    const a = auditOf('breadth', [
      ['HIST-110', 'A'],
      ['HIST-120', 'A'],
      ['PHIL-110', 'A'],
      ['ARTS-110', 'A'],
    ]);
    expect(a.status).toBe('complete');
    expect(applied(a, 'breadth')).toEqual(['HIST-110', 'PHIL-110', 'ARTS-110']);
    expect(applied(a, 'history')).toEqual(['HIST-120']);
    expect(requirement(a, 'breadth').assert).toMatchObject({ distinct: 'subject', have: { count: 3 } });
  });

  it('an item that adds nothing to an unmet assert is not needed by it: a second HIST course stays out', () => {
    // HIST-110 meets the 3 credits; "two subjects among the counted" falls short with HIST-120
    // as without it (one subject either way), so nothing needs HIST-120 there: it is not applied.
    const a = auditOf('two-subjects', [
      ['HIST-110', 'A'],
      ['HIST-120', 'A'],
    ]);
    expect(a.status).toBe('incomplete');
    expect(applied(a, 'breadth')).toEqual(['HIST-110']);
    expect(requirement(a, 'breadth').assert).toMatchObject({ status: 'incomplete', have: { count: 1 } });
  });

  it('two of three perspectives: an any inside an assert', () => {
    const met = auditOf('perspectives', [
      ['DATA-201', 'A'],
      ['DATA-202', 'A'],
      ['DATA-301', 'A'],
    ]);
    expect(met.status).toBe('complete');
    expect(applied(met, 'courses')).toEqual(['DATA-201', 'DATA-301']);
    const unmet = auditOf('perspectives', [
      ['DATA-202', 'A'],
      ['DATA-203', 'A'],
      ['DATA-301', 'A'],
    ]);
    expect(unmet.status).toBe('incomplete');
    expect(requirement(unmet, 'courses').assert).toMatchObject({ kind: 'any', have: { count: 1 }, need: { count: 2 } });
  });
});

describe('assert and waivers: what is under a waived requirement is not a requirement met', () => {
  it('a real requirement is met rather than the part of a waived block a substitute would fill (fuzz find, seed 404)', () => {
    // At most 2 transfer credits count (a limit spent in tree order). x takes 1 transfer credit,
    // y takes TR-A, and the lab block is waived, with TR-B substituted into its lab; the root
    // asserts a level-300 course among the counted, which no course is, so nothing completes.
    // TR-C in x and TR-A in y spend the limit, so TR-B counts nothing in the lab: x, y and the
    // (waived) block are met, 3 requirements. TR-A in x and TR-B counting in the lab would meet
    // x, the block and the lab under it, but the waiver already meets the block: the lab is no
    // requirement of its own then, so that allocation meets 2 and y would be left open.
    const transfer = { fact: 'tags', operator: 'contains', value: 'transfer' };
    const oneCredit = (id: string) => testCourse(id, { tags: ['transfer'], credits: { value: 1, unit: 'semester' } });
    const waivers = testCatalog({
      credentials: [oneCredit('TR-A'), oneCredit('TR-B'), oneCredit('TR-C')],
      programs: [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { limits: [{ id: 'transfer', where: transfer, maxCredits: 2 }] },
          requirements: {
            id: 'root',
            all: [
              { id: 'x', where: transfer, credits: 1, maxCredits: 1 },
              { id: 'y', credential: 'TR-A' },
              { id: 'lab-block', all: [{ id: 'lab', where: transfer, credits: 1 }] },
            ],
            assert: { where: { fact: 'level', operator: 'equal', value: '300' }, count: 1 },
          },
        },
      ],
      gradeScale: { A: 4 },
    });
    const awards = ['TR-A', 'TR-B', 'TR-C'].map((credential, i) => ({
      id: credential.toLowerCase(),
      credential,
      earned: `2025-0${i + 1}-15`,
    }));
    const exceptions = [
      { type: 'waive', program: 'p', requirement: 'lab-block', reason: 'lab experience' },
      { type: 'substitute', program: 'p', requirement: 'lab', award: 'tr-b', reason: 'advisor' },
    ];
    const transcript = { learner: { id: 's' }, asOf: '2026-01-01', awards, exceptions };
    const result = audit(waivers, transcript as never, { programs: ['p'] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const p = result.value.audits[0]!;
    expect(p.status).toBe('incomplete');
    expect(applied(p, 'x')).toEqual(['TR-C']);
    expect(requirement(p, 'y')).toMatchObject({ status: 'complete' });
    expect(applied(p, 'y')).toEqual(['TR-A']);
    expect(requirement(p, 'lab-block').waived).toBeDefined();
  });
});

describe('assert: catalog checks', () => {
  const load = (assert: unknown) =>
    loadTestCatalog({
      credentials,
      programs: [{ id: 'p', kind: 'certificate', title: 'P', requirements: { where: data, credits: 3, assert } }],
      gradeScale: { A: 4 },
    });
  it('an assert leaf needs exactly one of count, credits, maxCount, maxCredits', () => {
    const result = load({ where: data, count: 1, maxCount: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid-shape' });
  });
  it('an unknown fact inside an assert is an error at its path', () => {
    const result = load({ all: [{ where: { fact: 'colour', operator: 'equal', value: 'red' }, count: 1 }] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        code: 'unknown-fact',
        path: ['programs', 0, 'requirements', 'assert', 'all', 0, 'where', 'fact'],
      });
  });
});

describe('assert: in the text and HTML reports', () => {
  it('shows the assert under its node and says what remains', async () => {
    const { auditToText } = await import('../../src/report/audit-text.js');
    const { auditToHtml } = await import('../../src/report/audit-html.js');
    const a = auditOf('levels', [
      ['DATA-201', 'A'],
      ['DATA-202', 'A'],
      ['DATA-301', 'A'],
    ]);
    const report = { learner: { id: 's' }, asOf: '2026-05-01', audits: [a] };
    const text = auditToText(report, { color: false });
    expect(text).toContain('✗ among the counted: two level-III courses: at least 2, have 1');
    expect(text).toContain('electives: among the counted, two level-III courses: at least 2, have 1');
    const { buildStackingGraph } = await import('../../src/catalog/stacking-graph.js');
    const html = auditToHtml(report, {
      graph: buildStackingGraph(catalog, '2026-05-01'),
      recommendations: [],
      plans: new Map(),
      titles: new Map(),
      held: [],
    });
    expect(html).toContain('Among the counted: two level-III courses: at least 2, have 1');
    expect(html).toContain('<li>electives: among the counted, two level-III courses: at least 2, have 1</li>');
  });
});
