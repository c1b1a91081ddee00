/**
 * An independent brute-force oracle for credstack's audits, written from SPEC sections 3-5, 7
 * and 8 and the README's "How an audit decides" alone. It shares no code with `src/audit/`: it
 * reads the catalog and transcript JSON itself, evaluates conditions itself, and scores every
 * assignment of every countable award to one requirement leaf (or to nothing) its own way.
 *
 * It supports the subset of the input language the generators in `oracle-arbitraries.ts` make
 * (one unit, credential awards with an optional `term`, credentials with `subject`, `number`,
 * `level`, `code`, `issuer`, `where` / `credential` / `program` leaves, `all` / `any` groups,
 * node `minGrade` / `maxCredits` / `maxCount` / `share: true` / `when`, `distinct` on where
 * leaves, one listed `share: { with, where }` per program and `assert` on nodes (SEMANTICS-12.md),
 * policy `minGrade` / `limits` (maxCredits and / or maxCount) / `totalCredits` / `minGpa` / `gpa`,
 * program versions (`effective`) and the `catalogDate` option, learner facts (`declared`,
 * `entered`, `catalogYear`, `learnerTags`) and fact references (`{ "fact": "entered" }`) in
 * conditions, waive and substitute exceptions, in-progress awards) and throws on the rest, so a
 * generator that drifts past it fails loudly instead of being judged wrongly.
 *
 * Its reading of the SPEC, where the SPEC leaves a choice (each one also the README's, or the
 * audit's where neither says, and noted here so a disagreement can be told from a definition):
 * - An award counts in a pass (finished work only, then finished and in-progress work) when its
 *   status is in that pass and its grade is not failing (0 points, or a grade without points not
 *   in `passingGrades`). At a leaf it must also reach the minimum grade in force there: the
 *   leaf's own `minGrade`, else its nearest ancestor's, else the policy's. Fall-through (credit
 *   toward `totalCredits` only, in a program that has one) needs the policy's minimum.
 * - A substitute exception pins its award to the leaf it names (it may go nowhere else in the
 *   program); it lifts the leaf's `where` / `credential` match, not the grade check.
 * - Policy limits clip each item once for the whole program ("anywhere in the program"): first
 *   the items applied to non-shared leaves, leaves in depth-first tree order and within a leaf by
 *   earned date then id (README: "spent by applied items in tree order"), then every other award
 *   that counts in the pass, in the same order (fall-through, and items only on shared leaves);
 *   finished work first, then work in progress (README), so counting work in progress never hurts.
 *   A limit is spent by the credits an item keeps under the limits (before node caps, which clip
 *   a node's sum, not the item). An item clipped to zero counts nowhere (SPEC 4).
 * - A node's `maxCredits` clips the credits counted under it: at a leaf, what meets it; at a
 *   group, the credits it passes up to the program's total. It never caps a `count`.
 * - A `share: true` leaf takes every eligible item without using it up and adds no credit to
 *   the total (README). Since that is monotone, the oracle gives it every eligible item.
 * - A nested `program` leaf is met by the nested program's item, when the nested program is met
 *   in the pass: the awards the nested audit applied (SPEC 5: "takes the items the nested audit
 *   applied"), so the caller passes them in (see {@link NestedItems}). The item goes only to its
 *   program leaf, its awards then count nowhere else in the parent, and its credits are its
 *   awards' credits under the parent's limits. The parent may also leave it out and use those
 *   awards one by one.
 * - A requirement takes an item only while it is not met without it (README "Every applied
 *   item is needed"): allocations where a met leaf holds an item it is met without are left
 *   out (a substituted award stays where its exception puts it: it is never the one left out),
 *   and {@link checkReported} rejects a reported one. This never changes which requirements can
 *   be met, only what reaches the total: an item below the program's minimum grade that a leaf
 *   with a lower minimum does not need does not count at all (it cannot fall through).
 * - A waived node is met and takes no item, nor does anything under it (README: a requirement
 *   takes an item only while it is not met without it); nothing under it is scored.
 * - "Requirements met" is every node of the tree met (the root included), counting met
 *   alternatives of an `any` beyond its need too, except nodes under a waived node (a substitute
 *   may meet one, but the waiver already meets the node above: it is no requirement of its
 *   own); and the program's `totalCredits` when it has one and it is met (the audit shows it
 *   as a policy, but weighs it as a requirement: an audit meeting one node fewer and the total
 *   ties with one meeting that node and not the total).
 * - Learner facts (SPEC 4, 7): `declared` and `learnerTags` are the learner's lists, empty when
 *   the transcript gives none; `entered` and `catalogYear` are absent when not given. Every item
 *   carries them besides its own facts (and its award's `term`). A `value` `{ "fact": NAME }`
 *   is that fact of the same item (json-rules-engine's fact reference). `before` / `after` are
 *   strict comparisons of two dates and false when either is absent (so `not` of one is true);
 *   `contains` / `doesNotContain` need a list; `matches` is a glob (`*`: any characters).
 * - `when` (README "Learner facts and `when`"): a node whose `when` fails over the learner facts,
 *   and everything under it, does not apply: it takes nothing, is never met (nor scored), and
 *   is shown `not-applicable` with no `remaining` and nothing applied. A group needs only the
 *   children that apply: an `all` every applicable child, an `any` min(need, applicable); a
 *   group none of whose children apply needs nothing and is met (the audit shows it complete).
 *   An exception naming a node that does not apply has no effect (the README is silent): a
 *   waiver does not make it met, and a substituted award is not pinned there and may count
 *   elsewhere, since the node is left out of the program for this learner.
 * - Versions (README "Catalog years"): the programs with the audited id are its versions; the
 *   catalog date is the `catalogDate` option, else `learner.catalogYear`, else
 *   `learner.entered`, else the as-of date. The version in force on that date (`from` and `to`
 *   inclusive, either open) is audited; with none in force, the latest that began before it,
 *   else the earliest, and then no award counts (exceptions still do: a waiver meets its node).
 *   The result names the version's `effective` range (`version`, null for a program without
 *   one) and has its title.
 * - GPA (SPEC 4, README "GPA over every graded course"): grade points times the award's own
 *   credits (its catalog credits, not what caps or limits let count: GPA hours are the course's),
 *   over the awards with a grade the scale gives points to. `over: "applied"` (the default, and
 *   `minGpa`) takes the items that count toward the program's credits in the allocation: applied
 *   to a leaf that uses them up (a nested program's awards included) and fall-through, each
 *   counting more than 0 credits after policy limits; items only in a `share: true` overlay add
 *   nothing to the program's credits (README), so not to its GPA either. `over: "all-graded"`
 *   takes every graded award that counts in the pass, whatever the allocation, failing grades
 *   and grades below a minimum included. No graded credit: the GPA is undefined (`have: null`)
 *   and the check is met. The check is part of completion and, like the total, weighs as one
 *   requirement met.
 * - Counts (README "Caps by count"): a node's `maxCount` lets at most that many items count
 *   under it (different items: one applied twice through a listed share counts once under a
 *   node above both places), so an allocation applying more is not one the audit may make (the
 *   one leaving an item out, or putting it elsewhere, is enumerated too). Only items that count
 *   (more than 0 credits after limits) take a slot. A policy limit's `maxCount`: past it an item
 *   counts nowhere (0 credits), like one a credit limit clips to zero; an item a limit clips to
 *   zero takes no slot of any limit. Count limits are spent in the same order as credit limits.
 *   Not modelled (it throws): `maxCount` on a `share: true` leaf, or on a group holding one or a
 *   `program` leaf (what their items count under the group is left open).
 * - Distinct (SPEC 4, README "Distinct values"): a distinct leaf counts only items whose values
 *   of the fact differ pairwise; an item without a value cannot count there (it is not eligible),
 *   and an allocation putting two items of one value there is not one the audit may make. A
 *   `share: true` distinct leaf takes, of each value, the eligible item counting the most credits.
 *   A substitute into a distinct leaf is not modelled.
 * - Listed sharing (SEMANTICS-12.md; one `share: { with, where }` per program): an item applied
 *   under S and matching `where` may also be applied to one non-shared leaf under each listed
 *   node; a pinned award is never applied twice (not modelled: it throws). The item spends the
 *   limits once, at its first application in tree order (its home), and the extra application
 *   counts what it counts after limits. A leaf's `have` counts every application there (clipped
 *   by its `maxCredits`); what a leaf passes up toward the program's credits is its home items
 *   only (clipped the same way), so the total and the GPA count the item once, and group caps
 *   clip what passes up as before.
 * - Assert (SEMANTICS-12.md): a node's assert sees the different items counting at the non-shared
 *   leaves under it (each once, with its credits after limits), and the node is met only when its
 *   own need and its assert both are (a waived node is met whatever). Not modelled (it throws): an
 *   assert on a node holding a `share: true` leaf (which the oracle gives every eligible item, no
 *   longer the best choice under an at-most assert) or a `program` leaf. "Every applied item is
 *   needed" then reads: an application of an item to a leaf is needed when the leaf (its need and
 *   its own assert) is not met without it, or when the assert of a node above the leaf, seeing
 *   no other application of the item, has an at-least leaf the item counts toward (see
 *   {@link assertNeeds}) that would be under its need without it. So an application that adds
 *   nothing to a short assert leaf (another item of its value counts there, or the assert sees
 *   the item through its other application) is not needed by it (README, "Under an assert").
 */

