import type { Highs } from 'highs';
import type { ProgramAudit } from '../audit/audit-result.js';
import { lcm } from '../model/rational.js';
import type { Result } from '../model/issue.js';
import type { MipTerm } from '../requirements/kind.js';
import { solveMip } from './highs-solver.js';
import type { Row } from './linear-model.js';
import type { Candidate, PlanModel } from './plan-model.js';

/** A plan the what-if audit accepted, and whether the model proved it the cheapest the cuts leave. */
export interface FoundPlan {
  readonly chosen: readonly Candidate[];
  /** The solution's values (a schedule reads its terms from them). */
  readonly values: readonly number[];
  readonly proven: boolean;
  readonly audit: ProgramAudit;
}

/** Why the search ends without a plan. */
export type NoPlan = 'none' | 'time-limit' | 'budget';

/** What the search needs besides the model: the solver, a what-if audit, and its limits. */
export interface SearchLimits {
  /** `performance.now()` past which the solver stops and the best plan found is not proven. */
  readonly deadline: number;
  /** What-if audits the search may run in all. */
  readonly budget: number;
}

/**
 * A plan's stages: credits; then credentials and, after them, the sum of their positions among
 * all the catalog's credentials in id order,
 * in one whole-number objective (a credential more weighs more than every position together).
 */
export function planObjectives(candidates: readonly Candidate[]): MipTerm[][] {
  const denominator = candidates.reduce((d, c) => lcm(d, c.credits.d), 1);
  const positions = candidates.reduce((total, c) => total + c.position + 1, 0);
  return [
    candidates.map((c) => ({ variable: c.variable, coefficient: (c.credits.n * denominator) / c.credits.d })),
    candidates.map((c) => ({ variable: c.variable, coefficient: positions + 1 + c.position + 1 })),
  ];
}

/**
 * The cheapest plans of a model, one after another. Each is solved in lexicographic stages
 * (credits; then, credits fixed, credentials and after them the sum of positions in id order, for
 * one answer, weighted into one whole-number objective), then judged by the real what-if audit: a plan it rejects is cut off exactly (that
 * set of credentials alone) and the model solved again. Since every plan the audit accepts is
 * feasible in the model, the first accepted is the cheapest when the stages are proven.
 */
export class PlanSearch {
  private readonly cuts: Row[] = [];
  private audits = 0;
  /** Plans the model proposed and the audit rejected (each one a constraint the model lacks). */
  readonly rejected: string[][] = [];
  /** The stages' objectives, minimised in turn (see {@link planObjectives}). */
  objectives: readonly (readonly MipTerm[])[];

  constructor(
    private readonly highs: Highs,
    private readonly built: PlanModel,
    private readonly check: (chosen: readonly Candidate[]) => Result<ProgramAudit>,
    private readonly limits: SearchLimits,
  ) {
    this.objectives = planObjectives(built.candidates);
  }

  /** The cheapest plan the cuts so far leave that the audit accepts, or why there is none. */
  next(): Result<FoundPlan | NoPlan> {
    for (;;) {
      if (this.audits >= this.limits.budget) return { ok: true, value: 'budget' };
      const solved = this.solveInStages();
      if (typeof solved === 'string') return { ok: true, value: solved };
      const chosen = this.built.candidates.filter((c) => solved.values[c.variable]! > 0.5);
      this.audits++;
      const audit = this.check(chosen);
      if (!audit.ok) return audit;
      if (audit.value.status !== 'incomplete')
        return { ok: true, value: { chosen, values: solved.values, proven: solved.proven, audit: audit.value } };
      this.rejected.push(chosen.map((c) => c.id));
      // Exactly this set is off: Σ_{c ∉ S} z_c − Σ_{c ∈ S} z_c ≥ 1 − |S|.
      const inPlan = new Set(chosen);
      this.cuts.push({
        terms: this.built.candidates.map((c) => ({ variable: c.variable, coefficient: inPlan.has(c) ? -1 : 1 })),
        lower: 1 - chosen.length,
        upper: Infinity,
      });
    }
  }

  /** Later plans leave out at least one credential of this one (no superset of it). */
  exclude(chosen: readonly Candidate[]): void {
    this.cuts.push({
      terms: chosen.map((c) => ({ variable: c.variable, coefficient: 1 })),
      lower: -Infinity,
      upper: chosen.length - 1,
    });
  }

  private solveInStages(): { values: readonly number[]; proven: boolean } | NoPlan {
    const rows = [...this.cuts];
    let best: readonly number[] | undefined;
    let proven = true;
    for (const objective of this.objectives) {
      const seconds = (this.limits.deadline - performance.now()) / 1000;
      if (seconds <= 0) {
        proven = false;
        break;
      }
      const outcome = solveMip(this.highs, this.built.model, objective, rows, seconds);
      if (outcome.status === 'infeasible') {
        if (!best) return 'none';
        proven = false;
        break;
      }
      if (outcome.status === 'time-limit-without-solution') {
        proven = false;
        break;
      }
      best = outcome.values;
      if (outcome.status === 'time-limit') {
        proven = false;
        break;
      }
      // Whole-number objectives: fixing this stage's optimum is a bound half a unit above it.
      rows.push({ terms: objective, lower: -Infinity, upper: Math.round(outcome.objective) + 0.5 });
    }
    return best ? { values: best, proven } : 'time-limit';
  }
}
