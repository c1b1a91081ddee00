/**
 * Random small catalogs and transcripts for the independent oracle (`independent-oracle.ts`):
 * 3-7 awards over tags `a`, `b`, `c` (some in progress, some graded below the minimum), one
 * program `P` whose tree (depth at most 3) mixes `all` / `any` groups with credits, count and
 * credential leaves, node caps, `share: true` overlays and node minimum grades; policy limits
 * that clip in part, a policy minimum grade and total credits; waive and substitute exceptions;
 * and sometimes a nested certificate `Q` that `P` requires.
 */
import fc from 'fast-check';
import type {
  AwardJson,
  CatalogJson,
  ConditionJson,
  ExceptionJson,
  ProgramJson,
  RequirementJson,
  TranscriptJson,
} from './independent-oracle.js';

/** A generated case: the catalog, the transcript, and the programs to audit (nested first). */
export interface OracleCase {
  readonly catalog: CatalogJson;
  readonly transcript: TranscriptJson;
  /** `['Q', 'P']` when P requires the nested certificate Q, else `['P']`. */
  readonly programs: readonly string[];
}

const TAGS = ['a', 'b', 'c'] as const;
const GRADE_SCALE = { A: 4, B: 3, C: 2, D: 1, F: 0 };

type CondSpec = { tag: string } | { tags: string[] } | { tag: string; atLeast: number };
type LeafSpec = {
  leaf: 'credits' | 'count' | 'credential';
  cond: CondSpec;
  need: number;
  course: number;
  cap: number | undefined;
  minGrade: string | undefined;
};
type GroupSpec = { group: 'all' | 'any'; children: NodeSpec[]; need: number; cap: number | undefined };
type NodeSpec = LeafSpec | GroupSpec;

