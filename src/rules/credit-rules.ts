import type { Explanation } from '../explain/reasons.js';
import type { CreditRule } from '../model/rule.js';
import { eachComparison } from '../model/condition.js';
import { compileCondition, type Facts, type Predicate } from './compile-condition.js';
import type { OperatorContext } from './operators.js';

/** One effect a credit rule had on an award, as data: kept as provenance and shown in explanations. */
export type RuleEffect = DistributiveOmit<Extract<Explanation, { code: 'grant' | 'deny' | 'tag' }>, 'award'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the credit rules decided for one award in one program's audit. */
export interface RuleOutcome {
  /** The deny that won, if any: a deny beats every grant. */
  readonly denied?: { readonly rule: string; readonly reason: string };
  /** Credits set by the highest-priority grant that states them. */
  readonly credits?: { readonly value: number; readonly unit?: string; readonly rule: string };
  /** Catalog credentials the award is equivalent to. */
  readonly as: readonly string[];
  /** Attributes added by grants and tags. */
  readonly tags: readonly string[];
  readonly effects: readonly RuleEffect[];
}

/** What the rules that ignore the program decided for one award: computed once per award. */
export interface GeneralOutcome {
  readonly fired: readonly CompiledRule[];
  readonly outcome: RuleOutcome;
}

/**
 * A catalog's credit rules, compiled. Rules that read neither the `program` fact nor a program
 * scope run once per award (`general`); `inProgram` adds the others for one program's audit and
 * returns the general outcome itself when none of them fired, so later stages can memoise on it.
 */
export interface CreditRules {
  general(facts: Facts): GeneralOutcome;
  inProgram(general: GeneralOutcome, facts: Facts, program: string): RuleOutcome;
}

interface CompiledRule {
  readonly rule: CreditRule;
  readonly test: Predicate;
}

/**
 * Compiles credit rules (SPEC section 6). Rules run in priority order (highest first,
 * json-rules-engine's default priority is 1; ties in catalog order).
 */
export function compileCreditRules(rules: readonly CreditRule[], context: OperatorContext): CreditRules {
  const compiled: CompiledRule[] = rules
    .map((rule, index) => ({ rule, index, test: compileCondition(rule.conditions, context) }))
    .sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.index - b.index);
  const readsProgram = (rule: CreditRule) => {
    let reads = rule.event.type === 'deny' && rule.event.params.programs !== undefined;
    eachComparison(rule.conditions, (c) => {
      if (c.fact === 'program') reads = true;
    });
    return reads;
  };
  const unscoped = compiled.filter((c) => !readsProgram(c.rule));
  const scoped = compiled.filter((c) => readsProgram(c.rule));
  return {
    general(facts) {
      const fired = unscoped.filter(({ test }) => test(facts));
      return { fired, outcome: combine(fired, undefined) };
    },
    inProgram(general, facts, program) {
      let firedScoped: CompiledRule[] | undefined;
      for (const rule of scoped) if (rule.test(facts, program)) (firedScoped ??= []).push(rule);
      if (!firedScoped) return general.outcome;
      return combine(compiled.filter((c) => general.fired.includes(c) || firedScoped.includes(c)), program);
    },
  };
}

/** The outcome when no rule fired: shared, since most awards meet no rule at all. */
const NOTHING_FIRED: RuleOutcome = { denied: undefined, credits: undefined, as: [], tags: [], effects: [] };

/** Folds the rules that fired, in priority order, into one outcome: a deny beats every grant. */
function combine(fired: readonly CompiledRule[], program: string | undefined): RuleOutcome {
  if (fired.length === 0) return NOTHING_FIRED;
  const effects: RuleEffect[] = [];
  const as = new Set<string>();
  const tags = new Set<string>();
  let denied: RuleOutcome['denied'];
  let credits: RuleOutcome['credits'];
  for (const { rule } of fired) {
    const event = rule.event;
    if (event.type === 'deny') {
      const scope = event.params.programs;
      if (scope && (program === undefined || !scope.includes(program))) continue;
      denied ??= { rule: rule.name, reason: event.params.reason };
      effects.push({ code: 'deny', rule: rule.name, reason: event.params.reason });
      continue;
    }
    event.params.tags?.forEach((t) => tags.add(t));
    if (event.type === 'tag') {
      effects.push({ code: 'tag', rule: rule.name, tags: event.params.tags });
      continue;
    }
    const { params } = event;
    if (params.credits !== undefined && credits === undefined) credits = { value: params.credits, ...(params.unit ? { unit: params.unit } : {}), rule: rule.name };
    params.as?.forEach((id) => as.add(id));
    effects.push({
      code: 'grant',
      rule: rule.name,
      ...(params.credits !== undefined ? { credits: params.credits, ...(params.unit ? { unit: params.unit } : {}) } : {}),
      ...(params.as?.length ? { as: params.as } : {}),
      ...(params.tags?.length ? { tags: params.tags } : {}),
      ...(params.detail ? { note: params.detail } : {}),
    });
  }
  // Every key set (undefined when none): one outcome shape, made without a spread's slow path.
  return { denied, credits, as: [...as], tags: [...tags], effects };
}