import {
  type AssertJson,
  type AssertTree,
  assertHolds,
  assertNeeds,
  onePerValue,
  readAssert,
  type Seen,
} from './oracle-assert.js';

/** A condition as in SPEC 4: `all` / `any` / `not` over `{ fact, operator, value }`. */
export type ConditionJson =
  | { all: ConditionJson[] }
  | { any: ConditionJson[] }
  | { not: ConditionJson }
  | { fact: string; operator: string; value: unknown };

/** A listed share (SEMANTICS-12.md): items applied here matching `where` may also count under the listed nodes. */
export interface ShareWithJson {
  with: string[];
  where?: ConditionJson;
}

export interface RequirementJson {
  id?: string;
  when?: ConditionJson;
  minGrade?: string;
  maxCredits?: number;
  maxCount?: number;
  share?: boolean | ShareWithJson;
  assert?: AssertJson;
  all?: RequirementJson[];
  any?: RequirementJson[];
  need?: number;
  credential?: string;
  where?: ConditionJson;
  credits?: number;
  count?: number;
  distinct?: string;
  program?: string;
}

/** A program's catalog years (SPEC 4: `effective`), either end open. */
export interface EffectiveJson {
  from?: string;
  to?: string;
}

export interface ProgramJson {
  id: string;
  kind: string;
  title: string;
  effective?: EffectiveJson;
  policy?: {
    minGrade?: string;
    limits?: { id: string; where: ConditionJson; maxCredits?: number; maxCount?: number }[];
    totalCredits?: number;
    minGpa?: number;
    gpa?: { min: number; over?: 'applied' | 'all-graded' };
  };
  requirements: RequirementJson;
}

export interface CredentialJson {
  id: string;
  kind: string;
  title: string;
  credits?: { value: number; unit: string };
  tags?: string[];
  subject?: string;
  number?: number;
  level?: string;
  code?: string;
  issuer?: string;
}

export interface CatalogJson {
  institution: { id: string; name: string };
  settings?: { unit?: string; gradeScale?: Record<string, number | null>; passingGrades?: string[] };
  credentials: CredentialJson[];
  programs: ProgramJson[];
}

export interface AwardJson {
  id: string;
  credential: string;
  earned?: string;
  grade?: string;
  status?: 'completed' | 'in-progress' | 'planned';
  source?: string;
  term?: string;
}

export type ExceptionJson =
  | { type: 'waive'; program: string; requirement: string; reason: string; credits?: number }
  | { type: 'substitute'; program: string; requirement: string; reason: string; award: string };

/** The learner and the facts `when` and conditions read (SPEC 7). */
export interface LearnerJson {
  id: string;
  entered?: string;
  catalogYear?: string;
  declared?: string[];
  tags?: string[];
}

export interface TranscriptJson {
  learner: LearnerJson;
  asOf: string;
  awards: AwardJson[];
  exceptions?: ExceptionJson[];
}

/** The audit options the oracle reads. */
export interface OptionsJson {
  catalogDate?: string;
}

/** 1: finished work only; 2: finished and in-progress work. */
export type Pass = 1 | 2;

/**
 * The awards a nested program's audit applied, when that program is met in a pass (complete
 * for pass 1, complete or in progress for pass 2); `undefined` when it is not met.
 */
export type NestedItems = (program: string, pass: Pass) => readonly string[] | undefined;

interface Item {
  readonly index: number;
  readonly award: string;
  readonly credential: string;
  readonly credits: number;
  readonly inProgress: boolean;
  readonly grade: string | undefined;
  readonly facts: Readonly<Record<string, unknown>>;
}

interface Leaf {
  readonly type: 'leaf';
  readonly id: string;
  readonly order: number;
  readonly shape: 'where' | 'credential' | 'program';
  readonly credits: number | undefined;
  readonly count: number | undefined;
  readonly cap: number | undefined;
  /** Its `maxCount`. */
  readonly countCap: number | undefined;
  readonly distinct: string | undefined;
  readonly assert: AssertTree | undefined;
  readonly share: boolean;
  readonly minGrade: string | undefined;
  readonly matches: (item: Item) => boolean;
  readonly program: string | undefined;
  /** False when its `when`, or an ancestor's, fails for this learner. */
  readonly applicable: boolean;
  waived: boolean;
  waivedCredits: number;
  /** Waived itself or under a waived node: met without items, so it takes none (README). */
  underWaiver: boolean;
}

interface Group {
  readonly type: 'all' | 'any';
  readonly id: string;
  /** Children that must be met, counting only the applicable ones. */
  readonly need: number;
  readonly applicable: boolean;
  readonly cap: number | undefined;
  /** Its `maxCount`. */
  readonly countCap: number | undefined;
  readonly assert: AssertTree | undefined;
  readonly children: readonly Node[];
  waived: boolean;
}

type Node = Leaf | Group;

/** A listed share read for the oracle: node S, the listed nodes, and which leaves lie under them. */
interface ShareWith {
  readonly node: Node;
  readonly listed: readonly Node[];
  readonly matches: (item: Item) => boolean;
  /** By leaf order: whether the leaf is under S. */
  readonly underShare: readonly boolean[];
  /** By leaf order: the index of the listed node the leaf is under, or -1. */
  readonly listedOf: readonly number[];
}

/** A program read for the oracle: its tree, leaves in tree order, policies and awards. */
export interface Model {
  readonly program: string;
  readonly title: string;
  /** The audited version's `effective` range, or null when it has none. */
  readonly version: EffectiveJson | null;
  /** Whether the catalog date is in the version's range (else no award counts). */
  readonly inForce: boolean;
  readonly root: Node;
  readonly nodes: ReadonlyMap<string, Node>;
  readonly leaves: readonly Leaf[];
  readonly items: readonly Item[];
  readonly itemByAward: ReadonlyMap<string, Item>;
  readonly pins: ReadonlyMap<number, Leaf>;
  /** For each leaf (by order), the nodes from the root down to it, the leaf included. */
  readonly ancestors: readonly (readonly Node[])[];
  /** The program's listed share, if it has one. */
  readonly shareWith: ShareWith | undefined;
  readonly limits: readonly {
    id: string;
    maxCredits: number | undefined;
    maxCount: number | undefined;
    matches: (item: Item) => boolean;
  }[];
  readonly totalCredits: number | undefined;
  readonly policyMinGrade: string | undefined;
  readonly gpa: { readonly min: number; readonly over: 'applied' | 'all-graded' } | undefined;
  readonly points: (grade: string) => number | null | undefined;
  readonly passing: ReadonlySet<string>;
}

