import type { CreditRule } from '../model/rule.js';
import { eachComparison } from '../model/condition.js';
import { compileCondition, type Facts, type Predicate } from './compile-condition.js';
import type { OperatorContext } from './operators.js';

/** One effect a credit rule had on an award: kept as provenance and shown in explanations. */
export interface RuleEffect {
  readonly rule: string;
  readonly effect: 'grant' | 'deny' | 'tag';
  readonly detail: string;
}

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

/**
 * Applies a catalog's credit rules to one award's facts (its item facts plus `asOf`) in the audit
 * of one program. Outcomes are memoised per facts object and program, and rules that read neither
 * the `program` fact nor a program scope run once per award whatever the number of programs.
 */
export type CreditRules = (facts: Facts, program: string | undefined) => RuleOutcome;

interface CompiledRule {
  readonly rule: CreditRule;
  readonly test: Predicate;
}

/**
 * Compiles credit rules (SPEC section 6) into one synchronous function. Rules run in priority
 * order (highest first, json-rules-engine's default priority is 1; ties in catalog order).
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
  const generalOutcomes = new WeakMap<Facts, { fired: CompiledRule[]; outcome: RuleOutcome }>();
  const outcomes = new WeakMap<Facts, Map<string | undefined, RuleOutcome>>();
  return (facts, program) => {
    let byProgram = outcomes.get(facts);
    if (!byProgram) outcomes.set(facts, (byProgram = new Map()));
    let outcome = byProgram.get(program);
    if (outcome) return outcome;
    let general = generalOutcomes.get(facts);
    if (!general) {
      const fired = unscoped.filter(({ test }) => test(facts));
      generalOutcomes.set(facts, (general = { fired, outcome: combine(fired, undefined) }));
    }
    const withProgram = scoped.length > 0 ? { ...facts, program } : facts;
    const firedScoped = scoped.filter(({ test }) => test(withProgram));
    // Outcomes no program-scoped rule changed are one shared object: later stages memoise on it.
    outcome = firedScoped.length === 0 ? general.outcome : combine(compiled.filter((c) => general!.fired.includes(c) || firedScoped.includes(c)), program);
    byProgram.set(program, outcome);
    return outcome;
  };
}

/** Folds the rules that fired, in priority order, into one outcome: a deny beats every grant. */
function combine(fired: readonly CompiledRule[], program: string | undefined): RuleOutcome {
  {
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
        effects.push({ rule: rule.name, effect: 'deny', detail: event.params.reason });
        continue;
      }
      event.params.tags?.forEach((t) => tags.add(t));
      if (event.type === 'tag') {
        effects.push({ rule: rule.name, effect: 'tag', detail: `tags ${event.params.tags.join(', ')}` });
        continue;
      }
      const { params } = event;
      if (params.credits !== undefined && credits === undefined) credits = { value: params.credits, ...(params.unit ? { unit: params.unit } : {}), rule: rule.name };
      params.as?.forEach((id) => as.add(id));
      effects.push({ rule: rule.name, effect: 'grant', detail: grantDetail(params) });
    }
    return { ...(denied ? { denied } : {}), ...(credits ? { credits } : {}), as: [...as], tags: [...tags], effects };
  }
}

function grantDetail(params: { credits?: number; unit?: string; as?: string[]; tags?: string[]; detail?: string }): string {
  const parts = [
    params.credits !== undefined ? `${params.credits} ${params.unit ?? 'catalog-unit'} credits` : undefined,
    params.as?.length ? `as ${params.as.join(', ')}` : undefined,
    params.tags?.length ? `tags ${params.tags.join(', ')}` : undefined,
    params.detail,
  ].filter(Boolean);
  return parts.join('; ') || 'counts';
}
