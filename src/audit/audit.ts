import type { Catalog } from '../model/catalog.js';
import { fail, ok, type Issue, type Result } from '../model/issue.js';
import { ZERO } from '../model/rational.js';
import type { Transcript, TranscriptInput } from '../model/transcript.js';
import type { AuditReport, AuditStatus, ProgramAudit } from './audit-result.js';
import { buildProgramAudit } from './build-result.js';
import { creditItems, type CreditItem, type KeptOut } from './credit-items.js';
import { applicableNodes, planAllocation, type ProgramExceptions } from './plan-allocation.js';
import type { PreparedCatalog, PreparedProgram } from './prepare-catalog.js';
import { AuditOptionsSchema, auditInput, unknownProgram } from './audit-input.js';
import { mayComplete } from './may-complete.js';
import { learnerFacts, resolveAwards } from './resolve-awards.js';
import { inForce } from '../catalog/program-versions.js';
import type { Program } from '../model/program.js';
import { resolveExceptions } from './resolve-exceptions.js';
import { DEFAULT_STEP_BUDGET, solveAllocation } from './solve-allocation.js';
import { allocateJointly, overlapsAmong, type Counted, type JointRun, type Restrictions } from './joint-allocation.js';

/** What to audit. */
export interface AuditOptions {
  /** Programs to audit (default: those the learner declares); nested programs they require are audited too, first. */
  readonly programs?: readonly string[];
  /** Audit every program of the catalog. */
  readonly all?: boolean;
  /** The audit date, over the transcript's `asOf`. */
  readonly asOf?: string;
  /** The audit date when neither `asOf` nor the transcript gives one (the core never reads a clock: the CLI passes today). */
  readonly defaultAsOf?: string;
  /** Count planned awards as completed (what-if). */
  readonly includePlanned?: boolean;
  /** The solver's step budget per program pass (see `DEFAULT_STEP_BUDGET`: steps count all its work). */
  readonly budget?: number;
  /**
   * Follow the program versions in force on this date (a what-if of another catalog year) instead
   * of the learner's catalog year or entry date.
   */
  readonly catalogDate?: string;
}

const NO_EXCEPTIONS: ProgramExceptions = { waivers: new Map(), pins: new Map() };

/**
 * Audits a transcript against catalog programs (SPEC sections 2 and 5): pure, no I/O. The
 * transcript is parsed and checked against the catalog; problems come back as issues, never
 * as a partial audit.
 *
 * @example
 * ```ts
 * import { audit, issueText, loadCatalog } from 'credstack';
 * import { exampleCatalog } from 'credstack/catalog';
 *
 * const catalog = loadCatalog(exampleCatalog);
 * if (!catalog.ok) throw new Error(catalog.issues.map(issueText).join('\n'));
 * const transcript = {
 *   learner: { id: 's-2001', name: 'Sam Rivera' },
 *   awards: [
 *     { id: 'a1', credential: 'mc-sql', earned: '2025-06-20' },
 *     { id: 'a2', credential: 'mc-python', earned: '2025-11-14' },
 *   ],
 * };
 * const report = audit(catalog.value, transcript, { programs: ['cert-data-analytics'], asOf: '2026-03-01' });
 * if (report.ok) console.log(report.value.audits[0]?.status); // 'incomplete'
 * else console.error(report.issues.map(issueText).join('\n'));
 * ```
 */