/** The learner's catalog date (README "Catalog years"). */
export function catalogDateOf(transcript: TranscriptJson, options: OptionsJson = {}): string {
  return options.catalogDate ?? transcript.learner.catalogYear ?? transcript.learner.entered ?? transcript.asOf;
}

/**
 * The version of a program audited on a catalog date: the one in force, else the latest that
 * began before the date, else the earliest; `inForce` says whether its range holds the date.
 */
export function versionFor(
  versions: readonly ProgramJson[],
  date: string,
): { program: ProgramJson; inForce: boolean } | undefined {
  const from = (p: ProgramJson) => p.effective?.from ?? '';
  const byStart = [...versions].sort((x, y) => from(x).localeCompare(from(y)));
  const current = byStart.find((p) => from(p) <= date && (p.effective?.to === undefined || date <= p.effective.to));
  if (current) return { program: current, inForce: true };
  const began = byStart.filter((p) => from(p) <= date);
  const chosen = began[began.length - 1] ?? byStart[0];
  return chosen && { program: chosen, inForce: false };
}

/** Reads one program of a catalog, and a transcript, into the oracle's model. */
export function readModel(
  catalog: CatalogJson,
  transcript: TranscriptJson,
  programId: string,
  options: OptionsJson = {},
): Model {
  const version = versionFor(
    catalog.programs.filter((p) => p.id === programId),
    catalogDateOf(transcript, options),
  );
  if (!version) throw new Error(`oracle: no program ${programId}`);
  const { program, inForce } = version;
  const { learner } = transcript;
  const learnerFacts = {
    declared: learner.declared ?? [],
    entered: learner.entered,
    catalogYear: learner.catalogYear,
    learnerTags: learner.tags ?? [],
  };
  const credentials = new Map(catalog.credentials.map((c) => [c.id, c]));
  const unit = catalog.settings?.unit ?? 'semester';
  const scale = new Map(Object.entries(catalog.settings?.gradeScale ?? {}));
  const grades: Grades = {
    points: (grade: string) => scale.get(grade),
    passing: new Set(catalog.settings?.passingGrades ?? []),
  };
  // Outside the program's catalog years no award counts.
  const items: Item[] = (inForce ? transcript.awards : [])
    .filter((a) => (a.status ?? 'completed') !== 'planned' && (a.earned === undefined || a.earned <= transcript.asOf))
    .map((a) => {
      const c = credentials.get(a.credential);
      if (!c) throw new Error(`oracle: award ${a.id} names no catalog credential`);
      if (c.credits && c.credits.unit !== unit) throw new Error('oracle: one unit only');
      const credits = c.credits?.value ?? 0;
      const facts = {
        id: c.id,
        kind: c.kind,
        title: c.title,
        code: c.code,
        subject: c.subject,
        number: c.number,
        level: c.level,
        issuer: c.issuer,
        tags: c.tags ?? [],
        credits,
        unit,
        grade: a.grade,
        status: a.status ?? 'completed',
        source: a.source ?? 'institution',
        earned: a.earned,
        term: a.term,
        ...learnerFacts,
      };
      return {
        index: 0,
        award: a.id,
        credential: c.id,
        credits,
        inProgress: a.status === 'in-progress',
        grade: a.grade,
        facts,
      };
    })
    // Tree order within a leaf: earliest earned, then id (SPEC 5's tie-break).
    .sort(
      (x, y) =>
        String(x.facts.earned ?? '').localeCompare(String(y.facts.earned ?? '')) ||
        (x.award < y.award ? -1 : x.award > y.award ? 1 : 0),
    )
    .map((item, index) => ({ ...item, index }));
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.credential)) throw new Error('oracle: repeated awards of one credential are not modelled');
    seen.add(item.credential);
  }

  const nodes = new Map<string, Node>();
  const leaves: Leaf[] = [];
  const ancestors: Node[][] = [];
  let shareJson: { id: string; share: ShareWithJson } | undefined;
  const assertOf = (req: RequirementJson) =>
    req.assert &&
    readAssert(req.assert, (where, minGrade) => (seen: Seen) => {
      const matched = holds(where as ConditionJson, seen.facts);
      return matched && (minGrade === undefined || gradeOk(grades, seen.facts.grade as string | undefined, minGrade));
    });
  const build = (req: RequirementJson, inherited: string | undefined, path: string, above: boolean): Node => {
    const id = req.id ?? path;
    if (nodes.has(id)) throw new Error(`oracle: requirement id ${id} twice`);
    const minGrade = req.minGrade ?? inherited;
    const group = req.all ?? req.any;
    const applicable = above && (req.when === undefined || holds(req.when, learnerFacts));
    if (typeof req.share === 'object') {
      if (shareJson) throw new Error('oracle: one listed share per program only');
      shareJson = { id, share: req.share };
    }
    let node: Node;
    if (group) {
      if (req.share === true) throw new Error('oracle: share on a group is not modelled');
      const before = leaves.length;
      const children = group.map((child, i) => build(child, minGrade, `${id}.${i}`, applicable));
      const applying = children.filter((child) => child.applicable).length;
      node = {
        type: req.all ? 'all' : 'any',
        id,
        need: req.all ? applying : Math.min(req.need ?? 1, applying),
        applicable,
        cap: req.maxCredits,
        countCap: req.maxCount,
        assert: assertOf(req),
        children,
        waived: false,
      };
      for (let order = before; order < leaves.length; order++) ancestors[order]!.unshift(node);
    } else {
      const shape =
        req.where !== undefined
          ? 'where'
          : req.credential !== undefined
            ? 'credential'
            : req.program !== undefined
              ? 'program'
              : undefined;
      if (!shape) throw new Error(`oracle: requirement ${id} has no shape it models`);
      const where = req.where;
      const credential = req.credential;
      const matches =
        where !== undefined ? (item: Item) => holds(where, item.facts) : (item: Item) => item.credential === credential;
      node = {
        type: 'leaf',
        id,
        order: leaves.length,
        shape,
        credits: req.credits,
        count: shape === 'where' ? req.count : 1,
        cap: req.maxCredits,
        countCap: req.maxCount,
        distinct: req.distinct,
        assert: assertOf(req),
        share: req.share === true,
        minGrade,
        matches,
        program: req.program,
        applicable,
        waived: false,
        waivedCredits: 0,
        underWaiver: false,
      };
      if (shape === 'program' && (node.share || node.countCap !== undefined || node.assert))
        throw new Error('oracle: a shared, count-capped or asserted program leaf is not modelled');
      if (node.share && node.countCap !== undefined)
        throw new Error('oracle: maxCount on a shared leaf is not modelled');
      leaves.push(node);
      ancestors.push([node]);
    }
    if (node.type !== 'leaf' && (node.countCap !== undefined || node.assert)) {
      const under = leavesUnder(node);
      if (under.some((leaf) => leaf.share || leaf.shape === 'program'))
        throw new Error(`oracle: maxCount or assert on ${id} over a shared or program leaf is not modelled`);
    }
    if (node.type === 'leaf' && node.assert && node.share)
      throw new Error('oracle: an assert on a shared leaf is not modelled');
    nodes.set(id, node);
    return node;
  };
  const policy = program.policy ?? {};
  if (program.requirements.when !== undefined) throw new Error('oracle: a when on the root is not modelled');
  const root = build(program.requirements, policy.minGrade, 'root', true);
  const itemByAward = new Map(items.map((item) => [item.award, item]));
  const pins = new Map<number, Leaf>();
  for (const exception of transcript.exceptions ?? []) {
    if (exception.program !== programId) continue;
    const node = nodes.get(exception.requirement);
    if (!node) throw new Error(`oracle: exception names no requirement ${exception.requirement}`);
    // An exception on a node left out for this learner has no effect (see the module comment).
    if (!node.applicable) continue;
    if (exception.type === 'waive') {
      if (exception.credits === undefined) node.waived = true;
      else if (node.type === 'leaf' && node.credits !== undefined) node.waivedCredits += exception.credits;
      else throw new Error('oracle: a credits waiver on a node without credits');
    } else {
      if (node.type !== 'leaf' || node.shape === 'program' || node.share)
        throw new Error('oracle: a substitute into a group, program or shared leaf is not modelled');
      const item = itemByAward.get(exception.award);
      if (item) {
        if (pins.has(item.index)) throw new Error('oracle: two substitutes of one award');
        pins.set(item.index, node);
      }
    }
  }
  const markWaived = (node: Node, above: boolean) => {
    if (node.type === 'leaf') node.underWaiver = above || node.waived;
    else node.children.forEach((child) => markWaived(child, above || node.waived));
  };
  markWaived(root, false);
  const shareWith = shareJson && readShareWith(shareJson.id, shareJson.share, nodes, leaves, ancestors);
  if (shareWith && pins.size > 0) throw new Error('oracle: a substitute alongside a listed share is not modelled');
  for (const leaf of pins.values())
    if (leaf.distinct !== undefined) throw new Error('oracle: a substitute into a distinct leaf is not modelled');
  const gpa = policy.gpa ?? (policy.minGpa === undefined ? undefined : { min: policy.minGpa });
  return {
    program: programId,
    title: program.title,
    version: program.effective ?? null,
    inForce,
    root,
    nodes,
    leaves,
    ancestors,
    shareWith,
    items,
    itemByAward,
    pins,
    limits: (policy.limits ?? []).map((l) => ({
      id: l.id,
      maxCredits: l.maxCredits,
      maxCount: l.maxCount,
      matches: (item: Item) => holds(l.where, item.facts),
    })),
    totalCredits: policy.totalCredits,
    policyMinGrade: policy.minGrade,
    gpa: gpa && { min: gpa.min, over: gpa.over ?? 'applied' },
    ...grades,
  };
}

