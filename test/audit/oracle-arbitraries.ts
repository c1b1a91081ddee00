/**
 * Random small catalogs and transcripts for the independent oracle (`independent-oracle.ts`):
 * 3-7 awards over tags `a`, `b`, `c` (some in progress, some graded below the minimum, most with
 * a term; courses with a subject, a level and number and an issuer, each sometimes missing), one
 * program `P` in one to three versions (catalog years, sometimes with gaps between them) whose
 * trees (depth at most 3) mix `all` / `any` groups with credits, count and credential leaves,
 * node caps of credits and of count (`maxCount`, on leaves and groups), `distinct` leaves (with
 * count or credits), `share: true` overlays, node minimum grades and `when` conditions over
 * learner facts; conditions that also read the term, the level, number and subject, the learner
 * facts and fact references (`earned` after `{ fact: "entered" }`); policy limits by credits
 * (clipping in part), by count, or both, a policy minimum grade, total credits and a GPA
 * (`minGpa`, `gpa` over the applied items or every graded one); a learner with declared
 * programs, tags, an entry date and a catalog year, and sometimes the `catalogDate` option;
 * waive and substitute exceptions; and sometimes a nested certificate `Q` that `P` requires.
 * Also a listed `share: { with, where }` and `assert`s (the README's "How an audit decides").
 */
import fc from 'fast-check';
import type { AssertJson } from './oracle-assert.js';
import {
  catalogDateOf,
  versionFor,
  type AwardJson,
  type CatalogJson,
  type ConditionJson,
  type EffectiveJson,
  type ExceptionJson,
  type LearnerJson,
  type OptionsJson,
  type ProgramJson,
  type RequirementJson,
  type TranscriptJson,
} from './independent-oracle.js';

/** A generated case: the catalog, the transcript, the audit options, and the programs to audit (nested first). */
export interface OracleCase {
  readonly catalog: CatalogJson;
  readonly transcript: TranscriptJson;
  readonly options: OptionsJson;
  /** `['Q', 'P']` when P requires the nested certificate Q, else `['P']`. */
  readonly programs: readonly string[];
}

const TAGS = ['a', 'b', 'c'] as const;
const SUBJECTS = ['ART', 'BIO', 'CS'] as const;
const LEVELS = ['100', '200', '300'] as const;
/** The facts a distinct leaf may read (README "Distinct values"), the ones that tell items apart most often first. */
const distinctFact = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('subject', 'level', 'term') },
  { weight: 1, arbitrary: fc.constantFrom('issuer', 'kind', 'source', 'code', 'id', 'number') },
);
const GRADE_SCALE = { A: 4, B: 3, C: 2, D: 1, F: 0 };
const TERMS = ['2025-SP', '2025-SU', '2025-FA'] as const;
/** Learner dates and `when` thresholds: on, just before and just after the versions' bounds, and in their gaps. */
const DATES = [
  '2019-09-01',
  '2020-08-01',
  '2021-07-31',
  '2021-08-01',
  '2022-01-15',
  '2022-07-31',
  '2022-08-01',
  '2023-08-01',
  '2024-07-31',
  '2024-08-01',
  '2025-04-01',
] as const;
const date = fc.constantFrom(...DATES);