/** A value one time in `chance`, else `undefined` (which it shrinks to). */
const sometimes = <T>(arb: fc.Arbitrary<T>, chance: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: chance - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const condition = fc.oneof(
  { weight: 6, arbitrary: fc.record({ tag: fc.constantFrom(...TAGS) }) },
  { weight: 3, arbitrary: fc.record({ tags: fc.subarray([...TAGS], { minLength: 2, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ tag: fc.constantFrom(...TAGS), atLeast: fc.integer({ min: 2, max: 4 }) }) },
);

const leafSpec: fc.Arbitrary<LeafSpec> = fc.record({
  leaf: fc.constantFrom<LeafSpec['leaf']>('credits', 'credits', 'count', 'count', 'credential'),
  cond: condition,
  need: fc.integer({ min: 1, max: 8 }),
  course: fc.nat(6),
  cap: sometimes(fc.integer({ min: 1, max: 6 }), 5),
  minGrade: sometimes(fc.constantFrom('D', 'B'), 8),
});

const nodeSpec: fc.Arbitrary<NodeSpec> = fc.letrec<{ node: NodeSpec; group: GroupSpec }>((tie) => ({
  node: fc.oneof({ maxDepth: 2, depthIdentifier: 'tree' }, leafSpec, tie('group')),
  group: fc.record({
    group: fc.constantFrom<GroupSpec['group']>('all', 'any'),
    children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    need: fc.nat(2),
    cap: sometimes(fc.integer({ min: 1, max: 8 }), 6),
  }),
})).node;

type CourseSpec = { credits: number; tags: string[]; inProgress: boolean; grade: string | undefined };
const course: fc.Arbitrary<CourseSpec> = fc.record({
  credits: fc.integer({ min: 1, max: 4 }),
  tags: fc.subarray([...TAGS], { minLength: 1, maxLength: 2 }),
  inProgress: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  grade: fc.constantFrom<string | undefined>(undefined, undefined, 'A', 'B', 'C', 'D', 'F'),
});

type PolicySpec = {
  minGrade: string | undefined;
  limits: { cond: CondSpec; max: number }[];
  totalCredits: number | undefined;
};
const policySpec: fc.Arbitrary<PolicySpec> = fc.record({
  minGrade: sometimes(fc.constant('C'), 3),
  limits: fc.array(fc.record({ cond: condition, max: fc.integer({ min: 0, max: 5 }) }), { maxLength: 2 }),
  totalCredits: sometimes(fc.integer({ min: 1, max: 14 }), 4),
});

type NestedSpec = {
  group: 'all' | 'any';
  children: { leaf: 'credits' | 'count'; cond: CondSpec; need: number }[];
  position: number;
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
    tree: nodeSpec,
    shares: fc.array(
      fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      { minLength: 12, maxLength: 12 },
    ),
    policy: policySpec,
    nested: sometimes(nestedSpec, 4),
    exceptions: exceptionSpec,
  })
  .map(build);

function where(spec: CondSpec): ConditionJson {
  if ('tags' in spec) return { any: spec.tags.map((t) => ({ fact: 'tags', operator: 'contains', value: t })) };
  const tag = { fact: 'tags', operator: 'contains', value: spec.tag };
  return 'atLeast' in spec
    ? { all: [tag, { fact: 'credits', operator: 'greaterThanInclusive', value: spec.atLeast }] }
    : tag;
}

interface CaseSpec {
  courses: CourseSpec[];
  tree: NodeSpec;
  /** Which leaves (in tree order, cyclically) are `share: true` overlays. */
  shares: boolean[];
  policy: PolicySpec;
  nested: NestedSpec | undefined;
  exceptions: ExceptionSpec;
}

function build(spec: CaseSpec): OracleCase {
  const n = spec.courses.length;
  const ids: string[] = [];
  const leaves: RequirementJson[] = [];
  let shareIndex = 0;
  // Tree to JSON, depth first; caps above a credits leaf bound its need (else the catalog is rejected as never completable).
  const toJson = (node: NodeSpec, capAbove: number): RequirementJson => {
    const id = `n${ids.length}`;
    ids.push(id);
    const cap = node.cap;
    const bound = Math.min(capAbove, cap ?? Infinity);
    if ('group' in node) {
      const children = node.children.map((child) => toJson(child, bound));
      return {
        id,
        [node.group]: children,
        ...(node.group === 'any' ? { need: 1 + (node.need % children.length) } : {}),
        ...(cap === undefined ? {} : { maxCredits: cap }),
      };
    }
    const share = spec.shares[shareIndex++ % spec.shares.length]!;
    const json: RequirementJson =
      node.leaf === 'credential'
        ? { id, credential: `C${node.course % n}` }
        : {
            id,
            where: where(node.cond),
            ...(node.leaf === 'credits'
              ? { credits: Math.min(node.need, bound) }
              : { count: 1 + ((node.need - 1) % 3) }),
          };
    if (cap !== undefined) json.maxCredits = cap;
    if (share) json.share = true;
    if (node.minGrade !== undefined) json.minGrade = node.minGrade;
    leaves.push(json);
    return json;
  };
  let root = toJson(spec.tree, Infinity);

  const programs: ProgramJson[] = [];
  if (spec.nested) {
    const q = spec.nested;
    programs.push({
      id: 'Q',
      kind: 'certificate',
      title: 'Q',
      requirements: {
        id: 'q',
        [q.group]: q.children.map((c, i) => ({
          id: `q${i}`,
          where: where(c.cond),
          ...(c.leaf === 'credits' ? { credits: c.need } : { count: 1 + ((c.need - 1) % 3) }),
        })),
      },
    });
    const pq: RequirementJson = { id: 'pq', program: 'Q' };
    const group = root.all ?? root.any;
    if (group) group.splice(q.position % (group.length + 1), 0, pq);
    else root = { id: 'top', all: q.position % 2 === 0 ? [pq, root] : [root, pq] };
    if (root.any && root.need === undefined) root.need = 1;
    ids.push('pq');
  }
  const { minGrade, limits, totalCredits } = spec.policy;
  const policy: ProgramJson['policy'] = {
    ...(minGrade === undefined ? {} : { minGrade }),
    ...(limits.length === 0
      ? {}
      : { limits: limits.map((l, i) => ({ id: `L${i}`, where: where(l.cond), maxCredits: l.max })) }),
    ...(totalCredits === undefined ? {} : { totalCredits }),
  };
  programs.push({
    id: 'P',
    kind: 'certificate',
    title: 'P',
    ...(Object.keys(policy).length === 0 ? {} : { policy }),
    requirements: root,
  });

  const catalog: CatalogJson = {
    institution: { id: 'u', name: 'Oracle University' },
    settings: { unit: 'semester', gradeScale: GRADE_SCALE },
    credentials: spec.courses.map((c, i) => ({
      id: `C${i}`,
      kind: 'course',
      title: `Course ${i}`,
      credits: { value: c.credits, unit: 'semester' },
      tags: c.tags,
    })),
    programs,
  };
  const awards: AwardJson[] = spec.courses.map((c, i) => ({
    id: `a${i}`,
    credential: `C${i}`,
    earned: `2025-0${1 + i}-15`,
    ...(c.inProgress ? { status: 'in-progress' as const } : c.grade === undefined ? {} : { grade: c.grade }),
  }));

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
  // here), into non-shared where / credential leaves, and not alongside a nested program (whose
  // audit may apply the pinned award too).
  const pinnable = leaves.filter((l) => !l.share);
  const award = substitute ? awards[substitute.award % n]! : undefined;
  if (
    substitute &&
    award &&
    !spec.nested &&
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
    learner: { id: 'learner' },
    asOf: '2026-01-01',
    awards,
    ...(exceptions.length === 0 ? {} : { exceptions }),
  };
  return { catalog, transcript, programs: spec.nested ? ['Q', 'P'] : ['P'] };
}