/** The leaves under a node (the node itself, for a leaf), in tree order. */
function leavesUnder(node: Node): Leaf[] {
  return node.type === 'leaf' ? [node] : node.children.flatMap(leavesUnder);
}

/** Reads the listed share on node `id`, checking what SEMANTICS-12.md makes a catalog error (the generators make none). */
function readShareWith(
  id: string,
  share: ShareWithJson,
  nodes: ReadonlyMap<string, Node>,
  leaves: readonly Leaf[],
  ancestors: readonly (readonly Node[])[],
): ShareWith {
  const node = nodes.get(id)!;
  const listed = share.with.map((name) => {
    const found = nodes.get(name);
    if (!found) throw new Error(`oracle: share with an unknown node ${name}`);
    return found;
  });
  const contains = (outer: Node, inner: Node) =>
    leavesUnder(inner).every((leaf) => ancestors[leaf.order]!.includes(outer));
  for (const [i, l] of listed.entries()) {
    if (contains(l, node) || contains(node, l)) throw new Error(`oracle: ${id} shares with ${l.id}, above or below it`);
    for (const other of listed.slice(i + 1))
      if (contains(l, other) || contains(other, l)) throw new Error(`oracle: ${id} shares with nested ${l.id}`);
  }
  if (node.type === 'leaf' && (node.share || node.shape === 'program'))
    throw new Error('oracle: a listed share on an overlay or program leaf is not modelled');
  const where = share.where;
  return {
    node,
    listed,
    matches: where === undefined ? () => true : (item: Item) => holds(where, item.facts),
    underShare: leaves.map((leaf) => ancestors[leaf.order]!.includes(node)),
    listedOf: leaves.map((leaf) => listed.findIndex((l) => ancestors[leaf.order]!.includes(l))),
  };
}

/** Whether a json-rules-engine condition holds for these facts (the operators the generators use). */
function holds(condition: ConditionJson, facts: Readonly<Record<string, unknown>>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  const fact = facts[condition.fact];
  const reference = condition.value;
  const value =
    typeof reference === 'object' && reference !== null && 'fact' in reference
      ? facts[(reference as { fact: string }).fact]
      : reference;
  const dates = typeof fact === 'string' && typeof value === 'string';
  switch (condition.operator) {
    case 'before':
      return dates && fact < value;
    case 'after':
      return dates && fact > value;
    case 'matches':
      return dates && glob(value).test(fact);
    case 'equal':
      return fact === value;
    case 'notEqual':
      return fact !== value;
    case 'contains':
      return Array.isArray(fact) && fact.includes(value);
    case 'doesNotContain':
      return Array.isArray(fact) && !fact.includes(value);
    case 'in':
      return Array.isArray(value) && value.includes(fact);
    case 'notIn':
      return Array.isArray(value) && !value.includes(fact);
    case 'greaterThanInclusive':
      return typeof fact === 'number' && typeof value === 'number' && fact >= value;
    case 'lessThanInclusive':
      return typeof fact === 'number' && typeof value === 'number' && fact <= value;
    case 'greaterThan':
      return typeof fact === 'number' && typeof value === 'number' && fact > value;
    case 'lessThan':
      return typeof fact === 'number' && typeof value === 'number' && fact < value;
    default:
      throw new Error(`oracle: operator ${condition.operator} is not modelled`);
  }
}

/** A glob (`*`: any characters, the rest literal) as an anchored regular expression. */
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** The grade scale: points of a grade (null: no points; undefined: not in the scale), and the passing grades without points. */
interface Grades {
  readonly points: (grade: string) => number | null | undefined;
  readonly passing: ReadonlySet<string>;
}

/** Whether an award's grade reaches a minimum (ungraded awards pass; failing grades never do). */
function gradeOk(grades: Grades, grade: string | undefined, minGrade: string | undefined): boolean {
  if (grade === undefined) return true;
  const points = grades.points(grade);
  if (points === undefined) throw new Error(`oracle: grade ${grade} is not in the scale`);
  if (points === null) return grades.passing.has(grade);
  if (points <= 0) return false;
  if (minGrade === undefined) return true;
  const min = grades.points(minGrade);
  return min === null || min === undefined ? true : points >= min;
}

const inPass = (item: Item, pass: Pass) => pass === 2 || !item.inProgress;

/** Whether an item may be applied to a leaf in a pass (a pinned item only to its pin). */
export function eligible(model: Model, item: Item, leaf: Leaf, pass: Pass): boolean {
  if (!inPass(item, pass) || leaf.shape === 'program' || !leaf.applicable) return false;
  const pin = model.pins.get(item.index);
  // A substitute places its award even under a waiver: the exception names that requirement.
  if (pin && !leaf.share) return pin === leaf && gradeOk(model, item.grade, leaf.minGrade);
  // A distinct leaf cannot count an item without a value of its fact (README "Distinct values").
  const valued = leaf.distinct === undefined || (item.facts[leaf.distinct] ?? null) !== null;
  return !leaf.underWaiver && valued && leaf.matches(item) && gradeOk(model, item.grade, leaf.minGrade);
}

/**
 * Whether an item left out of every leaf still counts toward the total (fall-through): only in a
 * program with a `totalCredits` (README: fall-through counts toward the program's total), so an
 * item that counts nowhere spends no limit.
 */
