import * as z from 'zod/mini';
import { audit } from '../audit/audit.js';
import type { ProgramAudit } from '../audit/audit-result.js';
import { auditInput, dateOptions, unknownProgram } from '../audit/audit-input.js';
import type { Catalog } from '../model/catalog.js';
import { describeValue, fail, ok, type Result } from '../model/issue.js';
import { toNumber } from '../model/rational.js';
import {
  appendedAwardIssues,
  Award,
  type AwardInput,
  type Transcript,
  type TranscriptInput,
} from '../model/transcript.js';
import { loadHighs } from './highs-solver.js';
import { buildPlanModel, type Candidate, type PlanModel } from './plan-model.js';
import { type NoPlan, PlanSearch, planObjectives } from './plan-search.js';
import {
  greedySchedule,
  type Schedule,
  scheduleRows,
  termCalendar,
  type TermsOption,
  termsUsed,
} from './plan-terms.js';
import { orderByPrerequisites, type PlanStep } from './plan-steps.js';
import { whatIf } from './what-if.js';

export { orderByPrerequisites, type PlanStep, type TermsOption };

/** A way to complete a program: what to earn, in what order, at what cost. */
export interface PathwayPlan {
  readonly target: string;
  /** Credentials to earn, in id order. */
  readonly credentials: readonly string[];
  /** Prerequisites as an order: each step needs only what is held or earned in earlier steps (with terms: one step a term used). */
  readonly steps: readonly PlanStep[];
  /** Credits the plan adds (in the target's unit), the number of credentials, and of terms when scheduled. */
  readonly cost: { readonly credits: number; readonly items: number; readonly terms?: number };
  /** True when the solver proved no cheaper plan exists (for an alternative: none the earlier plans leave); false past the time limit. */
  readonly proven: boolean;
  /** The target's what-if audit with the plan's credentials as planned awards. */
  readonly audit: ProgramAudit;
}

/** What `plan` answers. */
export interface PlanResult {
  readonly best?: PathwayPlan;
  /** The next cheapest plans, each leaving out at least one credential of every plan before it. */
  readonly alternatives: readonly PathwayPlan[];
  /** Why no plan was found, when none was. */
  readonly reason?: string;
  /** Plans the model proposed that the what-if audit rejected (the model is looser than the audit there). */
  readonly rejected: readonly (readonly string[])[];
}

export interface PlanOptions {
  readonly target: string;
  readonly asOf?: string;
  readonly defaultAsOf?: string;
  readonly catalogDate?: string;
  /** What-if audits the plan may run to judge the model's plans (default 100). */
  readonly budget?: number;
  /** How many alternatives to give (default 3). */
  readonly alternatives?: number;
  /** Seconds the solver may take in all (default 10); past them the best plan found is `proven: false`. */
  readonly timeLimit?: number;
  /** Awards to count as planned besides the transcript's own (a what-if file); their issues are at `planned[i]`. */
  readonly planned?: readonly AwardInput[];
  /**
   * Schedule term by term from `start` (`2026-fall`, a term of `settings.terms`), at most
   * `maxCredits` a term (default `settings.maxCreditsPerTerm`): fewest terms, then fewest credits.
   */
  readonly terms?: TermsOption;
}

const PlanOptionsSchema = z.strictObject({
  target: z.string().check(z.minLength(1)),
  ...dateOptions,
  budget: z.optional(z.number().check(z.int(), z.gt(0))),
  alternatives: z.optional(z.number().check(z.int(), z.gte(0))),
  timeLimit: z.optional(z.number().check(z.gt(0))),
  planned: z.optional(z.array(Award)),
  terms: z.optional(z.strictObject({ start: z.string(), maxCredits: z.optional(z.number().check(z.gt(0))) })),
});

/** Credits of candidates in the target's unit, to 2 decimals. */
const creditsOf = (chosen: readonly Candidate[]) =>
  Math.round(chosen.reduce((total, c) => total + toNumber(c.credits), 0) * 100) / 100;

const NO_PLAN: Readonly<Record<NoPlan, string>> = {
  none: 'no combination of catalog credentials completes the program',
  'time-limit': 'the time limit ran out before the solver found a plan',
  budget: 'the what-if audit rejected every plan the model proposed within the budget',
};

