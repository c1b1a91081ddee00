import type { StackingGraph } from '../catalog/stacking-graph.js';

/** The formats `credstack graph` draws the stacking graph in. */
export const GRAPH_FORMATS = ['dot', 'mermaid', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

const quote = (text: string) => JSON.stringify(text);
const edgeLabel = (via: string, requirement: string, rule?: string) =>
  rule ? `rule ${rule}` : via === 'where' ? `matches ${requirement}` : requirement;

/** Graphviz DOT: programs as boxes, credentials as ellipses. */
export function graphToDot(graph: StackingGraph): string {
  const lines = ['digraph stacking {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const node of graph.nodes)
    lines.push(
      `  ${quote(node.id)} [label=${quote(`${node.title}\n(${node.kind})`)}, shape=${node.isProgram ? 'box' : 'ellipse'}];`,
    );
  for (const e of graph.edges)
    lines.push(
      `  ${quote(e.from)} -> ${quote(e.to)} [label=${quote(edgeLabel(e.via, e.requirement, e.rule))}${e.via === 'rule' ? ', style=dashed' : ''}];`,
    );
  lines.push('}');
  return lines.join('\n');
}

/** Mermaid flowchart, for Markdown documentation. */
export function graphToMermaid(graph: StackingGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const text = (s: string) => s.replace(/"/g, '#quot;');
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const label = text(`${node.title} (${node.kind})`);
    lines.push(`  ${ids.get(node.id)}${node.isProgram ? `["${label}"]` : `("${label}")`}`);
  }
  for (const e of graph.edges)
    lines.push(
      `  ${ids.get(e.from)} ${e.via === 'rule' ? '-.->' : '-->'}|"${text(edgeLabel(e.via, e.requirement, e.rule))}"| ${ids.get(e.to)}`,
    );
  return lines.join('\n');
}

/** Plain JSON: nodes, edges and the nested-first program order. */
export function graphToJson(graph: StackingGraph): string {
  return JSON.stringify({ nodes: graph.nodes, edges: graph.edges, programOrder: graph.programOrder() }, null, 2);
}

/**
 * Draws the graph in one of {@link GRAPH_FORMATS}.
 *
 * @example
 * ```ts
 * import { buildStackingGraph, type Catalog, renderGraph } from 'credstack';
 *
 * declare const catalog: Catalog;
 * console.log(renderGraph(buildStackingGraph(catalog, '2026-03-01'), 'mermaid'));
 * ```
 */
export function renderGraph(graph: StackingGraph, format: GraphFormat): string {
  return { dot: graphToDot, mermaid: graphToMermaid, json: graphToJson }[format](graph);
}