const fallsThrough = (model: Model, item: Item, pass: Pass) =>
  model.totalCredits !== undefined && inPass(item, pass) && gradeOk(model, item.grade, model.policyMinGrade);

/**
 * One allocation: for each item (by index) the non-shared leaf it is applied to (its `order`),
 * or -1; for items applied twice through the listed share, the extra leaves (by item index:
 * one leaf under each listed node it also counts under; `leafOf` is then the leaf under S);
 * and, for each program leaf (by order) whose nested program's item is applied, that item's
 * awards (by index).
 */
export interface Allocation {
  readonly leafOf: readonly number[];
  readonly extras?: ReadonlyMap<number, readonly number[]>;
  readonly bundles: ReadonlyMap<number, readonly number[]>;
}

/** What a policy limit lets count: credits spent by applied items and by the others, and items counted. */
export interface LimitSpent {
  applied: number;
  fallThrough: number;
  count: number;
}

/** The oracle's evaluation of one allocation. */
export interface Evaluation {
  /** Credits each item counts for after policy limits (by index; 0 when it counts nowhere). */
  readonly counted: readonly number[];
  readonly met: ReadonlyMap<string, boolean>;
  /** Items counted at each leaf (a program leaf: 1 for the nested program's item). */
  readonly counts: ReadonlyMap<string, number>;
  /** Credits each limit lets count, spent by applied items and by the others, and the items it lets count. */
  readonly limitSpent: ReadonlyMap<string, LimitSpent>;
  /** Items (by index) that count toward the total only. */
  readonly fallThrough: readonly number[];
  /** Credits the tree passes up to the program (after node caps; shared leaves add nothing). */
  readonly applied: number;
  /** `applied` plus the fall-through credits. */
  readonly total: number;
  readonly complete: boolean;
  /** An applied item not needed where it is, as "award at leaf" (README: every applied item is needed); undefined when every one is. */
  readonly unneeded: string | undefined;
  /** Why the audit may not make this allocation: a node's `maxCount` exceeded, a repeated value under `distinct`. */
  readonly broken: readonly string[];
  /** Requirements met: nodes of the tree (see the module comment), the total credits and the GPA, if any. */
  readonly score: number;
  /** The GPA the program's GPA policy reads (null: no graded credit, or no such policy). */
  readonly gpa: number | null;
  /** Whether the GPA policy is met (true without one). */
  readonly gpaMet: boolean;
}

/** Scores one allocation from the SPEC (see the module comment for the readings). */
export function evaluate(model: Model, pass: Pass, allocation: Allocation): Evaluation {
  const { items, leaves, limits } = model;
  const counted = items.map(() => 0);
  const spent: LimitSpent[] = limits.map(() => ({ applied: 0, fallThrough: 0, count: 0 }));
  const spend = (item: Item, phase: 'applied' | 'fallThrough') => {
    let credits = item.credits;
    limits.forEach((l, i) => {
      if (!l.matches(item)) return;
      const s = spent[i]!;
      if (l.maxCount !== undefined && s.count >= l.maxCount) credits = 0;
      if (l.maxCredits !== undefined) credits = Math.min(credits, l.maxCredits - s.applied - s.fallThrough);
    });
    // An item clipped to zero counts nowhere, so it takes no limit's slot either.
    if (credits > 0)
      limits.forEach((l, i) => {
        if (!l.matches(item)) return;
        spent[i]![phase] += credits;
        spent[i]!.count++;
      });
    counted[item.index] = credits;
  };
  const appliedAt = leaves.map((leaf) =>
    leaf.shape === 'program' ? [...(allocation.bundles.get(leaf.order) ?? [])] : ([] as number[]),
  );
  // An item's home: its first application in tree order, where it spends the limits once.
  const home = items.map(() => Infinity);
  appliedAt.forEach((bundle, order) => bundle.forEach((index) => (home[index] = order)));
  const place = (index: number, order: number) => {
    appliedAt[order]!.push(index);
    home[index] = Math.min(home[index]!, order);
  };
  allocation.leafOf.forEach((order, index) => {
    if (order >= 0) place(index, order);
  });
  allocation.extras?.forEach((orders, index) => orders.forEach((order) => place(index, order)));
  appliedAt.forEach((at) => at.sort((a, b) => a - b));
  const used = new Set(appliedAt.flat());
  // Finished work spends the limits first, then work in progress, in the same orders (README:
  // counting work in progress can only help).
  for (const inProgress of [false, true])
    for (const leaf of leaves)
      for (const index of appliedAt[leaf.order]!)
        if (home[index] === leaf.order && items[index]!.inProgress === inProgress) spend(items[index]!, 'applied');
  const fallThrough: number[] = [];
  for (const inProgress of [false, true])
    for (const item of items) {
      if (used.has(item.index) || item.inProgress !== inProgress) continue;
      const sharedSomewhere = leaves.some((leaf) => leaf.share && eligible(model, item, leaf, pass));
      if (fallsThrough(model, item, pass)) {
        spend(item, 'fallThrough');
        if (counted[item.index]! > 0) fallThrough.push(item.index);
      } else if (sharedSomewhere) spend(item, 'fallThrough');
    }
  fallThrough.sort((a, b) => a - b);

  const seen = (index: number): Seen => ({ index, credits: counted[index]!, facts: items[index]!.facts });
  const met = new Map<string, boolean>();
  const counts = new Map<string, number>();
  const broken: string[] = [];
  /** The different items counting at the non-shared leaves under each node (what its assert and `maxCount` see). */
  const countingUnder = new Map<Node, number[]>();
  /** Applications met without them by their leaf: needed only if an assert above needs them. */
  const spare: { leaf: Leaf; index: number }[] = [];
  let score = 0;
  const visit = (node: Node, scored: boolean): number => {
    let isMet: boolean;
    let passUp: number;
    let under: number[] = [];
    if (!node.applicable) {
      isMet = false;
      passUp = 0;
    } else if (node.type === 'leaf') {
      const clip = (credits: number) => (node.cap === undefined ? credits : Math.min(credits, node.cap));
      let counting = (
        node.share
          ? items.filter((item) => eligible(model, item, node, pass)).map((item) => item.index)
          : appliedAt[node.order]!
      ).filter((index) => counted[index]! > 0);
      if (node.distinct !== undefined) {
        const one = onePerValue(counting.map(seen), node.distinct).map((s) => s.index);
        if (node.share) counting = one;
        else if (one.length < counting.length) broken.push(`${node.id} counts two items of one ${node.distinct}`);
      }
      if (node.countCap !== undefined && counting.length > node.countCap)
        broken.push(`${node.id} counts ${counting.length} items over its maxCount ${node.countCap}`);
      const sumOf = (indexes: readonly number[]) => indexes.reduce((s, index) => s + counted[index]!, 0);
      counts.set(node.id, node.shape === 'program' ? (allocation.bundles.has(node.order) ? 1 : 0) : counting.length);
      const ownMet = (indexes: readonly number[]) =>
        node.shape === 'program'
          ? allocation.bundles.has(node.order)
          : node.credits !== undefined
            ? clip(sumOf(indexes)) >= node.credits - node.waivedCredits
            : indexes.length >= node.count!;
      isMet = ownMet(counting) && (!node.assert || assertHolds(node.assert, counting.map(seen)));
      // README: a leaf takes an item only while its own need is not met without it; its own assert,
      // like those above, may still need the item (checked with them below).
      if (!node.share && node.shape !== 'program')
        for (const index of counting)
          if (!model.pins.has(index) && ownMet(counting.filter((i) => i !== index))) spare.push({ leaf: node, index });
      passUp = node.share ? 0 : clip(sumOf(counting.filter((index) => home[index] === node.order)));
      if (!node.share) under = counting;
    } else {
      let metChildren = 0;
      let sum = 0;
      const set = new Set<number>();
      for (const child of node.children) {
        sum += visit(child, scored && !node.waived);
        if (met.get(child.id)) metChildren++;
        countingUnder.get(child)?.forEach((index) => set.add(index));
      }
      under = [...set].sort((a, b) => a - b);
      if (node.countCap !== undefined && under.length > node.countCap)
        broken.push(`${node.id} counts ${under.length} items over its maxCount ${node.countCap}`);
      isMet = metChildren >= node.need && (!node.assert || assertHolds(node.assert, under.map(seen)));
      passUp = node.cap === undefined ? sum : Math.min(sum, node.cap);
    }
    countingUnder.set(node, under);
    isMet ||= node.waived;
    met.set(node.id, isMet);
    if (isMet && scored) score++;
    return passUp;
  };
  const applied = visit(model.root, true);
  // A spare application is still needed when the assert of its leaf or of a node above it, seeing
  // no other application of the item, needs it (SEMANTICS-12.md).
  const waste = spare.find(({ leaf, index }) => {
    const above = model.ancestors[leaf.order]!;
    return !above.some((node) => {
      if (!node.assert) return false;
      const elsewhere = leavesUnder(node).some((l) => l !== leaf && appliedAt[l.order]!.includes(index));
      return !elsewhere && assertNeeds(node.assert, countingUnder.get(node)!.map(seen), seen(index));
    });
  });
  const fallThroughCredits = fallThrough.reduce((s, index) => s + counted[index]!, 0);
  const total = applied + fallThroughCredits;
  const gpaOver =
    model.gpa?.over === 'all-graded'
      ? items.filter((item) => inPass(item, pass))
      : [...used, ...fallThrough].filter((index) => counted[index]! > 0).map((index) => items[index]!);
  const gpa = model.gpa ? gradePointAverage(model, gpaOver) : null;
  const gpaMet = !model.gpa || gpa === null || gpa >= model.gpa.min;
  const complete =
    met.get(model.root.id)! && (model.totalCredits === undefined || total >= model.totalCredits) && gpaMet;
  return {
    counted,
    met,
    counts,
    fallThrough,
    applied,
    total,
    complete,
    unneeded: waste && `${items[waste.index]!.award} at ${waste.leaf.id}`,
    broken,
    score:
      score + (model.totalCredits !== undefined && total >= model.totalCredits ? 1 : 0) + (model.gpa && gpaMet ? 1 : 0),
    limitSpent: new Map(limits.map((l, i) => [l.id, spent[i]!])),
    gpa,
    gpaMet,
  };
}