/**
 * The cheapest set of catalog credentials to earn that completes `target` (SPEC section 10):
 * fewest credits, then fewest credentials, then earliest in id order (the smallest sum of
 * positions). Exact: a mixed-integer program over the audit's own items (see
 * `buildPlanModel` in plan-model.ts) solved by HiGHS, which is loaded on the first plan; every plan is
 * judged by a real what-if audit, and a plan it rejects is cut off and the model solved again.
 * Past the time limit the best plan found says `proven: false`. Reads the transcript as `audit`
 * does and reports the same issues.
 *
 * @example
 * ```ts
 * import { loadCatalog, plan } from 'credstack';
 * import { exampleCatalog } from 'credstack/catalog';
 *
 * const catalog = loadCatalog(exampleCatalog);
 * if (!catalog.ok) throw new Error('the example catalog does not load');
 * const transcript = {
 *   learner: { id: 's-2001', name: 'Sam Rivera' },
 *   awards: [
 *     { id: 'a1', credential: 'mc-sql', earned: '2025-06-20' },
 *     { id: 'a2', credential: 'mc-python', earned: '2025-11-14' },
 *   ],
 * };
 * const planned = await plan(catalog.value, transcript, { target: 'cert-data-analytics', asOf: '2026-03-01' });
 * if (planned.ok) console.log(planned.value.best?.credentials); // ['mc-dashboards', 'mc-spreadsheets']
 * ```
 */
