import { eachComparison, type Condition } from '../model/condition.js';
import { Duration, isIsoDate } from '../model/dates.js';
import { describeValue, type Issue } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import { OPERATORS, type Operand } from '../model/vocabulary.js';
import { factReference } from './compile-condition.js';

/** Where a condition sits, and what it may read. */
export interface ConditionScope {
  readonly file?: string;
  readonly path: readonly (string | number)[];
  readonly facts: readonly string[];
  readonly grades: readonly string[];
}

const OPERAND_CHECKS: Record<Operand, { ok: (value: unknown, grades: readonly string[]) => boolean; expected: string }> = {
  any: { ok: (v) => !(v !== null && typeof v === 'object' && !Array.isArray(v)), expected: 'a string, number, boolean, null or array' },
  array: { ok: Array.isArray, expected: 'an array of values' },
  number: { ok: (v) => typeof v === 'number' && Number.isFinite(v), expected: 'a number' },
  string: { ok: (v) => typeof v === 'string' && v.length > 0, expected: 'a glob pattern such as "DATA 3*"' },
  grade: { ok: (v, grades) => typeof v === 'string' && grades.includes(v), expected: 'a grade of the catalog grade scale' },
  duration: { ok: (v) => Duration.safeParse(v).success, expected: 'a duration such as { "years": 5 }' },
  date: { ok: (v) => typeof v === 'string' && isIsoDate(v), expected: 'a date written YYYY-MM-DD' },
};

/**
 * Checks a condition against the fact vocabulary and the operator set before it is ever run:
 * json-rules-engine itself only finds unknown facts and operators at run time.
 */
export function checkCondition(condition: Condition, scope: ConditionScope): Issue[] {
  const issues: Issue[] = [];
  const at = (path: (string | number)[], key: string) => ({ ...(scope.file === undefined ? {} : { file: scope.file }), path: [...scope.path, ...path, key] });
  eachComparison(condition, (comparison, path) => {
    if (!scope.facts.includes(comparison.fact))
      issues.push({ code: 'unknown-fact', ...at(path, 'fact'), expected: `one of the facts ${scope.facts.join(', ')}`, received: describeValue(comparison.fact) });
    const operand = ownValue(OPERATORS, comparison.operator);
    if (operand === undefined) {
      issues.push({ code: 'unknown-operator', ...at(path, 'operator'), expected: `one of the operators ${Object.keys(OPERATORS).join(', ')}`, received: describeValue(comparison.operator) });
      return;
    }
    const referenced = factReference(comparison.value);
    if (referenced !== undefined) {
      if (!scope.facts.includes(referenced))
        issues.push({ code: 'unknown-fact', ...at(path, 'value'), expected: `a reference to one of the facts ${scope.facts.join(', ')}`, received: describeValue(referenced) });
      return;
    }
    const check = OPERAND_CHECKS[operand];
    if (!check.ok(comparison.value, scope.grades))
      issues.push({ code: 'invalid-operand', ...at(path, 'value'), expected: `${check.expected} for "${comparison.operator}"`, received: describeValue(comparison.value) });
  });
  return issues;
}
