import { alg, Graph } from '@dagrejs/graphlib';
import type { Catalog } from '../model/catalog.js';
import { leafOf } from '../requirements/registry.js';
import { eachRequirement } from './requirement-tree.js';

/** Programs as nodes, an edge P → Q when Q requires P (a `program` requirement, or a `credential` one naming P). */
export function programDependencyGraph(catalog: Catalog): Graph {
  const graph = new Graph({ directed: true });
  const programIds = new Set(catalog.programs.map((p) => p.id));
  catalog.programs.forEach((program) => graph.setNode(program.id));
  for (const program of catalog.programs) {
    eachRequirement(program.requirements, [], (node) => {
      const ref = leafOf(node)?.counts;
      if (ref !== undefined && programIds.has(ref)) graph.setEdge(ref, program.id);
    });
  }
  return graph;
}

/** Program ids with every nested program before the programs that require it; ties in id order. */
export function nestedFirstOrder(graph: Graph): string[] {
  if (!alg.isAcyclic(graph)) throw new Error('programs form a cycle: the catalog must be checked before it is ordered');
  const indegree = new Map(graph.nodes().map((n) => [n, graph.predecessors(n)?.length ?? 0]));
  const ready = [...indegree].filter(([, d]) => d === 0).map(([n]) => n).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const next of graph.successors(node) ?? []) {
      const d = indegree.get(next)! - 1;
      indegree.set(next, d);
      if (d === 0) {
        ready.push(next);
        ready.sort();
      }
    }
  }
  return order;
}

/** The programs `roots` need, nested ones included, in nested-first order. */
export function programsNeeded(graph: Graph, roots: readonly string[]): string[] {
  const needed = new Set<string>();
  const visit = (id: string) => {
    if (needed.has(id)) return;
    needed.add(id);
    for (const nested of graph.predecessors(id) ?? []) visit(nested);
  };
  roots.forEach(visit);
  return nestedFirstOrder(graph).filter((id) => needed.has(id));
}
