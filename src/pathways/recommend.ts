import { audit } from '../audit/audit.js';
import type { AuditReport, ProgramAudit, RequirementResult } from '../audit/audit-result.js';
import { nestedFirstOrder, programDependencyGraph } from '../catalog/program-order.js';
import { eachRequirement, requirementIds } from '../catalog/requirement-tree.js';
import type { Catalog } from '../model/catalog.js';
import { ok, type Result } from '../model/issue.js';
import type { TranscriptInput } from '../model/transcript.js';
import { leafOf } from '../requirements/registry.js';
import type { TermsOption } from './plan.js';
import { planIncomplete, type ProgramPlans, type StillNeededOptions } from './still-needed.js';
import { whatIf } from './what-if.js';

/** What the exact plan (SPEC section 10) says is left to earn for one program. */
export interface RemainingEffort {
  /** Credits the plan adds, in the program's unit. */
  readonly credits: number;
  /** The catalog credentials to earn, in id order, with their titles. */
  readonly credentials: readonly { readonly credential: string; readonly title: string }[];
  /** Terms the plan's schedule takes, when terms were asked for and a schedule exists (one without ranks after those with one). */
  readonly terms?: number;
  /** False when the solver could not prove the plan cheapest: the effort is then at most this. */
  readonly proven: boolean;
}

/** How far a learner is from one program, and what is left. */
export interface Recommendation {
  readonly program: string;
  readonly title: string;
  readonly status: ProgramAudit['status'];
  /** Open requirements on the cheapest way through the program's tree, a nested program's counted by its own. */
  readonly requirementsLeft: number;
  /** Credits short of the program's total, when it has one. */
  readonly creditsLeft: number;
  /** The open requirements (labels, else ids) on the cheapest way through the tree, a nested program's own in its place. */
  readonly open: readonly string[];
  /**
   * An incomplete program: what its exact plan still needs. Absent when no plan was found (no
   * combination of catalog credentials completes it, or the solver ran out of time or budget).
   */
  readonly effort?: RemainingEffort;
}

/** How the report was made (see {@link StillNeededOptions}), and whether to schedule the plans by terms. */
export interface RecommendOptions extends StillNeededOptions {
  /** Schedule each plan term by term (see `plan`): ties of credits and credentials go to fewer terms. */
  readonly terms?: TermsOption;
  /** The report's plans when already made (by `planIncomplete`, without terms): not made again. */
  readonly plans?: ProgramPlans;
  /** With `terms`: the report's schedules when already made (by `planIncomplete` with those terms). */
  readonly schedules?: ProgramPlans;
}

/**
 * Ranks every audited program by what remains for this learner, by the exact plan (SPEC section
 * 10) of each incomplete one: earned first, then in progress, then incomplete programs by the
 * plan's credits, then its number of credentials, then (with `terms`) its terms. A nested
 * program counts by what it needs, since the plan of a program includes what its nested programs
 * still need. Decisions where the plan says little:
 * - an **unproven** plan (the solver's time ran out, or the model is looser than the audit, as
 *   for listed double counting) is still a plan the what-if audit accepted, so its cost is an
 *   honest upper bound of the effort: it ranks by that cost (`effort.proven: false`);
 * - a program with **no plan** (no combination of catalog credentials completes it, or none was
 *   found in time) ranks after every program with one, as nothing known finishes it;
 * - ties (and programs with no plan, among themselves) go by open requirements, credits short of
 *   the total, then nested programs before the programs that stack them (so Silver before the
 *   Gold that needs it), then id.
 * Plans each incomplete program (asynchronous: see `plan`) unless given its plans. Deterministic,
 * and each entry says what is open (worded by `recommendationText` in report/).
 *
 * @example
 * ```ts
 * import { audit, type Catalog, recommend, recommendationText, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * const report = audit(catalog, transcript, { all: true });
 * const ranked = report.ok ? await recommend(catalog, transcript, report.value) : report;
 * if (ranked.ok) for (const recommendation of ranked.value) console.log(recommendationText(recommendation));
 * ```
 */