/** A value one time in `chance`, else `undefined` (which it shrinks to). */
const sometimes = <T>(arb: fc.Arbitrary<T>, chance: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: chance - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** A comparison over learner facts alone (what `when` may read). */
const learnerAtom: fc.Arbitrary<ConditionJson> = fc.oneof(
  fc.record({
    fact: fc.constant('declared'),
    operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.constantFrom('E', 'P'),
  }),
  fc.record({
    fact: fc.constant('learnerTags'),
    operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.constantFrom('h', 'v'),
  }),
  fc.record({
    fact: fc.constantFrom('entered', 'catalogYear'),
    operator: fc.constantFrom('before', 'after'),
    value: date,
  }),
);
const whenCondition: fc.Arbitrary<ConditionJson> = fc.oneof(
  { weight: 4, arbitrary: learnerAtom },
  { weight: 1, arbitrary: learnerAtom.map((c) => ({ not: c })) },
  { weight: 1, arbitrary: fc.tuple(learnerAtom, learnerAtom).map(([x, y]) => ({ any: [x, y] })) },
  { weight: 1, arbitrary: fc.tuple(learnerAtom, learnerAtom).map(([x, y]) => ({ all: [x, y] })) },
);

/** A further comparison a `where` may add: the term, the earned date, learner facts, fact references. */
const extraCondition: fc.Arbitrary<ConditionJson> = fc.oneof(
  fc.record({ fact: fc.constant('term'), operator: fc.constant('equal'), value: fc.constantFrom(...TERMS) }),
  fc.record({
    fact: fc.constant('term'),
    operator: fc.constant('in'),
    value: fc.subarray([...TERMS], { minLength: 2 }),
  }),
  fc.record({ fact: fc.constant('term'), operator: fc.constant('matches'), value: fc.constantFrom('*-FA', '2025-S*') }),
  fc.record({ fact: fc.constant('term'), operator: fc.constant('equal'), value: fc.constant('2025-FA') }).map((c) => ({
    not: c,
  })),
  fc.record({
    fact: fc.constant('earned'),
    operator: fc.constantFrom('before', 'after'),
    value: fc.constantFrom({ fact: 'entered' }, { fact: 'catalogYear' }),
  }),
  fc.record({
    fact: fc.constant('earned'),
    operator: fc.constantFrom('before', 'after'),
    value: fc.constant('2025-04-01'),
  }),
  fc.record({ fact: fc.constant('level'), operator: fc.constant('equal'), value: fc.constantFrom(...LEVELS) }),
  fc.record({
    fact: fc.constant('number'),
    operator: fc.constant('greaterThanInclusive'),
    value: fc.constantFrom(200, 300),
  }),
  fc.record({
    fact: fc.constant('subject'),
    operator: fc.constant('in'),
    value: fc.subarray([...SUBJECTS], { minLength: 2, maxLength: 2 }),
  }),
  learnerAtom,
);

type CondSpec = ({ tag: string } | { tags: string[] } | { tag: string; atLeast: number }) & {
  extra?: ConditionJson;
};
type LeafSpec = {
  leaf: 'credits' | 'count' | 'credential';
  cond: CondSpec;
  need: number;
  course: number;
  cap: number | undefined;
  countCap: number | undefined;
  distinct: string | undefined;
  minGrade: string | undefined;
  when: ConditionJson | undefined;
};
type GroupSpec = {
  group: 'all' | 'any';
  children: NodeSpec[];
  need: number;
  cap: number | undefined;
  countCap: number | undefined;
  when: ConditionJson | undefined;
};
type NodeSpec = LeafSpec | GroupSpec;

const condition: fc.Arbitrary<CondSpec> = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.record({ tag: fc.constantFrom(...TAGS) }) },
      { weight: 3, arbitrary: fc.record({ tags: fc.subarray([...TAGS], { minLength: 2, maxLength: 2 }) }) },
      {
        weight: 1,
        arbitrary: fc.record({ tag: fc.constantFrom(...TAGS), atLeast: fc.integer({ min: 2, max: 4 }) }),
      },
    ),
    sometimes(extraCondition, 4),
  )
  .map(([base, extra]) => (extra === undefined ? base : { ...base, extra }));

const leafSpec: fc.Arbitrary<LeafSpec> = fc.record({
  leaf: fc.constantFrom<LeafSpec['leaf']>('credits', 'credits', 'count', 'count', 'credential'),
  cond: condition,
  need: fc.integer({ min: 1, max: 8 }),
  course: fc.nat(6),
  cap: sometimes(fc.integer({ min: 1, max: 6 }), 5),
  countCap: sometimes(fc.integer({ min: 1, max: 2 }), 3),
  distinct: sometimes(distinctFact, 3),
  minGrade: sometimes(fc.constantFrom('D', 'B'), 8),
  when: sometimes(whenCondition, 5),
});

