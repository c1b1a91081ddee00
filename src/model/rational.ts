/**
 * Exact rational numbers on safe integers, for credit amounts and unit conversions (4.5 quarter
 * hours × 2/3 = exactly 3 semester credits). Measured faster than fraction.js, whose BigInt
 * arithmetic dominated the audit's normalisation step.
 */
export interface Rational {
  readonly n: number;
  readonly d: number;
}

const gcd = (a: number, b: number): number => {
  a = Math.abs(a);
  while (b) [a, b] = [b, a % b];
  return a;
};

/** The least common multiple of two positive integers. */
export const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;

function reduced(n: number, d: number): Rational {
  if (d < 0) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}

/** A rational from a number (decimal, exact as written) or a string `"2/3"` / `"0.5"`. */
export function rational(value: number | string): Rational {
  if (typeof value === 'number' && Number.isInteger(value)) return { n: value, d: 1 };
  if (typeof value === 'string' && value.includes('/')) {
    const [top, bottom] = value.split('/');
    const a = rational(top!);
    const b = rational(bottom!);
    return reduced(a.n * b.d, a.d * b.n);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return reduced(Math.round(Number(value) * 1e6), 1e6);
  const decimals = match[3] ?? '';
  const n = Number(`${match[2]}${decimals}`) * (match[1] ? -1 : 1);
  return reduced(n, 10 ** decimals.length);
}

export const ZERO: Rational = { n: 0, d: 1 };
export const ONE: Rational = { n: 1, d: 1 };
export const times = (a: Rational, b: Rational): Rational => reduced(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational): Rational => reduced(a.n * b.d, a.d * b.n);
export const plus = (a: Rational, b: Rational): Rational => reduced(a.n * b.d + b.n * a.d, a.d * b.d);
export const toNumber = (a: Rational): number => a.n / a.d;
/** Negative, zero or positive as `a` is less than, equal to or greater than `b`. */
export const compareRational = (a: Rational, b: Rational): number => a.n * b.d - b.n * a.d;
