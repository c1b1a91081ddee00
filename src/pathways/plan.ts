import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { ProgramAudit } from '../audit/audit-result.js';
import { auditInput, dateOptions } from '../audit/audit-input.js';
import type { Catalog } from '../model/catalog.js';
import { describeValue, fail, ok, type Result } from '../model/issue.js';
import { toNumber } from '../model/rational.js';
import { Award, type AwardInput, type Transcript, type TranscriptInput } from '../model/transcript.js';
import { loadHighs } from './highs-solver.js';
import { buildPlanModel, type Candidate, type PlanModel } from './plan-model.js';
import { type NoPlan, PlanSearch } from './plan-search.js';
import { orderByPrerequisites, type PlanStep } from './plan-steps.js';
import { whatIf } from './what-if.js';

export { orderByPrerequisites, type PlanStep };

/** A way to complete a program: what to earn, in what order, at what cost. */
export interface PathwayPlan {
  readonly target: string;
  /** Credentials to earn, in id order. */
  readonly credentials: readonly string[];
  /** Prerequisites as an order: each step needs only what is held or earned in earlier steps. */
  readonly steps: readonly PlanStep[];
  /** Credits the plan adds (in the target's unit), and the number of credentials. */
  readonly cost: { readonly credits: number; readonly items: number };
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
  /** Awards to count as planned besides the transcript's own (a what-if file). */
  readonly planned?: readonly AwardInput[];
}

const PlanOptionsSchema = z
  .object({
    target: z.string().min(1),
    ...dateOptions,
    budget: z.number().int().positive().optional(),
    alternatives: z.number().int().nonnegative().optional(),
    timeLimit: z.number().positive().optional(),
    planned: z.array(Award).optional(),
  })
  .strict();

const NO_PLAN: Readonly<Record<NoPlan, string>> = {
  none: 'no combination of catalog credentials completes the program',
  'time-limit': 'the time limit ran out before the solver found a plan',
  budget: 'the what-if audit rejected every plan the model proposed within the budget',
};

/**
 * The cheapest set of catalog credentials to earn that completes `target` (SPEC section 10):
 * fewest credits, then fewest credentials, then earliest in id order (the smallest sum of
 * positions). Exact: a mixed-integer program over the audit's own items (see
 * {@link buildPlanModel}) solved by HiGHS, which is loaded on the first plan; every plan is
 * judged by a real what-if audit, and a plan it rejects is cut off and the model solved again.
 * Past the time limit the best plan found says `proven: false`. Reads the transcript as `audit`
 * does and reports the same issues.
 */
export async function plan(
  catalog: Catalog,
  transcriptInput: TranscriptInput | Transcript,
  options: PlanOptions,
): Promise<Result<PlanResult>> {
  const input = auditInput(catalog, transcriptInput, options, PlanOptionsSchema);
  if (!input.ok) return input;
  const { asOf, prepared, catalogDate } = input.value;
  if (!prepared.programs.has(options.target))
    return fail([
      {
        code: 'unknown-reference',
        path: ['target'],
        expected: 'the id of a catalog program',
        received: describeValue(options.target),
      },
    ]);
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
  if (!first.ok) return first;
  const start = first.value.audits[0]!;
  const toPlan = (
    chosen: readonly Candidate[],
    proven: boolean,
    judged: ProgramAudit,
    unmet: PlanModel['prerequisites'],
  ): PathwayPlan => {
    const ids = chosen.map((c) => c.id);
    return {
      target: options.target,
      credentials: ids,
      steps: orderByPrerequisites(ids, (id) => unmet.get(id) ?? []),
      cost: {
        credits: Math.round(chosen.reduce((total, c) => total + toNumber(c.credits), 0) * 100) / 100,
        items: chosen.length,
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
  let reason: string | undefined;
  while (found.length <= (options.alternatives ?? 3)) {
    const next = search.next();
    if (!next.ok) return next;
    if (typeof next.value === 'string') {
      if (found.length === 0) reason = NO_PLAN[next.value];
      break;
    }
    found.push(toPlan(next.value.chosen, next.value.proven, next.value.audit, built.value.prerequisites));
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
