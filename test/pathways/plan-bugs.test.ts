import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { plan, type PlanOptions } from '../../src/pathways/plan.js';
import { shippedCatalog, testCatalog, testCourse } from '../helpers.js';

/** A small catalog with credit rules: courses a (3), b (3), c (2), d (1); adv (3) needs found (3); cert-x stands for found. */
function smallCatalog(certRule: Record<string, unknown>, programs: unknown[]): Catalog {
  const course = (id: string, credits: number, extra: Record<string, unknown> = {}) => ({
    id,
    kind: 'course',
    title: id,
    credits: { value: credits },
    ...extra,
  });
  const result = loadCatalog([
    {
      file: 'small.json',
      json: {
        institution: { id: 'u', name: 'U' },
        settings: { unit: 'semester', gradeScale: { A: 4, B: 3, C: 2, F: 0 } },
        credentials: [
          course('a', 3),
          course('b', 3),
          course('c', 2),
          course('d', 1),
          course('found', 3),
          course('adv', 3, { prerequisites: ['found'] }),
          { id: 'cert-x', kind: 'certification', title: 'X', issuer: 'x', validFor: { years: 1 } },
        ],
        programs,
        rules: [
          {
            name: 'cert-x-as-found',
            conditions: { all: [{ fact: 'id', operator: 'equal', value: 'cert-x' }] },
            event: { type: 'grant', params: { as: ['found'], ...certRule } },
          },
        ],
      },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const onlyAdv = [{ id: 'p', kind: 'certificate', title: 'P', requirements: { credential: 'adv' } }];
const learner = (awards: TranscriptInput['awards']): TranscriptInput => ({
  learner: { id: 'l' },
  asOf: '2026-05-15',
  awards,
});
const bestOf = async (catalog: Catalog, transcript: TranscriptInput, options: PlanOptions) => {
  const result = await plan(catalog, transcript, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.best;
};

describe('plan: the bugs issue 13 lists', () => {
  const shipped = shippedCatalog();
  const analytics = ['mc-sql', 'mc-python', 'mc-spreadsheets', 'mc-dashboards'].map((credential, i) => ({
    id: `m${i}`,
    credential,
    earned: '2026-01-10',
  }));

  it('a planned award on the transcript counts as held and meets prerequisites: it is not added again', async () => {
    const transcript = learner([
      ...analytics,
      { id: 'p1', credential: 'MATH-110', status: 'planned', grade: 'A', earned: '2026-05-15' },
    ]);
    expect(await bestOf(shipped, transcript, { target: 'cert-data-engineering' })).toMatchObject({
      credentials: ['DATA-101', 'DATA-320', 'DATA-330'],
      cost: { credits: 9, items: 3 },
    });
  });

  it('so does a what-if award given in the planned option', async () => {
    const planned = [{ id: 'w1', credential: 'MATH-110', grade: 'A', earned: '2026-05-15' }];
    expect(await bestOf(shipped, learner(analytics), { target: 'cert-data-engineering', planned })).toMatchObject({
      credentials: ['DATA-101', 'DATA-320', 'DATA-330'],
    });
  });

  it('an equivalency meets a prerequisite only when the equivalent award can count (not once it has expired)', async () => {
    const catalog = smallCatalog({}, onlyAdv);
    const expired = learner([{ id: 'x', credential: 'cert-x', earned: '2024-01-10' }]);
    // Renewing the certification (no credits) meets the prerequisite again, cheaper than the course.
    expect(await bestOf(catalog, expired, { target: 'p' })).toMatchObject({
      credentials: ['adv', 'cert-x'],
      cost: { credits: 3, items: 2 },
    });
    const current = learner([{ id: 'x', credential: 'cert-x', earned: '2026-01-10' }]);
    expect(await bestOf(catalog, current, { target: 'p' })).toMatchObject({ credentials: ['adv'] });
  });

  it('an equivalency the plan itself earns meets a prerequisite too: cert-x (1 credit) for found (3)', async () => {
    const catalog = smallCatalog({ credits: 1, unit: 'semester' }, onlyAdv);
    expect(await bestOf(catalog, learner([]), { target: 'p' })).toMatchObject({
      credentials: ['adv', 'cert-x'],
      cost: { credits: 4, items: 2 },
      steps: [
        { step: 1, credentials: ['cert-x'] },
        { step: 2, credentials: ['adv'] },
      ],
    });
  });

  const totals = [
    {
      id: 'p',
      kind: 'certificate',
      title: 'P',
      policy: { totalCredits: 6 },
      requirements: { credential: 'a' },
    },
  ];

  it('when only total credits remain open, the plan offers fillers: the cheapest, then the fewest', async () => {
    const catalog = smallCatalog({}, totals);
    const transcript = learner([{ id: 'h', credential: 'a', grade: 'A', earned: '2026-01-10' }]);
    expect(await bestOf(catalog, transcript, { target: 'p' })).toMatchObject({
      credentials: ['b'],
      cost: { credits: 3, items: 1 },
      proven: true,
    });
  });

  it('an award id the plan would give its own planned award does not stop it (the what-if audit inside plan)', async () => {
    const catalog = smallCatalog({}, onlyAdv);
    const transcript = learner([{ id: 'plan:adv', credential: 'found', grade: 'A', earned: '2026-01-10' }]);
    expect(await bestOf(catalog, transcript, { target: 'p' })).toMatchObject({ credentials: ['adv'] });
  });
});

/**
 * A catalog of T (1 credit, in progress on the transcript) and the course W (3 credits) to plan,
 * both tagged `tag`, and program p with these requirements and a residency of `resident` credits.
 */
function residencyCase(tag: string, resident: number, requirements: unknown): Catalog {
  return testCatalog({
    credentials: [
      testCourse('T', { tags: [tag], credits: { value: 1, unit: 'semester' } }),
      testCourse('W', { tags: [tag] }),
    ],
    programs: [
      {
        id: 'p',
        kind: 'certificate',
        title: 'P',
        policy: { residency: { minCredits: resident, sources: ['institution'] } },
        requirements,
      },
    ],
    gradeScale: { A: 4 },
  });
}
const heldT = (extra: Record<string, unknown>, exceptions: unknown[] = []) =>
  ({
    learner: { id: 's' },
    asOf: '2026-01-01',
    awards: [{ id: 't', credential: 'T', earned: '2025-01-15', status: 'in-progress', ...extra }],
    exceptions,
  }) as TranscriptInput;
const planW = { credentials: ['W'], proven: true };

describe('fuzz finds kept as regression tests', () => {
  it('a leaf a pinned award in progress meets still takes the finished course the residency needs', async () => {
    // n1 is met by an in-progress transfer course an advisor substituted there; the program needs
    // 1 resident credit. The audit applies the planned course W to n1 (finished work meets it
    // better) and it is resident: the plan is W. The model once held W out of n1 as unneeded (the
    // pin counted as meeting it) and, with no total credits, W could not fall through: no plan.
    const tagged = { fact: 'tags', operator: 'contains', value: 'c' };
    const transcript = heldT({ source: 'transfer' }, [
      { type: 'substitute', program: 'p', requirement: 'n1', award: 't', reason: 'advisor' },
    ]);
    const leaf = residencyCase('c', 1, { id: 'n1', where: tagged, credits: 1, maxCredits: 1 });
    expect(await bestOf(leaf, transcript, { target: 'p', alternatives: 0 })).toMatchObject(planW);
    // The same under a node that lets one item count: the pin of work in progress gives its slot
    // up to W (the audit drops it once W completes the program); the model once kept the slot.
    const capped = residencyCase('c', 1, { id: 'n0', maxCount: 1, all: [{ id: 'n1', where: tagged, credits: 1 }] });
    expect(await bestOf(capped, transcript, { target: 'p', alternatives: 0 })).toMatchObject(planW);
  });

  it('a leaf under an assert takes items past its need: the plan may need them there', async () => {
    // n0 needs 1 credit, and among what it counts two tagged a, one of at least 2 credits; the
    // residency wants 4 resident credits. Held T (1 credit, in progress) and the planned W (3)
    // both count in n0: the plan is W. The model once held T out of n0 as unneeded (W meets the
    // credits), so the residency fell short and no plan was found.
    const tagged = { fact: 'tags', operator: 'contains', value: 'a' };
    const catalog = residencyCase('a', 4, {
      id: 'n0',
      where: tagged,
      credits: 1,
      assert: {
        all: [
          { where: { all: [tagged, { fact: 'credits', operator: 'greaterThanInclusive', value: 2 }] }, count: 1 },
          { where: tagged, count: 2 },
        ],
      },
    });
    expect(await bestOf(catalog, heldT({}), { target: 'p', alternatives: 0 })).toMatchObject(planW);
  });

  it('a pin a policy limit clips to zero takes no count slot (seed 1920447237)', async () => {
    // n0 lets one item count. B (transfer, b) is substituted into n3, whose 1 credit is waived;
    // the limit lets 1 credit of b or c count, spent in tree order. With the planned C at n2, C
    // takes the limit's credit and B is clipped to zero, so it counts nowhere: n0 holds one item,
    // complete. The model once counted B's slot as sure and found no plan.
    const tagged = (value: string) => ({ fact: 'tags', operator: 'contains', value });
    const bOrC = { any: [tagged('b'), tagged('c')] };
    const oneCredit = { credits: { value: 1, unit: 'semester' } };
    const catalog = testCatalog({
      credentials: ['a', 'b', 'c'].map((tag) => testCourse(tag.toUpperCase(), { tags: [tag], ...oneCredit })),
      programs: [
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { limits: [{ id: 'L0', where: bOrC, maxCredits: 1 }] },
          requirements: {
            id: 'n0',
            maxCount: 1,
            all: [
              { id: 'n2', where: bOrC, credits: 1 },
              { id: 'n3', where: tagged('a'), credits: 1 },
            ],
          },
        },
      ],
      gradeScale: { A: 4 },
    });
    const transcript = {
      learner: { id: 's' },
      asOf: '2026-01-01',
      awards: [{ id: 'b', credential: 'B', earned: '2025-01-15', source: 'transfer' }],
      exceptions: [
        { type: 'waive', program: 'p', requirement: 'n3', credits: 1, reason: 'advisor' },
        { type: 'substitute', program: 'p', requirement: 'n3', award: 'b', reason: 'advisor' },
      ],
    } as TranscriptInput;
    expect(await bestOf(catalog, transcript, { target: 'p', alternatives: 0 })).toMatchObject({
      credentials: ['C'],
      cost: { credits: 1, items: 1 },
      proven: true,
    });
  });

  it('an item applied twice spends a count limit at the earlier of its places (review find)', async () => {
    // O1 (o, lim) held meets t and, shared from s, s's leaf; C (lim) completes n. The limit lets
    // one lim item count, spent in tree order: O1 at t (its earlier place, before b) takes it, C
    // inside n counts whatever. So only Z is missing; the model once charged O1 at s, after n's
    // C, ruled that out and offered O2 + Z "proven".
    const tagged = (value: string) => ({ all: [{ fact: 'tags', operator: 'contains', value }] });
    const course = (id: string, tags: string[]) => testCourse(id, { tags });
    const catalog = testCatalog({
      credentials: [course('O1', ['o', 'lim']), course('O2', ['o']), course('C', ['lim']), course('Z', [])],
      programs: [
        { id: 'n', kind: 'certificate', title: 'N', requirements: { credential: 'C' } },
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { limits: [{ id: 'lim', where: tagged('lim'), maxCount: 1 }] },
          requirements: {
            all: [
              { id: 't', where: tagged('o'), count: 1 },
              { id: 'b', program: 'n' },
              { id: 's', share: { with: ['t'] }, all: [{ where: tagged('o'), count: 1 }] },
              { id: 'z', credential: 'Z' },
            ],
          },
        },
      ],
      gradeScale: { A: 4, B: 3, F: 0 },
    });
    const held = learner(
      ['O1', 'C'].map((credential, i) => ({ id: `a${i}`, credential, earned: '2025-12-15', grade: 'B' })),
    );
    expect(await bestOf(catalog, held, { target: 'p', alternatives: 0 })).toMatchObject({
      credentials: ['Z'],
      proven: true,
    });
  });

  it('a held award a planned retake replaces in the parent only stays in the nested program (seed -181967960)', async () => {
    // C3 (a certification, tags a and b) is held with a D. Q needs a credit of a; P needs Q and
    // an overlay credit of b, with minimum grade C. Planned again (no grade), C3 counts in P in
    // place of the D, while Q keeps counting the D (a graded award beats an ungraded one there),
    // so Q's item in P holds nothing of P's: the retake alone completes P. The model once made
    // Q's item use the D up in P too, where the retake had replaced it, and planned C3 + W.
    const tagged = (value: string) => ({ fact: 'tags', operator: 'contains', value });
    const oneCredit = { credits: { value: 1, unit: 'semester' }, tags: ['a', 'b'] };
    const catalog = testCatalog({
      credentials: [
        testCourse('C3', { kind: 'certification', issuer: 'ext', ...oneCredit }),
        testCourse('W', { tags: ['a', 'b'] }),
      ],
      programs: [
        { id: 'Q', kind: 'certificate', title: 'Q', requirements: { id: 'q0', where: tagged('a'), credits: 1 } },
        {
          id: 'P',
          kind: 'certificate',
          title: 'P',
          policy: { minGrade: 'C' },
          requirements: {
            id: 'n0',
            all: [
              { id: 'pq', program: 'Q' },
              { id: 'n2', where: tagged('b'), credits: 1, share: true },
            ],
          },
        },
      ],
      gradeScale: { A: 4, B: 3, C: 2, D: 1, F: 0 },
    });
    const held = learner([{ id: 'a3', credential: 'C3', earned: '2025-04-15', grade: 'D', source: 'transfer' }]);
    expect(await bestOf(catalog, held, { target: 'P', alternatives: 0 })).toMatchObject({
      credentials: ['C3'],
      proven: true,
    });
  });
  it('ties are broken by positions among all the catalog credentials, not among the candidates (seed 594356224)', async () => {
    // P needs 9 credits (its one requirement is waived); C0 (2) and C4 (3) are held, so 4 more.
    // {C1, C5} and {C2, C3} both cost 4 credits in 2 credentials. In the catalog's id order
    // (C0 … C6, W) their positions sum to 2 + 6 = 8 and 3 + 4 = 7: {C2, C3}. Among the candidates
    // alone (C0 and C4, held, are none) both sum to 1 + 2 = 0 + 3, and the solver took {C1, C5}.
    const course = (id: string, credits: number, tag: string) =>
      testCourse(id, {
        kind: 'certification',
        issuer: 'ext',
        credits: { value: credits, unit: 'semester' },
        tags: [tag],
      });
    const catalog = testCatalog({
      credentials: [
        course('C0', 2, 'b'),
        course('C1', 3, 'a'),
        course('C2', 2, 'c'),
        course('C3', 2, 'b'),
        course('C4', 3, 'c'),
        course('C5', 1, 'c'),
        course('C6', 1, 'c'),
        testCourse('W', { credits: { value: 3, unit: 'semester' }, tags: ['a', 'b', 'c'] }),
      ],
      programs: [
        {
          id: 'P',
          kind: 'certificate',
          title: 'P',
          policy: { totalCredits: 9 },
          requirements: {
            id: 'n0',
            all: [
              {
                id: 'n1',
                all: [{ id: 'n2', where: { fact: 'tags', operator: 'contains', value: 'a' }, credits: 1, share: true }],
              },
            ],
          },
        },
      ],
      gradeScale: { A: 4, B: 3, C: 2, D: 1, F: 0 },
    });
    const held: TranscriptInput = {
      ...learner([
        { id: 'a0', credential: 'C0', earned: '2025-01-15', status: 'in-progress', source: 'transfer' },
        { id: 'a4', credential: 'C4', earned: '2025-05-15', status: 'in-progress' },
      ]),
      exceptions: [{ type: 'waive', program: 'P', requirement: 'n1', reason: 'advisor' }],
    };
    expect(await bestOf(catalog, held, { target: 'P', alternatives: 0 })).toMatchObject({
      credentials: ['C2', 'C3'],
      cost: { credits: 4, items: 2 },
      proven: true,
    });
  });
});