/** Grade points times the award's credits over its credits, for the graded items; null with none. */
function gradePointAverage(model: Model, items: readonly Item[]): number | null {
  let points = 0;
  let credits = 0;
  for (const item of items) {
    const value = item.grade === undefined ? null : model.points(item.grade);
    if (value === null || value === undefined) continue;
    points += value * item.credits;
    credits += item.credits;
  }
  return credits === 0 ? null : points / credits;
}

/** The oracle's verdict on a program: its status, and the most requirements any allocation meets. */
export interface Verdict {
  readonly status: 'complete' | 'in-progress' | 'incomplete';
  /** When incomplete, the most requirements ({@link Evaluation.score}) any allocation meets. */
  readonly bestScore: number;
  /** Allocations enumerated over both passes. */
  readonly allocations: number;
}

/** Where one item goes: a non-shared leaf (or -1), and the extra leaves of a listed share. */
interface Choice {
  readonly leaf: number;
  readonly extra?: readonly number[];
}

/**
 * Enumerates every allocation in a pass and calls `visit` with each; returns false (without
 * enumerating) when there are more than `limit` of them.
 */
export function eachAllocation(
  model: Model,
  pass: Pass,
  nested: NestedItems,
  limit: number,
  visit: (allocation: Allocation) => boolean | undefined,
): boolean {
  const { items, leaves } = model;
  const options = items.map((item): Choice[] => {
    if (!inPass(item, pass)) return [{ leaf: -1 }];
    const pin = model.pins.get(item.index);
    const targets = leaves.filter((leaf) => !leaf.share && eligible(model, item, leaf, pass)).map((leaf) => leaf.order);
    // A pinned item goes to its pin or nowhere (when it cannot count there).
    const single = (pin ? (targets.length > 0 ? targets : [-1]) : [-1, ...targets]).map((leaf) => ({ leaf }));
    const share = model.shareWith;
    if (!share?.matches(item)) return single;
    // Applied under S, it may also go to one leaf under each listed node (or to none of them).
    let extras: number[][] = [[]];
    share.listed.forEach((_, i) => {
      const under = targets.filter((order) => share.listedOf[order] === i);
      extras = extras.flatMap((chosen) => [chosen, ...under.map((order) => [...chosen, order])]);
    });
    const twice = targets
      .filter((order) => share.underShare[order])
      .flatMap((leaf) => extras.filter((e) => e.length > 0).map((extra) => ({ leaf, extra })));
    return [...single, ...twice];
  });
  const programLeaves = leaves
    .filter((leaf) => leaf.shape === 'program' && !leaf.underWaiver)
    .map((leaf) => ({
      leaf,
      // Outside the program's catalog years the nested program's awards do not count here either.
      components: model.inForce
        ? nested(leaf.program!, pass)?.map((award) => model.itemByAward.get(award)?.index ?? -1)
        : undefined,
    }));
  for (const p of programLeaves)
    if (p.components?.includes(-1))
      throw new Error(`oracle: a component of ${p.leaf.program} is not an award that counts`);
  const size =
    options.reduce((n, o) => n * o.length, 1) * programLeaves.reduce((n, p) => n * (p.components ? 2 : 1), 1);
  if (size > limit) return false;

  const bundles = new Map<number, readonly number[]>();
  const taken = new Set<number>();
  const leafOf = items.map(() => -1);
  const extras = new Map<number, readonly number[]>();
  let stop = false;
  const chooseItems = (index: number): void => {
    if (stop) return;
    if (index === items.length) {
      if (visit({ leafOf, extras, bundles }) === true) stop = true;
      return;
    }
    for (const option of taken.has(index) ? [{ leaf: -1 }] : options[index]!) {
      leafOf[index] = option.leaf;
      if (option.extra) extras.set(index, option.extra);
      chooseItems(index + 1);
      extras.delete(index);
    }
    leafOf[index] = -1;
  };
  const chooseBundles = (k: number): void => {
    if (k === programLeaves.length) {
      chooseItems(0);
      return;
    }
    const { leaf, components } = programLeaves[k]!;
    chooseBundles(k + 1);
    if (!components || components.some((c) => taken.has(c))) return;
    bundles.set(leaf.order, components);
    components.forEach((c) => taken.add(c));
    chooseBundles(k + 1);
    components.forEach((c) => taken.delete(c));
    bundles.delete(leaf.order);
  };
  chooseBundles(0);
  return true;
}

/**
 * The oracle's verdict: complete when an allocation of finished work completes the program, in
 * progress when one with in-progress work does, else incomplete with the most requirements met.
 * `undefined` when a pass has more than `limit` allocations.
 */
export function oracleVerdict(
  catalog: CatalogJson,
  transcript: TranscriptJson,
  program: string,
  nested: NestedItems,
  limit = 50_000,
  options: OptionsJson = {},
): Verdict | undefined {
  const model = readModel(catalog, transcript, program, options);
  let allocations = 0;
  let best = -1;
  const search = (pass: Pass): boolean | undefined => {
    let complete = false;
    best = -1;
    const ran = eachAllocation(model, pass, nested, limit, (allocation) => {
      allocations++;
      const evaluation = evaluate(model, pass, allocation);
      if (evaluation.unneeded !== undefined || evaluation.broken.length > 0) return false;
      best = Math.max(best, evaluation.score);
      complete = evaluation.complete;
      return complete;
    });
    return ran ? complete : undefined;
  };
  const finished = search(1);
  if (finished === undefined) return undefined;
  if (finished) return { status: 'complete', bestScore: best, allocations };
  const withInProgress = search(2);
  if (withInProgress === undefined) return undefined;
  return { status: withInProgress ? 'in-progress' : 'incomplete', bestScore: best, allocations };
}

