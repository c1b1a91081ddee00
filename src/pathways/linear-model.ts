import type { MipTerm } from '../requirements/kind.js';

/** A column of a linear model: 0/1, or continuous between its bounds. */
export interface Column {
  readonly binary: boolean;
  readonly lower: number;
  readonly upper: number;
}

/** A row: lower ≤ Σ terms ≤ upper. */
export interface Row {
  readonly terms: readonly MipTerm[];
  readonly lower: number;
  readonly upper: number;
}

/** A linear expression: terms plus a constant. */
export interface Linear {
  readonly terms: readonly MipTerm[];
  readonly constant: number;
}

export const ZERO_LINEAR: Linear = { terms: [], constant: 0 };
export const ONE_LINEAR: Linear = { terms: [], constant: 1 };

/** The expression of one variable. */
export const variable = (index: number, coefficient = 1): Linear => ({
  terms: [{ variable: index, coefficient }],
  constant: 0,
});

/** a·x + b·y + ... as one expression. */
export function sum(...parts: readonly (readonly [number, Linear])[]): Linear {
  const terms: MipTerm[] = [];
  let constant = 0;
  for (const [factor, part] of parts) {
    if (factor === 0) continue;
    for (const t of part.terms) terms.push({ variable: t.variable, coefficient: t.coefficient * factor });
    constant += part.constant * factor;
  }
  return { terms, constant };
}

/**
 * A mixed-integer linear model under construction: columns and rows, no objective (the plan's
 * stages give it one each). Rows over expressions move their constants into the bounds.
 */
export class LinearModel {
  /** Column 0 is the constant 0 (an objective of no terms still names a column), column 1 the constant 1. */
  readonly columns: Column[] = [
    { binary: false, lower: 0, upper: 0 },
    { binary: false, lower: 1, upper: 1 },
  ];
  readonly rows: Row[] = [];
  /** A row of no terms that no values can meet was added: the model has no solution. */
  infeasible = false;

  /** A new 0/1 column. */
  binary(): number {
    return this.columns.push({ binary: true, lower: 0, upper: 1 }) - 1;
  }

  /** A new continuous column. */
  continuous(lower: number, upper: number): number {
    return this.columns.push({ binary: false, lower, upper }) - 1;
  }

  /** A new column fixed to a value (a met variable a waiver or a `when` settles). */
  fixed(value: number): number {
    return this.columns.push({ binary: false, lower: value, upper: value }) - 1;
  }

  /** Adds lower ≤ Σ terms ≤ upper; a row of no terms is checked at once and dropped. */
  row(terms: readonly MipTerm[], lower: number, upper: number): void {
    const merged = mergeTerms(terms);
    if (merged.length === 0) {
      if (lower > 1e-9 || upper < -1e-9) this.infeasible = true;
      return;
    }
    this.rows.push({ terms: merged, lower, upper });
  }

  /** Whether values meet every bound, row and `extra` row (binaries whole), within the solver's tolerances. */
  admits(values: readonly number[], extra: readonly Row[] = []): boolean {
    const tolerance = 1e-6;
    const columnsOk = this.columns.every((c, i) => {
      const v = values[i]!;
      return (
        v >= c.lower - tolerance && v <= c.upper + tolerance && (!c.binary || Math.abs(v - Math.round(v)) <= tolerance)
      );
    });
    return (
      columnsOk &&
      [...this.rows, ...extra].every((r) => {
        const v = r.terms.reduce((total, t) => total + t.coefficient * values[t.variable]!, 0);
        return v >= r.lower - tolerance * (1 + Math.abs(r.lower)) && v <= r.upper + tolerance * (1 + Math.abs(r.upper));
      })
    );
  }

  /** Adds lower ≤ expression ≤ upper. */
  constrain(expression: Linear, lower: number, upper: number): void {
    this.row(expression.terms, lower - expression.constant, upper - expression.constant);
  }
}

/** The column that is always 1 (see {@link LinearModel.columns}). */
export const ONE_COLUMN = 1;

/** An expression as terms alone, its constant a multiple of the column that is always 1. */
export function termsOf(expression: Linear): MipTerm[] {
  return expression.constant === 0
    ? [...expression.terms]
    : [...expression.terms, { variable: ONE_COLUMN, coefficient: expression.constant }];
}

/** Terms of one variable added up, zero coefficients left out, in variable order. */
export function mergeTerms(terms: readonly MipTerm[]): MipTerm[] {
  const byVariable = new Map<number, number>();
  for (const t of terms) byVariable.set(t.variable, (byVariable.get(t.variable) ?? 0) + t.coefficient);
  return [...byVariable]
    .filter(([, c]) => Math.abs(c) > 1e-12)
    .sort((a, b) => a[0] - b[0])
    .map(([variable, coefficient]) => ({ variable, coefficient }));
}