export async function recommend(
  catalog: Catalog,
  transcript: TranscriptInput,
  report: AuditReport,
  options: RecommendOptions = {},
): Promise<Result<Recommendation[]>> {
  const { terms, plans: made, schedules: scheduled, ...untimed } = options;
  const plans = made ? ok(made) : await planIncomplete(catalog, transcript, report, untimed);
  if (!plans.ok) return plans;
  const schedules = !terms
    ? undefined
    : scheduled
      ? ok(scheduled)
      : await planIncomplete(catalog, transcript, report, { ...untimed, terms });
  if (schedules && !schedules.ok) return schedules;
  const nested = nestedAudits(catalog, transcript, report, options);
  if (!nested.ok) return nested;
  return ok(rankPrograms(catalog, report, plans.value, { nested: nested.value, schedules: schedules?.value }));
}

/** What {@link rankPrograms} reads besides the plans. */
interface RankInputs {
  /** Audits of nested programs the report does not hold (a nested program's open requirements count in its parents). */
  readonly nested?: readonly ProgramAudit[];
  /** Plans scheduled by terms, whose `cost.terms` break ties. */
  readonly schedules?: ProgramPlans | undefined;
}

/** Ranks a report's programs as {@link recommend} does, on its plans; an incomplete program without one has no plan. */
function rankPrograms(
  catalog: Catalog,
  report: AuditReport,
  plans: ProgramPlans,
  inputs: RankInputs = {},
): Recommendation[] {
  const audits = new Map([...(inputs.nested ?? []), ...report.audits].map((a) => [a.program, a] as const));
  const titles = new Map([...catalog.programs, ...catalog.credentials].map((c) => [c.id, c.title] as const));
  const order = new Map(nestedFirstOrder(programDependencyGraph(catalog)).map((id, i) => [id, i] as const));
  const open = openOf(catalog, audits);
  const ranked = report.audits.map((audit) => {
    const best = audit.status === 'incomplete' ? plans.get(audit.program)?.best : undefined;
    const terms = inputs.schedules?.get(audit.program)?.best?.cost.terms;
    const left = audit.status === 'incomplete' ? open(audit) : { count: 0, shown: [] };
    const total = audit.policies.find((p) => p.id === 'total-credits');
    const recommendation: Recommendation = {
      program: audit.program,
      title: audit.title,
      status: audit.status,
      requirementsLeft: left.count,
      creditsLeft: total ? Math.max(0, Math.round(((total.need ?? 0) - (total.have ?? 0)) * 100) / 100) : 0,
      open: left.shown.map((node) => node.label ?? node.id),
      ...(best
        ? {
            effort: {
              credits: best.cost.credits,
              credentials: best.credentials.map((id) => ({ credential: id, title: titles.get(id) ?? id })),
              ...(terms !== undefined ? { terms } : {}),
              proven: best.proven,
            },
          }
        : {}),
    };
    return recommendation;
  });
  // Terms asked for: a plan with no term-by-term schedule comes after those with one.
  const termsOf = (r: Recommendation) => r.effort?.terms ?? (inputs.schedules ? Number.POSITIVE_INFINITY : 0);
  const rank = (r: Recommendation) => (r.status === 'complete' ? 0 : r.status === 'in-progress' ? 1 : r.effort ? 2 : 3);
  return ranked.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.effort?.credits ?? 0) - (b.effort?.credits ?? 0) ||
      (a.effort?.credentials.length ?? 0) - (b.effort?.credentials.length ?? 0) ||
      (termsOf(a) === termsOf(b) ? 0 : termsOf(a) - termsOf(b)) ||
      a.requirementsLeft - b.requirementsLeft ||
      a.creditsLeft - b.creditsLeft ||
      (order.get(a.program) ?? 0) - (order.get(b.program) ?? 0) ||
      (a.program < b.program ? -1 : a.program > b.program ? 1 : 0),
  );
}

/** What is open in a program on the cheapest way through its tree: how many leaves, and the nodes to name. */
interface Open {
  readonly count: number;
  readonly shown: readonly RequirementResult[];
}