const nodeSpec: fc.Arbitrary<NodeSpec> = fc.letrec<{ node: NodeSpec; group: GroupSpec }>((tie) => ({
  node: fc.oneof({ maxDepth: 2, depthIdentifier: 'tree' }, leafSpec, tie('group')),
  group: fc.record({
    group: fc.constantFrom<GroupSpec['group']>('all', 'any'),
    children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    need: fc.nat(2),
    cap: sometimes(fc.integer({ min: 1, max: 8 }), 6),
    countCap: sometimes(fc.integer({ min: 1, max: 3 }), 4),
    when: sometimes(whenCondition, 6),
  }),
})).node;

type CourseSpec = {
  credits: number;
  tags: string[];
  subject: string | undefined;
  level: string | undefined;
  issuer: string | undefined;
  inProgress: boolean;
  grade: string | undefined;
  term: string | undefined;
};
const course: fc.Arbitrary<CourseSpec> = fc.record({
  credits: fc.integer({ min: 1, max: 4 }),
  tags: fc.subarray([...TAGS], { minLength: 1, maxLength: 2 }),
  subject: fc.option(fc.constantFrom(...SUBJECTS), { freq: 6, nil: undefined }),
  level: fc.option(fc.constantFrom(...LEVELS), { freq: 6, nil: undefined }),
  issuer: sometimes(fc.constantFrom('u', 'x'), 2),
  inProgress: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  grade: fc.constantFrom<string | undefined>(undefined, undefined, 'A', 'B', 'C', 'D', 'F'),
  term: fc.option(fc.constantFrom(...TERMS), { freq: 4, nil: undefined }),
});

type GpaSpec = { minGpa: number } | { gpa: { min: number; over?: 'applied' | 'all-graded' } };
const gpaMin = fc.constantFrom(1.5, 2, 2.5, 3, 3.5);
const gpaSpec: fc.Arbitrary<GpaSpec> = fc.oneof(
  gpaMin.map((min) => ({ minGpa: min })),
  gpaMin.map((min) => ({ gpa: { min } })),
  gpaMin.map((min) => ({ gpa: { min, over: 'applied' as const } })),
  { weight: 2, arbitrary: gpaMin.map((min) => ({ gpa: { min, over: 'all-graded' as const } })) },
);

/** A policy limit: by credits (it clips in part), by count (past it an item counts nowhere), or both. */
type LimitSpec = { cond: CondSpec; maxCredits: number | undefined; maxCount: number | undefined };
const limitSpec: fc.Arbitrary<LimitSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      cond: condition,
      maxCredits: fc.integer({ min: 0, max: 5 }),
      maxCount: fc.constant(undefined),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      cond: condition,
      maxCredits: fc.constant(undefined),
      maxCount: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      cond: condition,
      maxCredits: fc.integer({ min: 0, max: 5 }),
      maxCount: fc.integer({ min: 0, max: 2 }),
    }),
  },
);

type PolicySpec = {
  minGrade: string | undefined;
  limits: LimitSpec[];
  totalCredits: number | undefined;
  gpa: GpaSpec | undefined;
};
const policySpec: fc.Arbitrary<PolicySpec> = fc.record({
  minGrade: sometimes(fc.constant('C'), 3),
  limits: fc.array(limitSpec, { maxLength: 2 }),
  totalCredits: sometimes(fc.integer({ min: 1, max: 14 }), 4),
  gpa: sometimes(gpaSpec, 3),
});

/**
 * A version's catalog years, by the version's place: the first ends by 2022-07-31 (from
 * 2020-08-01 or open), the second runs 2022-08-01 or 2023-08-01 to 2024-07-31, the third from
 * 2024-08-01 or 2025-01-01; the last is open-ended one time in two. So they never overlap, and
 * may leave gaps (2021-08-01 to 2022-07-31, 2022-08-01 to 2023-07-31).
 */