export function audit(
  catalog: Catalog,
  transcript: TranscriptInput | Transcript,
  options: AuditOptions = {},
): Result<AuditReport> {
  const input = auditInput(catalog, transcript, options, AuditOptionsSchema);
  if (!input.ok) return input;
  const { transcript: learner, asOf, catalogDate, prepared } = input.value;
  const byOption = (options.programs?.length ?? 0) > 0;
  // Declared ids that are not programs are emphases or concentrations (what `when` reads); named
  // programs must all be programs, and so must the declared ones when none of them is.
  const declared = learner.learner.declared ?? [];
  const declaredPrograms = declared.filter((id) => prepared.programs.has(id));
  const named = byOption ? options.programs! : declaredPrograms.length > 0 ? declaredPrograms : declared;
  const requested = options.all ? [...prepared.programs.keys()] : [...new Set(named)];
  const issues: Issue[] = [];
  if (!options.all)
    (byOption ? named : declaredPrograms.length > 0 ? [] : declared).forEach((id, index) => {
      if (!prepared.programs.has(id))
        issues.push(unknownProgram(id, byOption ? ['programs', index] : ['learner', 'declared', index]));
    });
  if (requested.length === 0)
    issues.push({
      code: 'invalid-shape',
      path: ['programs'],
      expected: 'at least one program to audit (or all), or programs the learner declares',
    });
  const awards = resolveAwards(prepared, learner);
  if (!awards.ok) issues.push(...awards.issues);
  const exceptions = resolveExceptions(prepared, learner);
  issues.push(...exceptions.issues);
  if (issues.length > 0 || !awards.ok) return fail(issues);

  // What each program counts matters only to overlap rules between programs audited together.
  const overlaps = overlapsAmong(requested.map((id) => prepared.programs.get(id)!.program));
  // A joint search reruns every program under each set of restrictions, but a program's audit
  // depends only on the awards kept out of it and on the nested programs' items: audited once each.
  const audited = new Map<string, ReturnType<typeof auditProgram>>();
  // What no restriction changes: each program's own items, and the learner's facts.
  const ownItems = new Map<string, readonly CreditItem[]>();
  const itemsOf = (id: string, target: PreparedProgram) =>
    ownItems.get(id) ??
    ownItems
      .set(
        id,
        creditItems(prepared, target, awards.value, { includePlanned: options.includePlanned ?? false, catalogDate }),
      )
      .get(id)!;
  const facts = learnerFacts(learner);
  const run = (restrictions: Restrictions): JointRun => {
    const bundles: CreditItem[] = [];
    const audits = new Map<string, ProgramAudit>();
    const counted = new Map<string, Counted>();
    for (const id of prepared.programsNeeded(requested)) {
      const target = prepared.programs.get(id)!;
      const kept = restrictions.get(id);
      const own = itemsOf(id, target);
      // Most programs nest none and keep nothing out: their own items as they are.
      const items =
        !kept && bundles.length === 0
          ? own
          : [
              ...(kept
                ? own.map((item) => (kept.has(item.awardId) ? { ...item, keptOut: kept.get(item.awardId)! } : item))
                : own),
              ...(inForce(target.program, catalogDate)
                ? bundles
                : bundles.map((bundle) => outsideYears(bundle, target.program))),
            ];
      const wanted = requested.includes(id);
      const programExceptions = exceptions.byProgram.get(id) ?? NO_EXCEPTIONS;
      const applicable = applicableNodes(target.tree, facts);
      // A nested program no allocation can complete counts for nothing: no need to allocate it.
      // Exceptions and `when` meet or close nodes whatever the items: then it is allocated.
      if (
        !wanted &&
        programExceptions.waivers.size === 0 &&
        programExceptions.pins.size === 0 &&
        !applicable &&
        !mayComplete(target.tree, items)
      )
        continue;
      const key = overlaps.length > 0 ? inputsKey(id, kept, bundles) : undefined;
      const known = key !== undefined ? audited.get(key) : undefined;
      const result =
        known ??
        auditProgram(
          prepared,
          id,
          items,
          programExceptions,
          options.budget ?? DEFAULT_STEP_BUDGET,
          wanted,
          applicable,
          overlaps.length > 0,
        );
      if (key !== undefined && !known) audited.set(key, result);
      if (result.audit) {
        audits.set(id, result.audit);
        counted.set(id, result.counted);
      }
      if (result.bundle) bundles.push(result.bundle);
    }
    return { audits, counted };
  };
  const independent = run(new Map());
  const joint = overlaps.length > 0 ? allocateJointly(overlaps, independent, run) : { run: independent, optimal: true };
  const audits = requested.map((id) => joint.run.audits.get(id)!);
  return ok({
    learner: learner.learner,
    asOf,
    audits: joint.optimal ? audits : audits.map((a) => ({ ...a, optimal: false })),
  });
}

/** What a program's audit in a joint search depends on: the awards kept out of it, and the nested programs' items. */
function inputsKey(id: string, kept: ReadonlyMap<string, KeptOut> | undefined, bundles: readonly CreditItem[]): string {
  const out = kept ? [...kept].sort(([a], [b]) => (a < b ? -1 : 1)) : [];
  const nested = bundles.map((b) => [b.awardId, b.facts.status, b.components]);
  return JSON.stringify([id, out, nested]);
}

/**
 * One program: first with finished work only (complete?), then counting in-progress work too
 * (in progress?). A complete or in-progress program becomes a bundle item for its parents.
 * What each award counts for is worked out only when `countsNeeded` (overlap rules apply).
 */
