import type { Requirement } from '../model/requirement.js';
import { childrenOf, kindModule, leafOf } from '../requirements/registry.js';

/** Visits every node depth-first with its JSON path and its ancestors (nearest first). */
export function eachRequirement(
  node: Requirement,
  path: (string | number)[],
  visit: (node: Requirement, path: (string | number)[], ancestors: Requirement[]) => void,
  ancestors: Requirement[] = [],
): void {
  visit(node, path, ancestors);
  const key = kindModule(node).tell;
  childrenOf(node).forEach((child, i) => eachRequirement(child, [...path, key, i], visit, [node, ...ancestors]));
}

/**
 * A stable id for every node of a requirement tree, as exceptions and output name them: the
 * declared `id`; else, for a leaf naming a credential or program, that id when it is unique in
 * the tree; else the parent's id and the child's index (`core.2`). The root defaults to `root`.
 */
export function requirementIds(root: Requirement): Map<Requirement, string> {
  const declared = new Set<string>();
  const references = new Map<string, number>();
  eachRequirement(root, [], (node) => {
    if (node.id !== undefined) declared.add(node.id);
    const ref = leafOf(node)?.counts;
    if (ref !== undefined && node.id === undefined) references.set(ref, (references.get(ref) ?? 0) + 1);
  });
  const ids = new Map<Requirement, string>();
  const assign = (node: Requirement, fallback: string) => {
    const ref = leafOf(node)?.counts;
    const id = node.id ?? (ref !== undefined && references.get(ref) === 1 && !declared.has(ref) ? ref : fallback);
    ids.set(node, id);
    childrenOf(node).forEach((child, i) => assign(child, `${id}.${i}`));
  };
  assign(root, 'root');
  return ids;
}