/**
 * The open leaves of a program on the cheapest way through its tree (for an `any`, its cheapest
 * open options), as `openRequirements` counts them, but a requirement asking for a nested
 * program the report audits stands for that program's own open leaves (its requirements, not
 * one). An `any` choosing between single requirements is named as the choice itself ("one of ...").
 */
function openOf(catalog: Catalog, audits: ReadonlyMap<string, ProgramAudit>): (audit: ProgramAudit) => Open {
  const nestedIn = new Map<string, ReadonlyMap<string, string>>();
  const none: Open = { count: 0, shown: [] };
  const leaves = (audit: ProgramAudit, seen: ReadonlySet<string>): Open => {
    if (!nestedIn.has(audit.program)) nestedIn.set(audit.program, nestedLeaves(catalog, audit));
    const nested = nestedIn.get(audit.program)!;
    const walk = (node: RequirementResult): Open => {
      if (node.status !== 'incomplete') return none;
      const inner = nested.get(node.id);
      const innerAudit = inner === undefined || seen.has(inner) ? undefined : audits.get(inner);
      if (innerAudit?.status === 'incomplete') return leaves(innerAudit, new Set([...seen, inner!]));
      if (!node.children || node.remaining?.assert) return { count: 1, shown: [node] };
      const open = node.children.filter((c) => c.status === 'incomplete').map(walk);
      const missing = node.kind === 'all' ? open.length : (node.need?.count ?? 1) - (node.have?.count ?? 0);
      const taken = node.kind === 'all' ? open : open.sort((a, b) => a.count - b.count).slice(0, Math.max(0, missing));
      const count = taken.reduce((total, o) => total + o.count, 0);
      const single = (o: Open) => o.count === 1 && o.shown.length === 1 && !o.shown[0]!.children;
      // A choice between single requirements reads best as the choice itself ("one of ...").
      if (node.kind !== 'all' && taken.every(single)) return { count, shown: [node] };
      return { count, shown: taken.flatMap((o) => o.shown) };
    };
    return walk(audit.requirements);
  };
  return (audit) => leaves(audit, new Set([audit.program]));
}

/** The requirement ids of an audited program version that ask for a nested program, with the program each names. */
function nestedLeaves(catalog: Catalog, audit: ProgramAudit): ReadonlyMap<string, string> {
  const versions = catalog.programs.filter((p) => p.id === audit.program);
  const version =
    versions.find((p) => p.effective?.from === audit.version?.from && p.effective?.to === audit.version?.to) ??
    versions[0];
  const nested = new Map<string, string>();
  if (!version) return nested;
  const ids = requirementIds(version.requirements);
  eachRequirement(version.requirements, [], (node) => {
    const leaf = leafOf(node);
    if (leaf?.nested && leaf.counts !== undefined) nested.set(ids.get(node)!, leaf.counts);
  });
  return nested;
}

/** Audits of the programs nested in the report's incomplete programs that the report does not hold, as the report was made. */
function nestedAudits(
  catalog: Catalog,
  transcript: TranscriptInput,
  report: AuditReport,
  options: RecommendOptions,
): Result<readonly ProgramAudit[]> {
  const graph = programDependencyGraph(catalog);
  const held = new Set(report.audits.map((a) => a.program));
  const missing = new Set<string>();
  const pending = report.audits.filter((a) => a.status === 'incomplete').map((a) => a.program);
  while (pending.length > 0) {
    for (const id of graph.requires.get(pending.pop()!) ?? []) {
      if (held.has(id) || missing.has(id)) continue;
      missing.add(id);
      pending.push(id);
    }
  }
  if (missing.size === 0) return ok([]);
  const auditOptions = {
    programs: [...missing].sort(),
    asOf: report.asOf,
    ...(options.catalogDate ? { catalogDate: options.catalogDate } : {}),
  };
  const nested = options.whatIf
    ? whatIf(catalog, transcript, options.whatIf, auditOptions)
    : audit(catalog, transcript, auditOptions);
  return nested.ok ? ok(nested.value.audits) : nested;
}
