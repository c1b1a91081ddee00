import type { ProgramGraph } from './program-order.js';

/**
 * Every loop of programs that require one another, each as an ordered path: from the loop's
 * least id, through the programs each requires (in id order), back to it. Found without
 * recursion (Tarjan's strongly connected components, on an explicit stack), so a loop of
 * thousands of programs is reported, not a stack overflow.
 */
export function programCycles(graph: ProgramGraph): string[][] {
  return stronglyConnected(graph)
    .filter((component) => component.length > 1 || graph.requires.get(component[0]!)!.includes(component[0]!))
    .map((component) => orderedCycle(graph, component));
}

/** Tarjan's strongly connected components along `requiredBy`, iteratively. */
function stronglyConnected(graph: ProgramGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const enter = (id: string) => {
    const order = index.size;
    index.set(id, order);
    low.set(id, order);
    stack.push(id);
    onStack.add(id);
  };
  for (const root of graph.programs) {
    if (index.has(root)) continue;
    enter(root);
    const frames = [{ id: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const out = graph.requiredBy.get(frame.id)!;
      if (frame.next < out.length) {
        const to = out[frame.next++]!;
        if (!index.has(to)) {
          enter(to);
          frames.push({ id: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      components.push(component);
    }
  }
  return components;
}

/** A cycle through a strongly connected component: a depth-first walk, on an explicit stack, from its least id back to it. */
function orderedCycle(graph: ProgramGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const nextOf = (id: string) =>
    graph.requires
      .get(id)!
      .filter((n) => members.has(n))
      .sort();
  const seen = new Set([start]);
  const frames = [{ id: start, next: nextOf(start), at: 0 }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    if (frame.at >= frame.next.length) {
      frames.pop();
      continue;
    }
    const next = frame.next[frame.at++]!;
    if (next === start) return frames.map((f) => f.id);
    if (seen.has(next)) continue;
    seen.add(next);
    frames.push({ id: next, next: nextOf(next), at: 0 });
  }
  return [start]; // unreachable: a strongly connected component has a cycle through every member
}