export async function plan(
  catalog: Catalog,
  transcriptInput: TranscriptInput | Transcript,
  options: PlanOptions,
): Promise<Result<PlanResult>> {
  const input = auditInput(catalog, transcriptInput, options, PlanOptionsSchema);
  if (!input.ok) return input;
  const { asOf, prepared, catalogDate } = input.value;
  if (!prepared.programs.has(options.target)) return fail([unknownProgram(options.target, ['target'])]);
  const calendar = options.terms ? termCalendar(catalog, options.terms) : undefined;
  if (calendar && !calendar.ok) return calendar;
  const withPlanned = plannedToo(input.value.transcript, input.value.options.planned ?? []);
  if (!withPlanned.ok) return withPlanned;
  const transcript = withPlanned.value;
  const auditOptions = {
    programs: [options.target],
    asOf,
    ...(options.catalogDate ? { catalogDate: options.catalogDate } : {}),
  };
  // The transcript as it is: what an audit finds wrong with it (unknown credentials, stale exceptions) is the plan's answer too.
  const first = audit(catalog, transcript, { ...auditOptions, includePlanned: true });
  if (!first.ok) return fail(appendedAwardIssues(first.issues, input.value.transcript.awards.length, 'planned'));
  const start = first.value.audits[0]!;
  let schedule: { readonly rows?: Schedule; readonly codes: (count: number) => string[] } | undefined;
  const offered = (id: string) => catalog.credentials.find((c) => c.id === id)?.offered;
  const seasons = catalog.settings.terms?.length ?? 1;
  const toPlan = (
    chosen: readonly Candidate[],
    proven: boolean,
    judged: ProgramAudit,
    unmet: PlanModel['prerequisites'],
    values: readonly number[] = [],
  ): PathwayPlan => {
    const ids = chosen.map((c) => c.id);
    let steps: PlanStep[] = orderByPrerequisites(ids, (id) => unmet.get(id) ?? []);
    let terms: number | undefined;
    if (schedule && calendar?.ok) {
      // The earliest placement when it needs no more terms than the solver's (it is canonical).
      const solved = new Map(chosen.map((c) => [c.id, schedule!.rows?.termOf(values, c) ?? -1] as const));
      const greedy = greedySchedule(chosen, unmet, offered, calendar.value, seasons);
      const placed = greedy && (!schedule.rows || termsUsed(greedy) <= termsUsed(solved)) ? greedy : solved;
      terms = termsUsed(placed);
      const codes = schedule.codes(terms);
      steps = [...new Set(placed.values())]
        .sort((a, b) => a - b)
        .map((t) => {
          const inTerm = chosen.filter((c) => placed.get(c.id) === t);
          return { step: t + 1, term: codes[t]!, credits: creditsOf(inTerm), credentials: inTerm.map((c) => c.id) };
        });
    }
    return {
      target: options.target,
      credentials: ids,
      steps,
      cost: {
        credits: creditsOf(chosen),
        items: chosen.length,
        ...(terms !== undefined ? { terms } : {}),
      },
      proven,
      audit: judged,
    };
  };
  if (start.status !== 'incomplete')
    return ok({ best: toPlan([], true, start, new Map()), alternatives: [], rejected: [] });

  const built = buildPlanModel(prepared, transcript, options.target, catalogDate);
  if (!built.ok) return built;
  const check = (chosen: readonly Candidate[]): Result<ProgramAudit> => {
    const judged = whatIf(
      catalog,
      transcript,
      chosen.map((c) => c.award),
      auditOptions,
    );
    return judged.ok ? ok(judged.value.audits[0]!) : judged;
  };
  const highs = await loadHighs();
  const search = new PlanSearch(highs, built.value, check, {
    deadline: performance.now() + (options.timeLimit ?? 10) * 1000,
    budget: options.budget ?? 100,
  });
  const found: PathwayPlan[] = [];
  if (calendar) {
    // The cheapest plan untimed, placed greedily, bounds the terms a schedule needs; when it needs
    // no more terms than its credits force (over a term's), it is the best schedule too.
    const untimed = search.next();
    if (!untimed.ok) return untimed;
    const none = (why: string) => ok({ alternatives: [], reason: why, rejected: search.rejected });
    if (typeof untimed.value === 'string') return none(NO_PLAN[untimed.value]);
    const { chosen } = untimed.value;
    const greedy = greedySchedule(chosen, built.value.prerequisites, offered, calendar.value, seasons);
    if (!greedy)
      return none(
        'no term-by-term schedule: a credential has more credits than a term takes, or is offered in no term',
      );
    const credits = chosen.reduce((total, c) => total + toNumber(c.credits), 0);
    const horizon = termsUsed(greedy);
    schedule = { codes: calendar.value.codes };
    if (horizon <= Math.max(1, Math.ceil(credits / calendar.value.maxCredits - 1e-9))) {
      found.push(toPlan(chosen, untimed.value.proven, untimed.value.audit, built.value.prerequisites));
      search.exclude(chosen);
    }
    const rows = scheduleRows(
      built.value.model,
      built.value.candidates,
      built.value.prerequisites,
      offered,
      calendar.value,
      horizon,
    );
    schedule = { rows, codes: calendar.value.codes };
    search.objectives = [rows.fewestTerms, ...planObjectives(built.value.candidates)];
  }
  let reason: string | undefined;
  while (found.length <= (options.alternatives ?? 3)) {
    const next = search.next();
    if (!next.ok) return next;
    if (typeof next.value === 'string') {
      if (found.length === 0) reason = NO_PLAN[next.value];
      break;
    }
    found.push(
      toPlan(next.value.chosen, next.value.proven, next.value.audit, built.value.prerequisites, next.value.values),
    );
    if (next.value.chosen.length === 0) break;
    search.exclude(next.value.chosen);
  }
  const [best, ...alternatives] = found;
  return ok({ ...(best ? { best } : {}), alternatives, ...(reason ? { reason } : {}), rejected: search.rejected });
}

/** The transcript with the option's awards added as planned; an id already on the transcript is an issue. */
function plannedToo(transcript: Transcript, planned: readonly Transcript['awards'][number][]): Result<Transcript> {
  if (planned.length === 0) return ok(transcript);
  const taken = new Set(transcript.awards.map((a) => a.id));
  const clash = planned.findIndex((a) => taken.has(a.id));
  if (clash >= 0)
    return fail([
      {
        code: 'duplicate-id',
        path: ['planned', clash, 'id'],
        expected: 'an award id not already on the transcript',
        received: describeValue(planned[clash]!.id),
      },
    ]);
  return ok({
    ...transcript,
    awards: [...transcript.awards, ...planned.map((a) => ({ ...a, status: 'planned' as const }))],
  });
}