function auditProgram(
  prepared: PreparedCatalog,
  id: string,
  items: readonly CreditItem[],
  exceptions: ProgramExceptions,
  budget: number,
  wanted: boolean,
  applicable: readonly boolean[] | undefined,
  countsNeeded: boolean,
) {
  const target = prepared.programs.get(id)!;
  // A nested program audited only for its parents matters only if complete (then by what it uses up).
  const goal = wanted || countsNeeded ? 'best' : 'completion';
  const pass = (includeInProgress: boolean) => {
    const plan = planAllocation(target, items, exceptions, { includeInProgress }, applicable);
    return { plan, solution: solveAllocation(plan.problem, budget, goal) };
  };
  // Counting in-progress work first: when even that does not complete the program, finished work
  // alone cannot either, and one pass decides (most audits of learners under way end here).
  const anyInProgress = items.some((item) => item.status === 'in-progress' && item.reasons.length === 0);
  const withInProgress = anyInProgress ? pass(true) : undefined;
  let chosen = withInProgress ?? pass(false);
  let status: AuditStatus = chosen.solution.evaluation.complete ? 'complete' : 'incomplete';
  let optimal = chosen.solution.optimal;
  if (withInProgress && status === 'complete') {
    const finished = pass(false);
    optimal &&= finished.solution.optimal;
    if (finished.solution.evaluation.complete) chosen = finished;
    else status = 'in-progress';
  } else if (withInProgress && pinsWorkInProgress(items, exceptions)) {
    // An exception pinning work in progress can keep finished work out of its requirement: then
    // counting the work in progress is not always better, and finished work alone may complete.
    const finished = pass(false);
    if (finished.solution.evaluation.complete) {
      chosen = finished;
      status = 'complete';
      optimal = finished.solution.optimal;
    }
  }
  const audit = wanted ? buildProgramAudit(prepared, { target, ...chosen, status, optimal, exceptions }) : undefined;
  const { plan, solution } = chosen;
  const counted = new Map<string, number>();
  // Second applications (listed double counting) come after the plan's items: their originals speak for them.
  if (countsNeeded)
    plan.items.forEach((item, index) => {
      const ticks = solution.evaluation.counted[index]!;
      // Overlap between programs is about awards applied to requirements; fall-through credit is not shared use.
      if (!item.components && solution.evaluation.consumed[index])
        counted.set(item.awardId, ticks / plan.ticksPerCredit);
    });
  if (status === 'incomplete') return { audit, counted };
  const components = new Set<string>();
  let earned = '';
  plan.items.forEach((item, index) => {
    if (!solution.evaluation.consumed[index] || item.components) return;
    components.add(item.awardId);
    if ((item.earned ?? '') > earned) earned = item.earned!;
  });
  const bundle = nestedProgramItem(
    target,
    status === 'complete' ? 'completed' : 'in-progress',
    [...components],
    earned,
  );
  return { audit, bundle, counted };
}

/**
 * A complete (or in-progress) nested program as an item for its parents: made of the awards its
 * audit used up, earned when the last of them was.
 */
export function nestedProgramItem(
  target: PreparedProgram,
  status: 'completed' | 'in-progress',
  components: readonly string[],
  earned: string,
): CreditItem {
  const { id } = target.program;
  return {
    awardId: `program:${id}`,
    credentialId: id,
    equivalents: new Set([id]),
    facts: {
      id,
      kind: target.program.kind,
      title: target.program.title,
      tags: target.program.tags ?? [],
      source: 'institution',
      status,
    },
    credits: ZERO,
    points: null,
    status,
    source: 'institution',
    ...(earned ? { earned } : {}),
    reasons: [],
    effects: [],
    components,
  };
}

/** A nested program's item in a parent outside its catalog years: like every award there, it counts nothing. */
export function outsideYears(bundle: CreditItem, program: Program): CreditItem {
  const { from, to } = program.effective ?? {};
  return {
    ...bundle,
    reasons: [...bundle.reasons, { code: 'outside-catalog-years', ...(from ? { from } : {}), ...(to ? { to } : {}) }],
  };
}

/** Whether a registrar exception places an award still in progress. */
function pinsWorkInProgress(items: readonly CreditItem[], exceptions: ProgramExceptions): boolean {
  return items.some((item) => item.status === 'in-progress' && exceptions.pins.has(item.awardId));
}
