import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/model/condition.js';
import { compileCondition } from '../../src/rules/compile-condition.js';
import type { OperatorContext } from '../../src/rules/operators.js';

const context: OperatorContext = { gradeScale: { A: 4, B: 3, 'C-': 1.7, C: 2, D: 1, F: 0, P: null, NP: null }, passingGrades: ['P'], asOf: '2026-05-15' };
const holds = (fact: string, operator: string, value: unknown, factValue: unknown) => compileCondition({ fact, operator, value } as Condition, context)({ [fact]: factValue });

describe('operators', () => {
  it.each([
    ['equal', 'DATA', 'DATA', true], ['equal', 'DATA', 'MATH', false], ['notEqual', 'DATA', 'MATH', true],
    ['in', ['DATA', 'CSCI'], 'CSCI', true], ['in', ['DATA'], 'MATH', false], ['notIn', ['DATA'], 'MATH', true], ['notIn', ['DATA'], undefined, true],
    ['contains', 'gen-ed', ['gen-ed', 'x'], true], ['contains', 'gen-ed', 'gen-ed', false], ['doesNotContain', 'gen-ed', ['x'], true],
    ['lessThan', 300, 210, true], ['lessThanInclusive', 300, 300, true], ['greaterThan', 300, 300, false], ['greaterThanInclusive', 300, 310, true], ['greaterThan', 1, undefined, false],
  ])('built-in %s %j on %j is %s', (operator, value, factValue, expected) => {
    expect(holds('x', operator as string, value, factValue)).toBe(expected);
  });

  it('matches: a glob on codes, whole and case-insensitive', () => {
    expect(holds('code', 'matches', 'DATA 3*', 'DATA 310')).toBe(true);
    expect(holds('code', 'matches', 'DATA 3*', 'data 399')).toBe(true);
    expect(holds('code', 'matches', 'DATA 3*', 'DATA 210')).toBe(false);
    expect(holds('code', 'matches', 'MATH ????', 'MATH 2010')).toBe(true);
    expect(holds('code', 'matches', 'MATH ????', 'MATH 201')).toBe(false);
    expect(holds('code', 'matches', 'A.B', 'AxB')).toBe(false);
    expect(holds('code', 'matches', '*', undefined)).toBe(false);
  });

  it('gradeAtLeast: on the catalog scale; pass/fail passes when a passing grade', () => {
    expect(holds('grade', 'gradeAtLeast', 'C', 'B')).toBe(true);
    expect(holds('grade', 'gradeAtLeast', 'C', 'C-')).toBe(false);
    expect(holds('grade', 'gradeAtLeast', 'C', 'P')).toBe(true);
    expect(holds('grade', 'gradeAtLeast', 'C', 'NP')).toBe(false);
    expect(holds('grade', 'gradeAtLeast', 'C', 'Z')).toBe(false);
  });

  it('earnedWithin: on or after as-of minus the window, and not after as-of', () => {
    expect(holds('earned', 'earnedWithin', { years: 5 }, '2021-05-15')).toBe(true);
    expect(holds('earned', 'earnedWithin', { years: 5 }, '2021-05-14')).toBe(false);
    expect(holds('earned', 'earnedWithin', { months: 18 }, '2024-11-15')).toBe(true);
    expect(holds('earned', 'earnedWithin', { years: 1 }, '2026-05-16')).toBe(false);
    expect(holds('earned', 'earnedWithin', { years: 1 }, undefined)).toBe(false);
  });

  it('before and after compare dates', () => {
    expect(holds('earned', 'before', '2024-01-01', '2023-12-31')).toBe(true);
    expect(holds('earned', 'before', '2024-01-01', '2024-01-01')).toBe(false);
    expect(holds('earned', 'after', '2024-01-01', '2024-01-02')).toBe(true);
    expect(holds('earned', 'after', '2024-01-01', null)).toBe(false);
  });
});