type RangeSpec = { start: number; end: number; open: boolean };
const rangeSpec: fc.Arbitrary<RangeSpec> = fc.record({ start: fc.nat(1), end: fc.nat(1), open: fc.boolean() });
const STARTS = [
  [undefined, '2020-08-01'],
  ['2022-08-01', '2023-08-01'],
  ['2024-08-01', '2025-01-01'],
];
const ENDS = [['2021-07-31', '2022-07-31'], ['2024-07-31'], ['2025-12-31']];
function effective(place: number, last: boolean, spec: RangeSpec): EffectiveJson {
  const starts = STARTS[place]!;
  const ends = ENDS[place]!;
  const from = starts[spec.start % starts.length];
  const to = last && spec.open ? undefined : ends[spec.end % ends.length];
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * A listed share: node S and the nodes it lists, by their place among the candidates (nodes
 * other than the root with a leaf under them that takes items: not an overlay, not the nested
 * program's leaf; listed ones neither above nor below S nor each other), and sometimes a `where`.
 * With `mirror`, the first where-leaf under each listed node takes the condition of the first
 * under S, so that the same items are wanted in both places (else they seldom are).
 */
type ShareSpec = { node: number; with: number[]; where: CondSpec | undefined; mirror: boolean };
const shareSpec: fc.Arbitrary<ShareSpec> = fc.record({
  node: fc.nat(20),
  with: fc.array(fc.nat(20), { minLength: 1, maxLength: 2 }),
  where: sometimes(condition, 3),
  mirror: fc.boolean(),
});

type AssertLeafSpec = {
  where: ConditionJson;
  measure: 'count' | 'credits' | 'maxCount' | 'maxCredits';
  amount: number;
  distinct: string | undefined;
  minGrade: string | undefined;
  label: string | undefined;
};
type AssertSpec = AssertLeafSpec | { all: AssertLeafSpec[] } | { any: AssertLeafSpec[]; need: number };
const assertLeafSpec: fc.Arbitrary<AssertLeafSpec> = fc
  .record({
    where: fc.oneof(
      { weight: 2, arbitrary: condition.map(where) },
      {
        weight: 3,
        arbitrary: fc.constantFrom<ConditionJson>(
          { fact: 'level', operator: 'equal', value: '300' },
          { fact: 'number', operator: 'greaterThanInclusive', value: 200 },
          { fact: 'subject', operator: 'equal', value: 'CS' },
        ),
      },
    ),
    measure: fc.constantFrom<AssertLeafSpec['measure']>('count', 'count', 'credits', 'maxCount', 'maxCredits'),
    amount: fc.nat(6),
    distinct: sometimes(distinctFact, 3),
    minGrade: sometimes(fc.constantFrom('C', 'B'), 6),
    label: sometimes(fc.constant('among the counted'), 4),
  })
  .map((leaf) => ({
    ...leaf,
    // At least 1 item or credit, at most 0-2 items or 2-6 credits; distinct only with count / credits.
    amount:
      leaf.measure === 'count'
        ? 1 + (leaf.amount % 3)
        : leaf.measure === 'credits'
          ? 2 + leaf.amount
          : leaf.measure === 'maxCount'
            ? leaf.amount % 3
            : 2 + (leaf.amount % 5),
    distinct: leaf.measure === 'count' || leaf.measure === 'credits' ? leaf.distinct : undefined,
  }));
const assertSpec: fc.Arbitrary<AssertSpec> = fc.oneof(
  { weight: 3, arbitrary: assertLeafSpec },
  { weight: 1, arbitrary: fc.record({ all: fc.array(assertLeafSpec, { minLength: 2, maxLength: 2 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ any: fc.array(assertLeafSpec, { minLength: 2, maxLength: 3 }), need: fc.nat(2) }),
  },
);

type VersionSpec = {
  tree: NodeSpec;
  policy: PolicySpec;
  range: RangeSpec;
  share: ShareSpec | undefined;
  /** Asserts, each on a node given by its place among the nodes with no overlay or nested program under them. */
  asserts: { node: number; assert: AssertSpec }[];
};
const versionSpec: fc.Arbitrary<VersionSpec> = fc.record({
  tree: nodeSpec,
  policy: policySpec,
  range: rangeSpec,
  share: sometimes(shareSpec, 2),
  asserts: fc.array(fc.record({ node: fc.nat(20), assert: assertSpec }), { maxLength: 2 }),
});

type NestedSpec = {
  group: 'all' | 'any';
  children: { leaf: 'credits' | 'count'; cond: CondSpec; need: number }[];
  position: number;
  effective: EffectiveJson | undefined;
};
const nestedSpec: fc.Arbitrary<NestedSpec> = fc.record({
  group: fc.constantFrom<GroupSpec['group']>('all', 'any'),
  children: fc.array(
    fc.record({
      leaf: fc.constantFrom<'credits' | 'count'>('credits', 'count'),
      cond: condition,
      need: fc.integer({ min: 1, max: 5 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  position: fc.nat(3),
  effective: sometimes(fc.constantFrom<EffectiveJson>({ from: '2021-08-01' }, { to: '2023-07-31' }), 4),
});

type LearnerSpec = {
  entered: string | undefined;
  catalogYear: string | undefined;
  declared: string[];
  tags: string[];
  catalogDate: string | undefined;
};
const learnerSpec: fc.Arbitrary<LearnerSpec> = fc.record({
  entered: sometimes(date, 2),
  catalogYear: sometimes(date, 3),
  declared: fc.subarray(['P', 'E']),
  tags: fc.subarray(['h', 'v']),
  catalogDate: sometimes(date, 5),
});

type ExceptionSpec = {
  waive: { node: number; credits: number | undefined } | undefined;
  substitute: { award: number; leaf: number } | undefined;
};
const exceptionSpec: fc.Arbitrary<ExceptionSpec> = fc.record({
  waive: sometimes(fc.record({ node: fc.nat(20), credits: sometimes(fc.integer({ min: 1, max: 3 }), 2) }), 3),
  substitute: sometimes(fc.record({ award: fc.nat(6), leaf: fc.nat(20) }), 2),
});

/** Random cases for the independent oracle. */
export const oracleCase: fc.Arbitrary<OracleCase> = fc
  .record<CaseSpec>({
    courses: fc.array(course, { minLength: 3, maxLength: 7 }),
    // One version two times in three, and then without catalog years one time in two.
    versions: fc.oneof(
      { weight: 4, arbitrary: fc.array(versionSpec, { minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.array(versionSpec, { minLength: 2, maxLength: 3 }) },
    ),
    dated: fc.boolean(),
    shares: fc.array(
      fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      { minLength: 12, maxLength: 12 },
    ),
    learner: learnerSpec,
    nested: sometimes(nestedSpec, 4),
    exceptions: exceptionSpec,
  })
  .map(build);

function where(spec: CondSpec): ConditionJson {
  let base: ConditionJson;
  if ('tags' in spec) base = { any: spec.tags.map((t) => ({ fact: 'tags', operator: 'contains', value: t })) };
  else {
    const tag = { fact: 'tags', operator: 'contains', value: spec.tag };
    base =
      'atLeast' in spec
        ? { all: [tag, { fact: 'credits', operator: 'greaterThanInclusive', value: spec.atLeast }] }
        : tag;
  }
  return spec.extra === undefined ? base : { all: [base, spec.extra] };
}

interface CaseSpec {
  courses: CourseSpec[];
  versions: VersionSpec[];
  /** Whether a single version has catalog years (several always do). */
  dated: boolean;
  /** Which leaves (in tree order, cyclically) are `share: true` overlays. */
  shares: boolean[];
  learner: LearnerSpec;
  nested: NestedSpec | undefined;
  exceptions: ExceptionSpec;
}

/** One version's requirement tree as JSON, with its node ids (depth first) and its leaves. */
interface BuiltTree {
  root: RequirementJson;
  ids: string[];
  leaves: RequirementJson[];
}

function buildTree(version: VersionSpec, spec: CaseSpec): BuiltTree {
  const n = spec.courses.length;
  const ids: string[] = [];
  const leaves: RequirementJson[] = [];
  let shareIndex = 0;
  // Tree to JSON, depth first; caps above a leaf bound its need (else the catalog is rejected as
  // never completable); no `when` on the root (a catalog error). `maxCount` only where the oracle
  // models it: not on an overlay, nor on a group with an overlay under it.
  const toJson = (node: NodeSpec, capAbove: number, countAbove: number): RequirementJson => {
    const id = `n${ids.length}`;
    const root = ids.length === 0;
    ids.push(id);
    const cap = node.cap;
    const bound = Math.min(capAbove, cap ?? Infinity);
    const countBound = Math.min(countAbove, node.countCap ?? Infinity);
    const when = node.when === undefined || root ? {} : { when: node.when };
    if ('group' in node) {
      const children = node.children.map((child) => toJson(child, bound, countBound));
      const countCap = node.countCap === undefined || children.some(hasOverlay) ? {} : { maxCount: node.countCap };
      return {
        id,
        ...when,
        [node.group]: children,
        ...(node.group === 'any' ? { need: 1 + (node.need % children.length) } : {}),
        ...(cap === undefined ? {} : { maxCredits: cap }),
        ...countCap,
      };
    }
    const share = spec.shares[shareIndex++ % spec.shares.length]!;
    const json: RequirementJson =
      node.leaf === 'credential'
        ? { id, ...when, credential: `C${node.course % n}` }
        : {
            id,
            ...when,
            where: where(node.cond),
            ...(node.leaf === 'credits'
              ? { credits: Math.min(node.need, bound) }
              : { count: Math.min(1 + ((node.need - 1) % 3), countBound) }),
            ...(node.distinct === undefined ? {} : { distinct: node.distinct }),
          };
    if (cap !== undefined) json.maxCredits = cap;
    if (node.countCap !== undefined && !share) json.maxCount = node.countCap;
    if (share) json.share = true;
    if (node.minGrade !== undefined) json.minGrade = node.minGrade;
    leaves.push(json);
    return json;
  };
  let root = toJson(version.tree, Infinity, Infinity);
  if (spec.nested) {
    const pq: RequirementJson = { id: 'pq', program: 'Q' };
    const group = root.all ?? root.any;
    if (group) {
      group.splice(spec.nested.position % (group.length + 1), 0, pq);
      // The oracle does not model a count cap over a nested program's item.
      delete root.maxCount;
    } else root = { id: 'top', all: spec.nested.position % 2 === 0 ? [pq, root] : [root, pq] };
    if (root.any && root.need === undefined) root.need = 1;
    ids.push('pq');
  }
  addShare(root, version.share);
  addAsserts(root, version.asserts);
  return { root, ids, leaves };
}

/** Whether an overlay (`share: true`) is at or under a node. */
const hasOverlay = (node: RequirementJson): boolean =>
  node.share === true || [...(node.all ?? []), ...(node.any ?? [])].some(hasOverlay);

/** A tree's nodes, depth first, each with the nodes above it. */
function nodesOf(
  node: RequirementJson,
  above: RequirementJson[] = [],
): { node: RequirementJson; above: RequirementJson[] }[] {
  const children = [...(node.all ?? []), ...(node.any ?? [])];
  return [{ node, above }, ...children.flatMap((child) => nodesOf(child, [...above, node]))];
}

/** Puts the listed share on its node, when the tree has one S and one node to list. */
function addShare(root: RequirementJson, share: ShareSpec | undefined): void {
  if (!share) return;
  const all = nodesOf(root).slice(1);
  // Nodes with a leaf under them that may take an item (not an overlay, not the nested program).
  const takes = (node: RequirementJson): boolean =>
    nodesOf(node).some(
      ({ node: n }) => n.all === undefined && n.any === undefined && n.share !== true && n.program === undefined,
    );
  const eligible = all.filter(({ node }) => node.share !== true && node.program === undefined && takes(node));
  if (eligible.length === 0) return;
  const s = eligible[share.node % eligible.length]!;
  const nested = (x: (typeof all)[number], y: (typeof all)[number]) =>
    x.above.includes(y.node) || y.above.includes(x.node);
  const candidates = eligible.filter((other) => other !== s && !nested(other, s));
  const listed: typeof all = [];
  for (const pick of share.with) {
    const l = candidates[pick % Math.max(1, candidates.length)];
    if (l && !listed.some((other) => other === l || nested(other, l))) listed.push(l);
  }
  if (listed.length === 0) return;
  const firstWhere = (node: RequirementJson) =>
    nodesOf(node).find(({ node: n }) => n.where !== undefined && n.share !== true)?.node;
  const source = share.mirror ? firstWhere(s.node) : undefined;
  if (source)
    for (const { node } of listed) {
      const target = firstWhere(node);
      if (target) target.where = source.where;
    }
  s.node.share = {
    with: listed.map(({ node }) => node.id!),
    ...(share.where === undefined ? {} : { where: where(share.where) }),
  };
}

/** Puts the asserts on their nodes: nodes with no overlay and no nested program under them, one assert each. */
function addAsserts(root: RequirementJson, asserts: VersionSpec['asserts']): void {
  const program = (node: RequirementJson): boolean =>
    node.program !== undefined || [...(node.all ?? []), ...(node.any ?? [])].some(program);
  const eligible = nodesOf(root)
    .map(({ node }) => node)
    .filter((node) => !hasOverlay(node) && !program(node));
  for (const { node, assert } of asserts) {
    const target = eligible[node % Math.max(1, eligible.length)];
    if (target && target.assert === undefined) target.assert = assertJson(assert);
  }
}

function assertJson(spec: AssertSpec): AssertJson {
  if ('all' in spec) return { all: spec.all.map(assertLeafJson) };
  if ('any' in spec) return { any: spec.any.map(assertLeafJson), need: 1 + (spec.need % spec.any.length) };
  return assertLeafJson(spec);
}

function assertLeafJson(spec: AssertLeafSpec): AssertJson {
  return {
    where: spec.where,
    [spec.measure]: spec.amount,
    ...(spec.distinct === undefined ? {} : { distinct: spec.distinct }),
    ...(spec.minGrade === undefined ? {} : { minGrade: spec.minGrade }),
    ...(spec.label === undefined ? {} : { label: spec.label }),
  };
}

function policyOf(spec: PolicySpec): ProgramJson['policy'] | undefined {
  const { minGrade, limits, totalCredits, gpa } = spec;
  const policy: ProgramJson['policy'] = {
    ...(minGrade === undefined ? {} : { minGrade }),
    ...(limits.length === 0
      ? {}
      : {
          limits: limits.map((l, i) => ({
            id: `L${i}`,
            where: where(l.cond),
            ...(l.maxCredits === undefined ? {} : { maxCredits: l.maxCredits }),
            ...(l.maxCount === undefined ? {} : { maxCount: l.maxCount }),
          })),
        }),
    ...(totalCredits === undefined ? {} : { totalCredits }),
    ...gpa,
  };
  return Object.keys(policy).length === 0 ? undefined : policy;
}

function build(spec: CaseSpec): OracleCase {
  const n = spec.courses.length;
  const programs: ProgramJson[] = [];
  if (spec.nested) {
    const q = spec.nested;
    programs.push({
      id: 'Q',
      kind: 'certificate',
      title: 'Q',
      ...(q.effective === undefined ? {} : { effective: q.effective }),
      requirements: {
        id: 'q',
        [q.group]: q.children.map((c, i) => ({
          id: `q${i}`,
          where: where(c.cond),
          ...(c.leaf === 'credits' ? { credits: c.need } : { count: 1 + ((c.need - 1) % 3) }),
        })),
      },
    });
  }
  const several = spec.versions.length > 1;
  const trees = spec.versions.map((version, place) => {
    const built = buildTree(version, spec);
    const policy = policyOf(version.policy);
    const dated = several || spec.dated;
    programs.push({
      id: 'P',
      kind: 'certificate',
      title: several ? `P v${place + 1}` : 'P',
      ...(dated ? { effective: effective(place, place === spec.versions.length - 1, version.range) } : {}),
      ...(policy === undefined ? {} : { policy }),
      requirements: built.root,
    });
    return built;
  });
  // A declared emphasis the learner may be enrolled in.
  programs.push({ id: 'E', kind: 'certificate', title: 'E', requirements: { id: 'e', credential: 'C0' } });

  const catalog: CatalogJson = {
    institution: { id: 'u', name: 'Oracle University' },
    settings: { unit: 'semester', gradeScale: GRADE_SCALE },
    credentials: spec.courses.map((c, i) => {
      const number = c.level === undefined ? undefined : Number(c.level) + i;
      return {
        id: `C${i}`,
        kind: 'course',
        title: `Course ${i}`,
        ...(c.subject === undefined ? {} : { subject: c.subject }),
        ...(number === undefined ? {} : { number, level: c.level }),
        ...(c.subject === undefined || number === undefined ? {} : { code: `${c.subject} ${number}` }),
        ...(c.issuer === undefined ? {} : { issuer: c.issuer }),
        credits: { value: c.credits, unit: 'semester' },
        tags: c.tags,
      };
    }),
    programs,
  };
  const awards: AwardJson[] = spec.courses.map((c, i) => ({
    id: `a${i}`,
    credential: `C${i}`,
    earned: `2025-0${1 + i}-15`,
    ...(c.term === undefined ? {} : { term: c.term }),
    ...(c.inProgress ? { status: 'in-progress' as const } : c.grade === undefined ? {} : { grade: c.grade }),
  }));
  const { entered, catalogYear, declared, tags, catalogDate } = spec.learner;
  const learner: LearnerJson = {
    id: 'learner',
    ...(entered === undefined ? {} : { entered }),
    ...(catalogYear === undefined ? {} : { catalogYear }),
    ...(declared.length === 0 ? {} : { declared }),
    ...(tags.length === 0 ? {} : { tags }),
  };
  const options: OptionsJson = catalogDate === undefined ? {} : { catalogDate };
  const asOf = '2026-01-01';

  // Exceptions name requirements of the version audited (naming one of another version is an error).
  const chosen = versionFor(
    programs.filter((p) => p.id === 'P'),
    catalogDateOf({ learner, asOf, awards }, options),
  )!.program;
  const { root, ids, leaves } = trees[programs.filter((p) => p.id === 'P').indexOf(chosen)]!;
  const exceptions: ExceptionJson[] = [];
  const { waive, substitute } = spec.exceptions;
  const waivable = ids.filter((id) => id !== root.id);
  if (waive && waivable.length > 0) {
    const target = waivable[waive.node % waivable.length]!;
    const leaf = leaves.find((l) => l.id === target);
    exceptions.push({
      type: 'waive',
      program: 'P',
      requirement: target,
      reason: 'advisor',
      ...(waive.credits !== undefined && leaf?.credits !== undefined ? { credits: waive.credits } : {}),
    });
  }
  // Substitutes pin awards that pass every minimum grade (the grade check under a pin is not tested
  // here), into non-shared where / credential leaves without `distinct`, and not alongside a nested
  // program (whose audit may apply the pinned award too) or a listed share.
  const pinnable = leaves.filter((l) => !l.share && l.distinct === undefined);
  const listedShare = nodesOf(root).some(({ node }) => typeof node.share === 'object');
  const award = substitute ? awards[substitute.award % n]! : undefined;
  if (
    substitute &&
    award &&
    !spec.nested &&
    !listedShare &&
    pinnable.length > 0 &&
    (award.grade === undefined || award.grade === 'A' || award.grade === 'B')
  )
    exceptions.push({
      type: 'substitute',
      program: 'P',
      requirement: pinnable[substitute.leaf % pinnable.length]!.id!,
      award: award.id,
      reason: 'advisor',
    });

  const transcript: TranscriptJson = {
    learner,
    asOf,
    awards,
    ...(exceptions.length === 0 ? {} : { exceptions }),
  };
  return { catalog, transcript, options, programs: spec.nested ? ['Q', 'P'] : ['P'] };
}
