import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Condition } from '../model/condition.js';
import type { CreditRule } from '../model/rule.js';
import { customOperators, type OperatorContext } from './operators.js';
import type { Facts } from './compile-condition.js';

/** A json-rules-engine engine with credstack's custom operators added. */
export function createEngine(context: OperatorContext, rules: RuleProperties[] = []): Engine {
  const engine = new Engine(rules, { allowUndefinedFacts: true, allowUndefinedConditions: false });
  for (const [name, definition] of Object.entries(customOperators(context))) {
    engine.addOperator(name, (factValue: unknown, value: unknown) => (definition.accepts ?? (() => true))(factValue) && definition.test(factValue, value));
  }
  return engine;
}

/**
 * Why json-rules-engine refuses a rule when it is added, or undefined when it takes it. Loading a
 * catalog does not ask: the rule schema refuses every rule the engine would (a property test holds
 * it to that), so the engine stays off the audit path.
 */
export function engineRefusal(rule: CreditRule): string | undefined {
  try {
    createEngine({ gradeScale: {}, passingGrades: [], asOf: '2000-01-01' }, [rule as unknown as RuleProperties]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Evaluates one condition with json-rules-engine itself: the reference the compiled predicates
 * are tested against, and the way to check a rule set the way the engine reads it.
 */
export async function evaluateWithEngine(condition: Condition, facts: Facts, context: OperatorContext): Promise<boolean> {
  const root = 'fact' in condition ? { all: [condition] } : condition;
  const engine = createEngine(context, [{ conditions: root as RuleProperties['conditions'], event: { type: 'match' } }]);
  const { events } = await engine.run(withoutUndefined(facts));
  return events.length > 0;
}

function withoutUndefined(facts: Facts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}