/** The parts of an audit result (SPEC 8) the oracle reads, typed here so it imports nothing of the audit. */
export interface ReportedNode {
  readonly id: string;
  readonly status: string;
  readonly need?: { readonly credits?: number; readonly count?: number } | null;
  readonly have?: { readonly credits?: number; readonly count?: number } | null;
  readonly remaining?: unknown;
  readonly applied: readonly {
    readonly award: string;
    readonly credits: number;
    readonly components?: readonly string[];
  }[];
  readonly children?: readonly ReportedNode[];
  readonly kind?: string;
  readonly waived?: unknown;
  readonly assert?: { readonly status: string };
}
export interface ReportedAudit {
  readonly title: string;
  readonly version?: EffectiveJson | null;
  readonly status: string;
  readonly credits: { readonly applied: number };
  readonly requirements: ReportedNode;
  readonly policies: readonly {
    readonly id: string;
    readonly status?: string;
    readonly have?: number | null;
    readonly count?: number;
  }[];
  readonly fallThrough: readonly { readonly award: string; readonly credits: number }[];
}

/** One way a reported allocation breaks the oracle's rules. */
export interface Problem {
  readonly kind: string;
  readonly detail: string;
}

const MET = new Set(['complete', 'in-progress', 'waived']);

/**
 * How an item reported at several leaves double counts through the program's listed share: its
 * leaf under S and one leaf under each of some listed nodes; undefined when it does not.
 */
function splitShared(
  model: Model,
  index: number,
  orders: readonly number[],
): { leaf: number; extra: number[] } | undefined {
  const share = model.shareWith;
  if (!share?.matches(model.items[index]!)) return undefined;
  const under = orders.filter((order) => share.underShare[order]);
  const extra = orders.filter((order) => !share.underShare[order]);
  const listed = extra.map((order) => share.listedOf[order]!);
  if (under.length !== 1 || listed.includes(-1) || new Set(listed).size < listed.length) return undefined;
  return { leaf: under[0]!, extra };
}

/** Requirements a reported audit shows met, counted as {@link Evaluation.score} counts them. */
/**
 * Whether a reported node is met. A `not-needed` status (an alternative of a met `any`) hides
 * it, so it is read from the node's own figures: waived, a leaf's have against its need (and its
 * assert), a group's children.
 */
function reportedMet(r: ReportedNode): boolean {
  if (r.status !== 'not-needed') return MET.has(r.status);
  // A whole waiver meets the node; a partial one (`credits`) only lowers its need.
  if (r.waived && (r.waived as { credits?: number }).credits === undefined) return true;
  // An `assert` on any node kind must hold too.
  if (r.assert?.status === 'incomplete') return false;
  const children = (r.children ?? []).filter((c) => c.status !== 'not-applicable');
  if (r.kind === 'any') return children.filter(reportedMet).length >= (r.need?.count ?? 1);
  if (r.kind === 'all') return children.every(reportedMet);
  const have = r.have?.credits ?? r.have?.count ?? 0;
  const need = r.need?.credits ?? r.need?.count ?? 0;
  return have >= need;
}

export function reportedScore(model: Model, reported: ReportedAudit): number {
  const nodes = (r: ReportedNode): number => {
    const here = reportedMet(r) ? 1 : 0;
    return model.nodes.get(r.id)?.waived ? here : here + (r.children ?? []).reduce((s, child) => s + nodes(child), 0);
  };
  const policyMet = (id: string) => {
    const status = reported.policies.find((p) => p.id === id)?.status;
    return status !== undefined && MET.has(status) ? 1 : 0;
  };
  return (
    nodes(reported.requirements) +
    (model.totalCredits === undefined ? 0 : policyMet('total-credits')) +
    (model.gpa === undefined ? 0 : policyMet('min-gpa'))
  );
}

/**
 * Checks that the allocation an audit reports is valid by the oracle's rules and that every
 * figure it shows is the oracle's own recomputation of that allocation. Returns the problems.
 */
