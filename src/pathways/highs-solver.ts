import type { Highs } from 'highs';
import type { MipTerm } from '../requirements/kind.js';
import type { LinearModel, Row } from './linear-model.js';
import { lpText } from './lp-text.js';

let loading: Promise<Highs> | undefined;

/**
 * HiGHS (WebAssembly), loaded on first use and kept: only `plan` calls this, so audits and the
 * bundles that never plan do not load its 3.5 MB.
 */
export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((module) => module.default());
  return loading;
}

/** What one solve gives: the values of the columns when it found a solution, and whether that is proven optimal. */
export type MipOutcome =
  | { readonly status: 'optimal' | 'time-limit'; readonly values: readonly number[]; readonly objective: number }
  | { readonly status: 'infeasible' }
  | { readonly status: 'time-limit-without-solution' };

/**
 * Minimises `objective` over the model and the `extra` rows with HiGHS, within `seconds`. The MIP gap is closed
 * completely (objectives here are whole numbers: a gap under one half proves the optimum).
 */
export function solveMip(
  highs: Highs,
  model: LinearModel,
  objective: readonly MipTerm[],
  extra: readonly Row[],
  seconds: number,
): MipOutcome {
  if (model.infeasible) return { status: 'infeasible' };
  const result = highs.solve(lpText(model.columns, [...model.rows, ...extra], objective), {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 0.5,
    time_limit: Math.max(0.001, seconds),
  });
  const values = () =>
    model.columns.map((_, i) => {
      const column = result.Columns[`v${i}`];
      return column && 'Primal' in column ? column.Primal : 0;
    });
  switch (result.Status) {
    case 'Optimal':
      return { status: 'optimal', values: values(), objective: result.ObjectiveValue };
    case 'Time limit reached': {
      // A limit status may carry the best solution found, or values that solve nothing: check them.
      const found = values();
      return model.admits(found, extra)
        ? { status: 'time-limit', values: found, objective: result.ObjectiveValue }
        : { status: 'time-limit-without-solution' };
    }
    case 'Infeasible':
    case 'Primal infeasible or unbounded':
      return { status: 'infeasible' };
    default:
      throw new Error(`HiGHS ended with status ${result.Status}`);
  }
}
