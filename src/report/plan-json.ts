import type { PathwayPlan, PlanResult } from '../pathways/plan.js';

/** A plan as JSON output: the plan without its what-if audit (`credstack audit --what-if` shows that). */
export type PathwayPlanJson = Omit<PathwayPlan, 'audit'>;

/** What `credstack plan --format json` prints (SPEC section 10): the best plan or null, the alternatives, why none. */
export interface PlanResultJson {
  readonly best: PathwayPlanJson | null;
  readonly alternatives: readonly PathwayPlanJson[];
  readonly reason?: string;
}

const withoutAudit = ({ audit: _, ...plan }: PathwayPlan): PathwayPlanJson => plan;

/**
 * A plan result as JSON output (its schema: `schemas/plan-result.schema.json`).
 *
 * @example
 * ```ts
 * import { type Catalog, plan, planResultJson, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * const result = await plan(catalog, transcript, { target: 'cert-data-analytics' });
 * if (result.ok) console.log(JSON.stringify(planResultJson(result.value), null, 2));
 * ```
 */
export function planResultJson(result: PlanResult): PlanResultJson {
  return {
    best: result.best ? withoutAudit(result.best) : null,
    alternatives: result.alternatives.map(withoutAudit),
    ...(result.reason ? { reason: result.reason } : {}),
  };
}
