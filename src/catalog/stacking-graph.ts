import type { Catalog } from '../model/catalog.js';
import type { Credential } from '../model/credential.js';
import type { Program } from '../model/program.js';
import type { CreditRule } from '../model/rule.js';
import { compileCondition, type Predicate } from '../rules/compile-condition.js';
import { hypotheticalFacts } from '../rules/catalog-facts.js';
import type { OperatorContext } from '../rules/operators.js';
import { compileCreditRules } from '../rules/credit-rules.js';
import { nestedFirstOrder, programDependencyGraph } from './program-order.js';
import { leafOf } from '../requirements/registry.js';
import { eachRequirement, requirementIds } from './requirement-tree.js';

/** How a credential can count toward a program. */
export interface StackingEdge {
  readonly from: string;
  readonly to: string;
  /** `credential` or `program` requirement naming it, a `where` it matches, or a credit `rule`. */
  readonly via: 'credential' | 'program' | 'where' | 'rule';
  /** The requirement (id or JSON path) of the program it counts toward. */
  readonly requirement: string;
  /** The credit rule that makes it count, for `via: "rule"`. */
  readonly rule?: string;
}

/** A node of the stacking graph. */
export interface StackingNode {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly isProgram: boolean;
}

/** A route from a credential to a program it stacks into. */
export interface StackingPath {
  readonly program: string;
  /** Node ids from the credential to the program, both included. */
  readonly path: readonly string[];
}

/** The stacking graph of a catalog and the questions asked of it (SPEC section 1). */
export interface StackingGraph {
  readonly nodes: readonly StackingNode[];
  readonly edges: readonly StackingEdge[];
  /** Every program a credential stacks into, directly or through other programs, with the shortest path. */
  stacksInto(credentialId: string): StackingPath[];
  /** The direct edges into a program: what counts toward it and how. */
  countsToward(programId: string): StackingEdge[];
  /** Programs with nested ones first (a program after every program it requires). */
  programOrder(): string[];
}

/**
 * Builds the stacking graph; `asOf` is the date hypothetical awards are taken as earned.
 *
 * @example
 * ```ts
 * import { buildStackingGraph, loadCatalog } from 'credstack';
 * import { exampleCatalog } from 'credstack/catalog';
 *
 * const catalog = loadCatalog(exampleCatalog);
 * if (!catalog.ok) throw new Error('the example catalog does not load');
 *
 * const graph = buildStackingGraph(catalog.value, '2026-03-01');
 * console.log(graph.stacksInto('mc-sql').map((path) => path.program)); // the programs SQL for Analysts counts toward
 * ```
 */
export function buildStackingGraph(catalog: Catalog, asOf: string): StackingGraph {
  const context: OperatorContext = {
    gradeScale: catalog.settings.gradeScale,
    passingGrades: catalog.settings.passingGrades,
    asOf,
  };
  const entries: (Credential | Program)[] = [...catalog.credentials, ...catalog.programs];
  const programIds = new Set(catalog.programs.map((p) => p.id));
  // Maps throughout: ids are user-given, never object keys.
  const nodes = new Map<string, StackingNode>(
    entries.map((entry) => [
      entry.id,
      { id: entry.id, kind: entry.kind, title: entry.title, isProgram: programIds.has(entry.id) },
    ]),
  );
  const successors = new Map<string, Set<string>>();
  const edgeKeys = new Set<string>();
  const edges: StackingEdge[] = [];
  const addEdge = (edge: StackingEdge) => {
    const key = JSON.stringify([edge.from, edge.to, edge.via, edge.requirement, edge.rule ?? '']);
    if (edge.from === edge.to || edgeKeys.has(key)) return;
    edgeKeys.add(key);
    (successors.get(edge.from) ?? successors.set(edge.from, new Set()).get(edge.from)!).add(edge.to);
    edges.push(edge);
  };
  const factsOf = new Map(catalog.credentials.map((c) => [c.id, hypotheticalFacts(catalog, c, asOf)]));
  const creditRules = compileCreditRules(catalog.rules, context);
  const ruleByName = new Map(catalog.rules.map((rule) => [rule.name, rule]));
  /** What a grant or tag rule's own event adds: its equivalencies and tags. */
  const added = (rule: CreditRule) =>
    rule.event.type === 'deny'
      ? { as: [], tags: [] }
      : { as: 'as' in rule.event.params ? (rule.event.params.as ?? []) : [], tags: rule.event.params.tags ?? [] };
  const withTags = (facts: Readonly<Record<string, unknown>>, tags: readonly string[]) => ({
    ...facts,
    tags: [...(facts.tags as string[]), ...tags],
  });

  for (const program of catalog.programs) {
    const ids = requirementIds(program.requirements);
    const ruled = catalog.credentials.map((credential) => ({
      credential,
      variants: (factsOf.get(credential.id) ?? [])
        .map((facts) => {
          const outcome = creditRules.inProgram(creditRules.general(facts), facts, program.id);
          const granting = outcome.effects.filter((e) => e.code !== 'deny').map((e) => ruleByName.get(e.rule)!);
          return { facts, outcome, granting, ruledFacts: withTags(facts, outcome.tags) };
        })
        .filter((v) => !v.outcome.denied),
    }));
    eachRequirement(program.requirements, [], (node) => {
      const requirement = ids.get(node)!;
      const spec = leafOf(node);
      const target = spec?.counts;
      if (target !== undefined)
        addEdge({ from: target, to: program.id, via: spec!.nested ? 'program' : 'credential', requirement });
      const matches: Predicate | undefined = spec?.where ? compileCondition(spec.where, context) : undefined;
      for (const { credential, variants } of ruled) {
        for (const { facts, outcome, granting, ruledFacts } of variants) {
          if (matches?.(facts)) addEdge({ from: credential.id, to: program.id, via: 'where', requirement });
          else if (matches?.(ruledFacts) && granting.length > 0) {
            // The rule whose own tags make it match; else the tags of several rules together do (the first names them).
            const tagging = granting.find((rule) => matches(withTags(facts, added(rule).tags))) ?? granting[0]!;
            addEdge({ from: credential.id, to: program.id, via: 'rule', requirement, rule: tagging.name });
          }
          const equivalency =
            target !== undefined && outcome.as.includes(target)
              ? granting.find((rule) => added(rule).as.includes(target))
              : undefined;
          if (equivalency)
            addEdge({ from: credential.id, to: program.id, via: 'rule', requirement, rule: equivalency.name });
        }
      }
    });
  }

  const dependencies = programDependencyGraph(catalog);

  return {
    nodes: [...nodes.keys()].sort().map((id) => nodes.get(id)!),
    edges,
    stacksInto: (credentialId) =>
      nodes.has(credentialId)
        ? shortestPathsFrom(successors, credentialId).filter((p) => programIds.has(p.program))
        : [],
    countsToward: (programId) => edges.filter((e) => e.to === programId),
    programOrder: () => nestedFirstOrder(dependencies),
  };
}

/** Breadth first from `source`, successors in id order: the shortest path to everything it reaches. */
function shortestPathsFrom(successors: ReadonlyMap<string, ReadonlySet<string>>, source: string): StackingPath[] {
  const pathTo = new Map<string, readonly string[]>([[source, [source]]]);
  const queue = [source];
  const found: StackingPath[] = [];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of [...(successors.get(node) ?? [])].sort()) {
      if (pathTo.has(next)) continue;
      const path = [...pathTo.get(node)!, next];
      pathTo.set(next, path);
      queue.push(next);
      found.push({ program: next, path });
    }
  }
  return found;
}
