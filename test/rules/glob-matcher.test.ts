import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/model/condition.js';
import { compileCondition } from '../../src/rules/compile-condition.js';
import { globMatcher, type Meter } from '../../src/rules/operators.js';

/** The old regular-expression reading of a glob: the meaning the matcher must keep, on inputs small enough for it. */
const byRegExp = (glob: string, text: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(text);

/** Matches `text` and returns the number of character comparisons it took. */
const work = (glob: string, text: string): { matched: boolean; steps: number } => {
  const meter: Meter = { steps: 0 };
  const matched = globMatcher(glob)(text, meter);
  return { matched, steps: meter.steps };
};

describe('matches: globs in linear time', () => {
  const piece = fc.constantFrom('a', 'A', 'b', '?', '*', '.', ' ', '3');
  test.prop([fc.string({ unit: piece, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'A', 'b', '.', ' ', '3'), maxLength: 12 })], { numRuns: 2000, seed: 5 })(
    'means what the regular expression meant: `*` any run, `?` one character, whole string, any case',
    (glob, text) => {
      expect(globMatcher(glob)(text)).toBe(byRegExp(glob, text));
    },
  );

  it.each([
    ['*a*a*a*b', 'a'],
    ['*a*a*a*a*a*a*a*a*a*b', 'a'],
    ['*aaaaaaaab', 'a'],
    ['*a?a?a?a?b*', 'a'],
    ['a*?*?*?*?*c', 'ab'],
  ])('%s against a 50,000-character code: at most (pattern + 1) x (code + 1) comparisons, no backtracking', (glob, unit) => {
    const code = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
    const { matched, steps } = work(glob, code);
    expect(matched).toBe(false);
    expect(steps).toBeLessThanOrEqual((glob.length + 1) * (code.length + 1));
  });

  it('work grows linearly with the code for a fixed pattern (exponential before: 8 s at 400 characters)', () => {
    const steps = [1_000, 10_000, 100_000].map((n) => work('*a*a*a*b', 'a'.repeat(n)).steps);
    expect(steps[1]! / steps[0]!).toBeLessThanOrEqual(11);
    expect(steps[2]! / steps[1]!).toBeLessThanOrEqual(11);
  });

  it('a condition with such a glob decides a 50,000-character code', () => {
    const where = compileCondition({ fact: 'code', operator: 'matches', value: '*a*a*a*b' } as Condition, { gradeScale: {}, passingGrades: [], asOf: '2026-05-15' });
    expect(where({ code: 'a'.repeat(50_000) })).toBe(false);
    expect(where({ code: `${'a'.repeat(50_000)}B` })).toBe(true);
  });
});
