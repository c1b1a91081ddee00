import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Condition } from '../../src/model/condition.js';
import { compileCondition } from '../../src/rules/compile-condition.js';
import type { OperatorContext } from '../../src/rules/operators.js';
import { evaluateWithEngine } from '../../src/rules/reference-engine.js';
import { runs } from '../setup/fuzz.js';

const context: OperatorContext = {
  gradeScale: { A: 4, 'B+': 3.3, B: 3, C: 2, D: 1, F: 0, P: null, NP: null },
  passingGrades: ['P'],
  asOf: '2026-05-15',
};

const date = fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const word = fc.constantFrom('DATA', 'MATH', 'riverbend', 'google', 'course', 'badge', 'DATA 101', 'DATA 310', 'MATH 2010', 'gen-ed-math', 'data', '');
const grade = fc.constantFrom('A', 'B+', 'B', 'C', 'D', 'F', 'P', 'NP');
const scalar = fc.oneof(word, fc.integer({ min: -5, max: 500 }), fc.constant(null), fc.constant(undefined), fc.boolean());

/** Random facts of one item, with values of the right kind most of the time and of the wrong kind sometimes. */
const facts = fc.record({
  id: fc.oneof(word, scalar),
  code: fc.oneof(word, scalar),
  subject: fc.oneof(word, scalar),
  number: fc.oneof(fc.integer({ min: 100, max: 499 }), scalar),
  kind: fc.oneof(fc.constantFrom('course', 'badge', 'certification'), scalar),
  title: word,
  issuer: fc.oneof(word, scalar),
  level: fc.oneof(word, scalar),
  tags: fc.oneof(fc.array(word, { maxLength: 4 }), scalar),
  credits: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 12, noNaN: true }), scalar),
  unit: fc.oneof(fc.constantFrom('semester', 'quarter', 'ects'), scalar),
  grade: fc.oneof(grade, scalar),
  source: fc.oneof(fc.constantFrom('institution', 'transfer', 'external', 'prior-learning'), scalar),
  status: fc.oneof(fc.constantFrom('completed', 'in-progress', 'planned'), scalar),
  earned: fc.oneof(date, scalar),
  asOf: fc.constant(context.asOf),
  program: fc.oneof(fc.constantFrom('bs-data-science', 'aas-it'), fc.constant(undefined)),
});

/** A valid comparison for each operator (operands are checked at load, so only valid ones reach the engine). */
const comparison: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom('id', 'code', 'subject', 'kind', 'issuer', 'source', 'grade', 'number', 'credits', 'tags', 'program'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.oneof(word, fc.integer({ min: 0, max: 12 }), fc.constant(null)) }),
  fc.record({ fact: fc.constantFrom('subject', 'kind', 'issuer', 'source', 'number', 'tags', 'program'), operator: fc.constantFrom('in', 'notIn'), value: fc.array(fc.oneof(word, fc.integer({ min: 100, max: 499 })), { maxLength: 4 }) }),
  fc.record({ fact: fc.constantFrom('tags', 'code', 'title'), operator: fc.constantFrom('contains', 'doesNotContain'), value: word }),
  fc.record({ fact: fc.constantFrom('number', 'credits', 'code'), operator: fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'), value: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ fact: fc.constantFrom('code', 'subject', 'title'), operator: fc.constant('matches'), value: fc.constantFrom('DATA *', 'DATA 3*', 'MATH ????', '*', 'd*') }),
  fc.record({ fact: fc.constant('grade'), operator: fc.constant('gradeAtLeast'), value: grade }),
  fc.record({ fact: fc.constant('earned'), operator: fc.constant('earnedWithin'), value: fc.oneof(fc.record({ years: fc.integer({ min: 0, max: 10 }) }), fc.record({ months: fc.integer({ min: 0, max: 30 }) })) }),
  fc.record({ fact: fc.constantFrom('earned', 'asOf'), operator: fc.constantFrom('before', 'after'), value: date }),
  // json-rules-engine's fact references: the value compared with is another fact's.
  fc.record({
    fact: fc.constantFrom('earned', 'asOf'),
    operator: fc.constantFrom('before', 'after'),
    value: fc.constantFrom({ fact: 'asOf' }, { fact: 'earned' }),
  }),
  fc.record({
    fact: fc.constantFrom('subject', 'code', 'issuer'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom({ fact: 'subject' }, { fact: 'issuer' }),
  }),
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

describe('compiled conditions against json-rules-engine', () => {
  test.prop([condition, facts], { numRuns: runs(1500) })('the compiled predicate and the engine always agree', async (cond, itemFacts) => {
    const compiled = compileCondition(cond, context)(itemFacts);
    const reference = await evaluateWithEngine(cond, itemFacts, context);
    expect(compiled).toBe(reference);
  });
});
