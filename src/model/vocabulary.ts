/**
 * The one fact vocabulary shared by requirement `where` clauses, policy limits and credit rules
 * (SPEC section 4), and the operators conditions may use. The rules stage implements them; the
 * catalog stage checks conditions against them at load.
 */

/** Facts about the learner (SPEC section 4): what a requirement's `when` may test, and item conditions too. */
export const LEARNER_FACTS = ['declared', 'entered', 'catalogYear', 'learnerTags'] as const;

/** Facts of one credit item, the learner's included. */
export const ITEM_FACTS = [
  'id',
  'code',
  'subject',
  'number',
  'kind',
  'title',
  'issuer',
  'level',
  'tags',
  'credits',
  'unit',
  'grade',
  'source',
  'status',
  'earned',
  'term',
  ...LEARNER_FACTS,
] as const;

/** Facts credit rules may read besides the item's: the audit date and the program being audited. */
export const RULE_FACTS = [...ITEM_FACTS, 'asOf', 'program'] as const;

export type ItemFact = (typeof ITEM_FACTS)[number];
export type RuleFact = (typeof RULE_FACTS)[number];

/** What an operator's `value` must be; checked at load so a bad operand never reaches an audit. */
export type Operand = 'any' | 'array' | 'number' | 'string' | 'grade' | 'duration' | 'date';

/** json-rules-engine's built-in operators and credstack's own, with the operand each takes. */
export const OPERATORS: Readonly<Record<string, Operand>> = {
  equal: 'any',
  notEqual: 'any',
  in: 'array',
  notIn: 'array',
  contains: 'any',
  doesNotContain: 'any',
  lessThan: 'number',
  lessThanInclusive: 'number',
  greaterThan: 'number',
  greaterThanInclusive: 'number',
  matches: 'string',
  gradeAtLeast: 'grade',
  earnedWithin: 'duration',
  before: 'date',
  after: 'date',
};