export function checkReported(model: Model, nested: NestedItems, reported: ReportedAudit): Problem[] {
  const problems: Problem[] = [];
  const problem = (kind: string, detail: string) => problems.push({ kind, detail });
  const pass: Pass = reported.status === 'complete' ? 1 : 2;
  const leafOf = model.items.map(() => -1);
  const extras = new Map<number, number[]>();
  const bundles = new Map<number, number[]>();
  const taken = new Set<number>();
  /** The leaves (orders) each item is reported applied to, outside nested programs' items. */
  const placed = new Map<number, number[]>();
  const reportedNodes = new Map<string, ReportedNode>();
  const collect = (r: ReportedNode) => {
    reportedNodes.set(r.id, r);
    r.children?.forEach(collect);
  };
  collect(reported.requirements);
  const take = (award: string, leaf: Leaf): number | undefined => {
    const item = model.itemByAward.get(award);
    if (!item) return void problem('unknown-award', `${award} at ${leaf.id}`);
    if (taken.has(item.index)) problem('applied-twice', `${award} again at ${leaf.id}`);
    taken.add(item.index);
    return item.index;
  };
  for (const leaf of model.leaves) {
    const r = reportedNodes.get(leaf.id);
    if (!r) {
      problem('missing-node', leaf.id);
      continue;
    }
    if (leaf.share) continue;
    if (leaf.shape === 'program') {
      const entry = r.applied.find((a) => a.components);
      if (!entry) continue;
      const expected = nested(leaf.program!, pass);
      if (!expected || [...expected].sort().join() !== [...entry.components!].sort().join())
        problem(
          'nested-components',
          `${leaf.id} takes ${entry.components!.join(',')}; the nested audit applied ${expected?.join(',') ?? 'nothing (not met)'}`,
        );
      bundles.set(
        leaf.order,
        entry.components!.map((award) => take(award, leaf)).filter((i): i is number => i !== undefined),
      );
      continue;
    }
    for (const entry of r.applied) {
      const item = model.itemByAward.get(entry.award);
      if (!item) {
        problem('unknown-award', `${entry.award} at ${leaf.id}`);
        continue;
      }
      if (!eligible(model, item, leaf, pass)) problem('ineligible', `${entry.award} at ${leaf.id} (pass ${pass})`);
      placed.set(item.index, [...(placed.get(item.index) ?? []), leaf.order]);
    }
  }
  for (const [index, orders] of placed) {
    if (taken.has(index)) problem('applied-twice', `${model.items[index]!.award} is in a nested program's item too`);
    const split = orders.length === 1 ? { leaf: orders[0]!, extra: [] } : splitShared(model, index, orders);
    if (!split)
      problem(
        'applied-twice',
        `${model.items[index]!.award} at ${orders.map((o) => model.leaves[o]!.id).join(', ')}, not as a listed share allows`,
      );
    leafOf[index] = split?.leaf ?? orders[0]!;
    if (split && split.extra.length > 0) extras.set(index, split.extra);
  }
  const evaluation = evaluate(model, pass, { leafOf, extras, bundles });
  for (const why of evaluation.broken) problem('broken', why);
  // The enumeration leaves out allocations with an unneeded item, so the audit may not make one.
  if (evaluation.unneeded !== undefined) problem('not-needed-applied', `${evaluation.unneeded} is not needed there`);
  const { counted } = evaluation;
  const countedOf = (award: string) => counted[model.itemByAward.get(award)?.index ?? -1];

  // SPEC 5: an alternative of an `any` whose need other children already meet is `not-needed`,
  // and so is everything under it; its own status is then not compared.
  const compare = (node: Node, scored: boolean, notNeeded = false) => {
    const r = reportedNodes.get(node.id);
    if (!r) return;
    if (!node.applicable) {
      if (r.status !== 'not-applicable') problem('not-applicable', `${node.id} does not apply but is ${r.status}`);
      if (r.applied.length > 0)
        problem(
          'not-applicable-applied',
          `${node.id} does not apply but takes ${r.applied.map((a) => a.award).join(',')}`,
        );
      if ('remaining' in r) problem('not-applicable-remaining', `${node.id} does not apply but has a remaining`);
      if (node.type !== 'leaf') node.children.forEach((child) => compare(child, scored));
      return;
    }
    if (r.status === 'not-applicable') problem('not-applicable', `${node.id} applies but is shown not-applicable`);
    if (scored && notNeeded !== (r.status === 'not-needed'))
      problem(
        'not-needed',
        `${node.id} is ${r.status}; by the oracle it is ${notNeeded ? '' : 'not '}an unneeded alternative`,
      );
    if ('remaining' in r && r.status === 'not-needed') problem('not-needed-remaining', `${node.id} has a remaining`);
    if (scored && !notNeeded && MET.has(r.status) !== evaluation.met.get(node.id))
      problem(
        'node-status',
        `${node.id} is ${r.status}; by the oracle its allocation ${evaluation.met.get(node.id) ? 'meets' : 'does not meet'} it`,
      );
    if (node.type !== 'leaf') {
      if (scored && !node.waived) {
        const metChildren = node.children.filter((child) => evaluation.met.get(child.id)).length;
        if (r.need?.count !== undefined && r.need.count !== node.need)
          problem('group-need', `${node.id} needs ${r.need.count} children; of those that apply, ${node.need}`);
        if (r.have?.count !== undefined && r.have.count !== metChildren)
          problem('group-have', `${node.id} has ${r.have.count} children met; by the oracle ${metChildren}`);
      }
      const alternativesDone = node.type === 'any' && evaluation.met.get(node.id) === true;
      node.children.forEach((child) =>
        compare(child, scored && !node.waived, notNeeded || (alternativesDone && !evaluation.met.get(child.id))),
      );
      return;
    }
    if (!scored) return;
    for (const entry of r.applied) {
      const expected = entry.components
        ? entry.components.reduce((s, award) => s + (countedOf(award) ?? 0), 0)
        : countedOf(entry.award);
      if (entry.credits === 0 && !entry.components)
        problem('zero-credit-applied', `${entry.award} is applied at ${node.id} with 0 credits`);
      else if (expected !== entry.credits)
        problem('item-credits', `${entry.award} at ${node.id} counts ${entry.credits}; by the oracle ${expected}`);
      if (node.share) {
        const item = model.itemByAward.get(entry.award);
        if (!item || !eligible(model, item, node, pass))
          problem('ineligible', `${entry.award} at shared ${node.id} (pass ${pass})`);
      }
    }
    if (node.share && node.distinct !== undefined) {
      const values = r.applied.map((entry) => model.itemByAward.get(entry.award)?.facts[node.distinct!]);
      if (new Set(values).size < values.length)
        problem('distinct-repeat', `shared ${node.id} takes two items of one ${node.distinct}`);
    }
    const sum = r.applied.reduce(
      (s, entry) =>
        s +
        (entry.components
          ? entry.components.reduce((t, a) => t + (countedOf(a) ?? 0), 0)
          : (countedOf(entry.award) ?? 0)),
      0,
    );
    const have = node.cap === undefined ? sum : Math.min(sum, node.cap);
    if (node.credits !== undefined && r.have?.credits !== have)
      problem('node-credits', `${node.id} has ${r.have?.credits} credits; its items count ${have}`);
    if (node.cap !== undefined && (r.have?.credits ?? 0) > node.cap)
      problem('cap-exceeded', `${node.id} has ${r.have?.credits} credits over its cap ${node.cap}`);
    if (
      node.count !== undefined &&
      node.shape === 'where' &&
      !node.share &&
      r.have?.count !== evaluation.counts.get(node.id)
    )
      problem('node-count', `${node.id} has ${r.have?.count} items; by the oracle ${evaluation.counts.get(node.id)}`);
  };
  compare(model.root, true);

  for (const limit of model.limits) {
    const policy = reported.policies.find((p) => p.id === limit.id);
    const spent = evaluation.limitSpent.get(limit.id)!;
    const have = policy?.have ?? 0;
    const count = policy?.count ?? 0;
    if (limit.maxCredits !== undefined && have > limit.maxCredits)
      problem('limit-exceeded', `${limit.id} has ${have} credits over ${limit.maxCredits}`);
    else if (limit.maxCount !== undefined && count > limit.maxCount)
      problem('limit-exceeded', `${limit.id} counts ${count} items over ${limit.maxCount}`);
    else if (have !== spent.applied + spent.fallThrough)
      problem('limit-have', `${limit.id} has ${have}; by the oracle ${spent.applied + spent.fallThrough}`);
    else if (limit.maxCount !== undefined && count !== spent.count)
      problem('limit-count', `${limit.id} counts ${count} items; by the oracle ${spent.count}`);
  }
  const applied = evaluation.applied + (model.totalCredits === undefined ? 0 : evaluation.total - evaluation.applied);
  // While requirements are open, fall-through counts in the headline only as far as they leave room (SPEC section 8).
  const open = reported.requirements.status === 'incomplete';
  if (
    open
      ? reported.credits.applied < evaluation.applied || reported.credits.applied > applied
      : reported.credits.applied !== applied
  )
    problem('credits-applied', `credits.applied ${reported.credits.applied}; by the oracle ${applied}`);
  if (model.totalCredits !== undefined)
    for (const entry of reported.fallThrough) {
      const item = model.itemByAward.get(entry.award);
      if (!item || !evaluation.fallThrough.includes(item.index) || entry.credits !== counted[item.index])
        problem(
          'fall-through',
          `${entry.award} falls through with ${entry.credits} credits; by the oracle ${item ? counted[item.index] : '?'}`,
        );
    }
  if (model.gpa) {
    const policy = reported.policies.find((p) => p.id === 'min-gpa');
    const have = policy?.have ?? null;
    if (!policy) problem('gpa-missing', 'no min-gpa policy in the result');
    // The audit shows the GPA to two decimals (0.375 as 0.38).
    else if (
      (have === null) !== (evaluation.gpa === null) ||
      Math.abs((have ?? 0) - (evaluation.gpa ?? 0)) > 0.005 + 1e-9
    )
      problem('gpa-have', `the GPA is ${have}; by the oracle ${evaluation.gpa} (over ${model.gpa.over})`);
    else if (MET.has(policy.status ?? '') !== evaluation.gpaMet)
      problem('gpa-status', `the GPA check is ${policy.status}; by the oracle ${evaluation.gpaMet ? '' : 'not '}met`);
  }
  if (reported.title !== model.title)
    problem('version-title', `the title is ${reported.title}; the version's ${model.title}`);
  const range = (e: EffectiveJson | null | undefined) => (e ? `${e.from ?? ''}..${e.to ?? ''}` : 'none');
  if (range(reported.version) !== range(model.version))
    problem(
      'version',
      `the version is ${JSON.stringify(reported.version)}; by the oracle ${JSON.stringify(model.version)}`,
    );
  if (MET.has(reported.status) !== evaluation.complete)
    problem(
      'status-vs-allocation',
      `the audit is ${reported.status}; by the oracle its allocation is ${evaluation.complete ? '' : 'not '}complete`,
    );
  return problems;
}
