import type { MipTerm } from '../requirements/kind.js';
import type { Column, Row } from './linear-model.js';

const name = (index: number) => `v${index}`;

/** A number as LP text reads it back exactly. */
const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toPrecision(17));

function expression(terms: readonly MipTerm[]): string {
  if (terms.length === 0) return '0 v0';
  const parts: string[] = [];
  terms.forEach((t, i) => {
    const sign = t.coefficient < 0 ? '-' : '+';
    const size = Math.abs(t.coefficient);
    parts.push(
      `${i === 0 && sign === '+' ? '' : `${sign} `}${size === 1 ? '' : `${number(size)} `}${name(t.variable)}`,
    );
  });
  // Short lines: the LP reader takes long ones, but a model is easier to read this way.
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 12) lines.push(parts.slice(i, i + 12).join(' '));
  return lines.join('\n   ');
}

/**
 * A model in CPLEX LP format, as HiGHS reads it: minimise `objective` subject to the rows, with
 * the columns' bounds and binaries. A ranged row is written as two.
 */
export function lpText(columns: readonly Column[], rows: readonly Row[], objective: readonly MipTerm[]): string {
  const out: string[] = ['Minimize', ` obj: ${expression(objective)}`, 'Subject To'];
  let count = 0;
  for (const row of rows) {
    const body = expression(row.terms);
    if (row.lower === row.upper) out.push(` r${count++}: ${body} = ${number(row.lower)}`);
    else {
      if (row.lower > -Infinity) out.push(` r${count++}: ${body} >= ${number(row.lower)}`);
      if (row.upper < Infinity) out.push(` r${count++}: ${body} <= ${number(row.upper)}`);
    }
  }
  out.push('Bounds');
  columns.forEach((c, i) => {
    if (c.binary) return;
    const upper = c.upper === Infinity ? '+inf' : number(c.upper);
    out.push(
      c.lower === c.upper ? ` ${name(i)} = ${number(c.lower)}` : ` ${number(c.lower)} <= ${name(i)} <= ${upper}`,
    );
  });
  const binaries = columns.flatMap((c, i) => (c.binary ? [name(i)] : []));
  if (binaries.length > 0) {
    out.push('Binary');
    for (let i = 0; i < binaries.length; i += 20) out.push(` ${binaries.slice(i, i + 20).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}
