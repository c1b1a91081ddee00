import type { AuditReport } from '../audit/audit-result.js';
import type { Catalog } from '../model/catalog.js';
import { ok, type Result } from '../model/issue.js';
import type { AwardInput, TranscriptInput } from '../model/transcript.js';
import { plan, type PlanResult, type TermsOption } from './plan.js';

/** How the report was made: its dates, and the what-if awards it counted (none for a plain audit). */
export interface StillNeededOptions {
  readonly asOf?: string;
  readonly defaultAsOf?: string;
  readonly catalogDate?: string;
  /** The what-if awards of a `whatIf` report; a plain audit's report counts no planned award. */
  readonly whatIf?: readonly AwardInput[];
  /** Seconds the solver may take for each program (see `plan`). */
  readonly timeLimit?: number;
}

/** The exact plan (SPEC section 10) of each incomplete program of a report, by program id. */
export type ProgramPlans = ReadonlyMap<string, PlanResult>;

/**
 * A report with `stillNeeded` on every incomplete audit (SPEC section 8): the credentials of the
 * program's exact plan (SPEC section 10), absent when no plan completes it. For a plain audit the
 * transcript's planned awards are not earned yet, so they are left out of the plan (they are
 * among what is still needed); for a what-if report they count, as in the report.
 *
 * @example
 * ```ts
 * import { audit, loadCatalog, withStillNeeded } from 'credstack';
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
 * const report = audit(catalog.value, transcript, { programs: ['cert-data-analytics'], asOf: '2026-03-01' });
 * if (report.ok) {
 *   const completed = await withStillNeeded(catalog.value, transcript, report.value, { asOf: '2026-03-01' });
 *   if (completed.ok) console.log(completed.value.audits[0]?.stillNeeded); // ['mc-dashboards', 'mc-spreadsheets']
 * }
 * ```
 */
export async function withStillNeeded(
  catalog: Catalog,
  transcript: TranscriptInput,
  report: AuditReport,
  options: StillNeededOptions = {},
): Promise<Result<AuditReport>> {
  const plans = await planIncomplete(catalog, transcript, report, options);
  return plans.ok ? ok(withPlans(report, plans.value)) : plans;
}

/** The report with `stillNeeded` from plans already made by {@link planIncomplete}. */
export function withPlans(report: AuditReport, plans: ProgramPlans): AuditReport {
  return {
    ...report,
    audits: report.audits.map((audit) => {
      const best = plans.get(audit.program)?.best;
      return audit.status === 'incomplete' && best ? { ...audit, stillNeeded: best.credentials } : audit;
    }),
  };
}

/**
 * The exact plan of every incomplete program of a report (the plans {@link withStillNeeded} and
 * `recommend` read), no alternatives; with `terms`, plans scheduled term by term. The
 * transcript's planned awards count as in the report (see {@link withStillNeeded}).
 *
 * @example
 * ```ts
 * import { audit, planIncomplete, recommend, type Catalog, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * const report = audit(catalog, transcript, { all: true });
 * if (report.ok) {
 *   // Plan once, then rank with the same plans.
 *   const plans = await planIncomplete(catalog, transcript, report.value);
 *   if (plans.ok) {
 *     const ranked = await recommend(catalog, transcript, report.value, { plans: plans.value });
 *     if (ranked.ok) console.log(ranked.value.map((r) => `${r.title}: ${r.effort?.credits ?? '?'} credits`));
 *   }
 * }
 * ```
 */
export async function planIncomplete(
  catalog: Catalog,
  transcript: TranscriptInput,
  report: AuditReport,
  options: StillNeededOptions & { readonly terms?: TermsOption } = {},
): Promise<Result<ProgramPlans>> {
  const { whatIf, ...rest } = options;
  const planned = new Set(whatIf ? [] : transcript.awards.filter((a) => a.status === 'planned').map((a) => a.id));
  const learner: TranscriptInput =
    planned.size === 0
      ? transcript
      : {
          ...transcript,
          awards: transcript.awards.filter((a) => !planned.has(a.id)),
          exceptions: (transcript.exceptions ?? []).filter((e) => !('award' in e) || !planned.has(e.award)),
        };
  const plans = new Map<string, PlanResult>();
  for (const audit of report.audits) {
    if (audit.status !== 'incomplete') continue;
    const found = await plan(catalog, learner, {
      target: audit.program,
      asOf: report.asOf,
      ...rest,
      alternatives: 0,
      ...(whatIf ? { planned: whatIf } : {}),
    });
    if (!found.ok) return found;
    plans.set(audit.program, found.value);
  }
  return ok(plans);
}
