import type { Condition } from '../model/condition.js';
import { ownValue } from '../model/own.js';
import type { RuleFact } from '../model/vocabulary.js';
import { allOperators, type OperatorContext } from './operators.js';

/** Facts a condition reads: an item's facts, plus `asOf` and `program` for credit rules. */
export type Facts = Readonly<Record<string, unknown>>;

/** A condition compiled to a synchronous predicate; credit rules pass the audited program apart from the item's facts. */
export type Predicate = (facts: Facts, program?: string) => boolean;

/**
 * Compiles a json-rules-engine condition to a synchronous predicate with the engine's exact
 * semantics (the engine stays the reference: a differential property test checks they agree).
 * The condition must have passed the catalog's checks (known operators, valid operands).
 */
export function compileCondition(condition: Condition, context: OperatorContext): Predicate {
  const operators = allOperators(context);
  const compile = (node: Condition): Predicate => {
    // Every audit runs these for every award against every condition: a single part is the part
    // itself, and loops are indexed (no iterator per call).
    if ('all' in node) {
      const parts = node.all.map(compile);
      if (parts.length === 1) return parts[0]!;
      return (facts, program) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(facts, program)) return false;
        return true;
      };
    }
    if ('any' in node) {
      const parts = node.any.map(compile);
      // json-rules-engine holds an empty `any` true, like an empty `all` (the catalog check rejects both).
      if (parts.length === 0) return () => true;
      if (parts.length === 1) return parts[0]!;
      return (facts, program) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(facts, program)) return true;
        return false;
      };
    }
    if ('not' in node) {
      const inner = compile(node.not);
      return (facts, program) => !inner(facts, program);
    }
    const operator = ownValue(operators, node.operator);
    if (!operator) throw new Error(`unknown operator ${node.operator}: conditions must be checked before compiling`);
    const { fact, value } = node;
    const accepts = operator.accepts ?? (() => true);
    const referenced = factReference(value);
    if (referenced !== undefined) {
      // json-rules-engine's fact reference: the value compared with is another fact's.
      const readValue = readerOf(referenced);
      const readFact = readerOf(fact);
      return (facts, program) => {
        const factValue = fact === 'program' ? (program ?? facts.program) : readFact(facts);
        return accepts(factValue) && operator.test(factValue, referenced === 'program' ? (program ?? facts.program) : readValue(facts));
      };
    }
    if (fact === 'program') return (facts, program) => accepts(program ?? facts.program) && operator.test(program ?? facts.program, value);
    const read = readerOf(fact);
    const { test } = operator;
    if (!operator.accepts) return (facts) => test(read(facts), value);
    return (facts) => {
      const factValue = read(facts);
      return accepts(factValue) && test(factValue, value);
    };
  };
  return compile(condition);
}

/** The fact a `{ "fact": NAME }` value refers to, if it is one. */
export function factReference(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const name = (value as { fact?: unknown }).fact;
  return keys.length === 1 && typeof name === 'string' ? name : undefined;
}

function readerOf(fact: string): (facts: Facts) => unknown {
  return ownValue(FACT_READERS, fact) ?? ((facts: Facts) => ownValue(facts, fact));
}

/**
 * One reader per fact: each has its own property access, which stays monomorphic on the shape of
 * the facts objects, where a shared `facts[fact]` sees every fact name and goes megamorphic.
 */
const FACT_READERS: Readonly<Record<Exclude<RuleFact, 'program'>, (facts: Facts) => unknown>> & Readonly<Record<string, (facts: Facts) => unknown>> = {
  id: (f) => f.id,
  code: (f) => f.code,
  subject: (f) => f.subject,
  number: (f) => f.number,
  kind: (f) => f.kind,
  title: (f) => f.title,
  issuer: (f) => f.issuer,
  level: (f) => f.level,
  tags: (f) => f.tags,
  credits: (f) => f.credits,
  unit: (f) => f.unit,
  grade: (f) => f.grade,
  source: (f) => f.source,
  status: (f) => f.status,
  earned: (f) => f.earned,
  term: (f) => f.term,
  declared: (f) => f.declared,
  entered: (f) => f.entered,
  catalogYear: (f) => f.catalogYear,
  learnerTags: (f) => f.learnerTags,
  asOf: (f) => f.asOf,
};
