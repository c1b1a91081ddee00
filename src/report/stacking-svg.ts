import type { StackingGraph } from '../catalog/stacking-graph.js';

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The stacking paths from what a learner holds to a target program, drawn as an SVG: one
 * column per step (credentials on the left, the target on the right), an arrow per link.
 */
export function stackingSvg(graph: StackingGraph, held: readonly string[], target: string, title: string): string {
  const titles = new Map(graph.nodes.map((n) => [n.id, n.title]));
  const all = held.flatMap((id) =>
    graph
      .stacksInto(id)
      .filter((p) => p.program === target)
      .map((p) => p.path),
  );
  const stacked = all.filter((p) => p.length > 2);
  // Paths through nested programs tell the story; direct ones fill in, a dozen at most.
  const paths = [...stacked, ...all.filter((p) => p.length <= 2)].slice(0, Math.max(12, stacked.length));
  if (paths.length === 0) return '';
  const depth = Math.max(...paths.map((p) => p.length));
  const columns: string[][] = Array.from({ length: depth }, () => []);
  const edges = new Set<string>();
  for (const path of paths) {
    path.forEach((id, i) => {
      const column = columns[depth - path.length + i]!;
      if (!columns.some((c) => c.includes(id))) column.push(id);
      if (i > 0) edges.add(`${path[i - 1]}>${id}`);
    });
  }
  const width = 220;
  const gap = 60;
  const rowHeight = 34;
  const height = Math.max(...columns.map((c) => c.length)) * rowHeight + 10;
  const place = new Map<string, { x: number; y: number }>();
  columns.forEach((column, c) =>
    column.forEach((id, r) =>
      place.set(id, { x: 5 + c * (width + gap), y: 5 + r * rowHeight + (height - column.length * rowHeight) / 2 }),
    ),
  );
  const label = (id: string) => {
    const text = titles.get(id) ?? id;
    return text.length > 30 ? `${text.slice(0, 29)}…` : text;
  };
  const lines = [...edges].map((edge) => {
    const [from, to] = edge.split('>') as [string, string];
    const a = place.get(from)!;
    const b = place.get(to)!;
    return `<line x1="${a.x + width}" y1="${a.y + 13}" x2="${b.x - 4}" y2="${b.y + 13}" class="edge" marker-end="url(#arrow)"/>`;
  });
  const boxes = [...place].map(
    ([id, { x, y }]) =>
      `<g class="${id === target ? 'target' : 'node'}"><rect x="${x}" y="${y}" width="${width}" height="26" rx="6"/><text x="${x + 8}" y="${y + 17}">${escapeXml(label(id))}</text></g>`,
  );
  const svgWidth = columns.length * (width + gap) - gap + 10;
  return [
    `<svg role="img" aria-label="${escapeXml(`How your credentials stack into ${title}`)}" viewBox="0 0 ${svgWidth} ${height}" width="100%" style="max-width:${svgWidth}px">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>',
    ...lines,
    ...boxes,
    '</svg>',
  ].join('');
}
