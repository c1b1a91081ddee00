import type { Catalog } from '../model/catalog.js';
import { leafOf } from '../requirements/registry.js';
import { eachRequirement } from './requirement-tree.js';

/**
 * Which programs require which: a directed graph kept in Maps (program ids are user-given, so
 * never object keys) and walked without recursion (a chain of thousands of nested programs must
 * not overflow the stack).
 */
export interface ProgramGraph {
  /** Program ids, in catalog order. */
  readonly programs: readonly string[];
  /** The programs each one requires (a `program` requirement, or a `credential` one naming a program), itself included when it names itself. */
  readonly requires: ReadonlyMap<string, readonly string[]>;
  /** The programs that require each one. */
  readonly requiredBy: ReadonlyMap<string, readonly string[]>;
}

/** The program graph of a catalog. */
export function programDependencyGraph(catalog: Catalog): ProgramGraph {
  const programIds = new Set(catalog.programs.map((p) => p.id));
  const requires = new Map<string, string[]>([...programIds].map((id) => [id, []]));
  const requiredBy = new Map<string, string[]>([...programIds].map((id) => [id, []]));
  for (const program of catalog.programs) {
    eachRequirement(program.requirements, [], (node) => {
      const ref = leafOf(node)?.counts;
      if (ref === undefined || !programIds.has(ref) || requires.get(program.id)!.includes(ref)) return;
      requires.get(program.id)!.push(ref);
      requiredBy.get(ref)!.push(program.id);
    });
  }
  return { programs: [...programIds], requires, requiredBy };
}

/** Program ids with every nested program before the programs that require it; ties in id order. */
export function nestedFirstOrder(graph: ProgramGraph): string[] {
  const waiting = new Map(graph.programs.map((id) => [id, graph.requires.get(id)!.length]));
  const ready = graph.programs.filter((id) => waiting.get(id) === 0).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const parent of graph.requiredBy.get(id)!) {
      const left = waiting.get(parent)! - 1;
      waiting.set(parent, left);
      if (left === 0) ready.splice(sortedIndex(ready, parent), 0, parent);
    }
  }
  if (order.length < graph.programs.length)
    throw new Error('programs form a cycle: the catalog must be checked before it is ordered');
  return order;
}

/** Where `id` goes in a sorted list. */
function sortedIndex(sorted: readonly string[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The programs `roots` need, nested ones included, in nested-first order. */
export function programsNeeded(graph: ProgramGraph, roots: readonly string[]): string[] {
  const needed = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (needed.has(id)) continue;
    needed.add(id);
    pending.push(...(graph.requires.get(id) ?? []));
  }
  return nestedFirstOrder(graph).filter((id) => needed.has(id));
}
