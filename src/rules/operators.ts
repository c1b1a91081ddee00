import { formatISO, parseISO, subMonths, subYears } from 'date-fns';
import type { Duration } from '../model/dates.js';
import { ownValue } from '../model/own.js';

/** What custom operators need to know: the grade scale and the audit date. */
export interface OperatorContext {
  /** Grade points; `null` marks a grade with no points (pass/fail). */
  readonly gradeScale: Readonly<Record<string, number | null>>;
  /** Grades without points that still pass. */
  readonly passingGrades: readonly string[];
  /** The audit date, `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** An operator as json-rules-engine takes it: a test, and a guard on the fact's value. */
export interface OperatorDefinition {
  readonly test: (factValue: unknown, value: unknown) => boolean;
  /** json-rules-engine's fact-value validator: when it fails the comparison is false. */
  readonly accepts?: (factValue: unknown) => boolean;
}

const isNumeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const isDateText = (v: unknown): v is string => typeof v === 'string' && v.length >= 10;
const indexOf = (haystack: unknown, needle: unknown): number => (haystack as { indexOf(x: unknown): number }).indexOf(needle);

/** json-rules-engine's built-in operators, with its exact semantics. */
export const BUILT_IN_OPERATORS: Readonly<Record<string, OperatorDefinition>> = {
  equal: { test: (a, b) => a === b },
  notEqual: { test: (a, b) => a !== b },
  in: { test: (a, b) => indexOf(b, a) > -1 },
  notIn: { test: (a, b) => indexOf(b, a) === -1 },
  contains: { test: (a, b) => indexOf(a, b) > -1, accepts: Array.isArray },
  doesNotContain: { test: (a, b) => indexOf(a, b) === -1, accepts: Array.isArray },
  lessThan: { test: (a, b) => (a as number) < (b as number), accepts: isNumeric },
  lessThanInclusive: { test: (a, b) => (a as number) <= (b as number), accepts: isNumeric },
  greaterThan: { test: (a, b) => (a as number) > (b as number), accepts: isNumeric },
  greaterThanInclusive: { test: (a, b) => (a as number) >= (b as number), accepts: isNumeric },
};

/** Counts the character comparisons a glob match makes: how tests bound its work without a timer. */
export interface Meter {
  steps: number;
}

/** A compiled glob: tells whether a whole text matches it. */
export type GlobMatcher = (text: string, meter?: Meter) => boolean;

/**
 * Compiles a glob (`*` any run of characters, `?` one character, the rest literal) matching a
 * whole text, case-insensitively. No backtracking: the parts between stars are found leftmost
 * first, in order (the leftmost place of each part leaves the most room for the next), so a
 * match makes at most (pattern length + 1) x (text length + 1) comparisons: linear in the text
 * for a given pattern, where a regular expression backtracks exponentially on `*a*a*a*b`.
 */
export function globMatcher(glob: string): GlobMatcher {
  const parts = glob.toLowerCase().split('*');
  const first = parts[0]!;
  const last = parts.at(-1)!;
  const middle = parts.slice(1, -1).filter((part) => part.length > 0);
  const least = first.length + (parts.length > 1 ? last.length : 0) + middle.reduce((sum, part) => sum + part.length, 0);
  return (raw, meter) => {
    const text = raw.toLowerCase();
    if (parts.length === 1) return text.length === first.length && partAt(first, text, 0, meter);
    if (text.length < least || !partAt(first, text, 0, meter) || !partAt(last, text, text.length - last.length, meter)) return false;
    let from = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      let at = from;
      while (at + part.length <= end && !partAt(part, text, at, meter)) at++;
      if (at + part.length > end) return false;
      from = at + part.length;
    }
    return true;
  };
}

/** True when a star-free part (`?` matches any character) matches the text at `at`. */
function partAt(part: string, text: string, at: number, meter: Meter | undefined): boolean {
  for (let i = 0; i < part.length; i++) {
    if (meter) meter.steps++;
    const char = part[i];
    if (char !== '?' && char !== text[at + i]) return false;
  }
  if (meter) meter.steps++;
  return true;
}

/** Points of a grade, or `undefined` when the scale does not know it. */
export function gradePoints(context: OperatorContext, grade: string): number | null | undefined {
  return ownValue(context.gradeScale, grade);
}

/** True when `grade` meets `minimum`: more points, or a passing grade without points. */
export function gradeMeets(context: OperatorContext, grade: string, minimum: string): boolean {
  const points = gradePoints(context, grade);
  const needed = gradePoints(context, minimum);
  if (points === undefined || needed === undefined) return false;
  if (points === null) return context.passingGrades.includes(grade);
  return needed === null ? true : points >= needed;
}

/** The earliest date still inside a window of `duration` before `asOf`. */
export function windowStart(asOf: string, duration: Duration): Date {
  return subMonths(subYears(parseISO(asOf), duration.years ?? 0), duration.months ?? 0);
}

/** credstack's own operators (SPEC section 4), bound to a grade scale and an audit date. */
export function customOperators(context: OperatorContext): Record<string, OperatorDefinition> {
  const windows = new Map<string, string>();
  const windowStartText = (duration: Duration): string => {
    const key = `${duration.years ?? 0}y${duration.months ?? 0}m`;
    let start = windows.get(key);
    if (start === undefined) windows.set(key, (start = formatISO(windowStart(context.asOf, duration), { representation: 'date' })));
    return start;
  };
  const matchers = new Map<string, GlobMatcher>();
  const matcher = (glob: string): GlobMatcher => {
    let match = matchers.get(glob);
    if (!match) matchers.set(glob, (match = globMatcher(glob)));
    return match;
  };
  return {
    matches: { test: (a, b) => matcher(b as string)(a as string), accepts: (a) => typeof a === 'string' },
    gradeAtLeast: { test: (a, b) => gradeMeets(context, a as string, b as string), accepts: (a) => typeof a === 'string' },
    earnedWithin: {
      test: (a, b) => {
        const earned = (a as string).slice(0, 10);
        return earned >= windowStartText(b as Duration) && earned <= context.asOf;
      },
      accepts: isDateText,
    },
    before: { test: (a, b) => (a as string).slice(0, 10) < (b as string), accepts: isDateText },
    after: { test: (a, b) => (a as string).slice(0, 10) > (b as string), accepts: isDateText },
  };
}

/** Every operator, built-in and custom, for one context. */
export function allOperators(context: OperatorContext): Record<string, OperatorDefinition> {
  return { ...BUILT_IN_OPERATORS, ...customOperators(context) };
}
