import type { StackingGraph } from '../catalog/stacking-graph.js';
import { esc } from './html-text.js';

/** The stacking paths into one program: the drawing and the same paths in words. */
export interface StackingFigure {
  /** The SVG: one column per step, the target on the right, one curved arrow per link. */
  readonly svg: string;
  /** Each path as titles, from a held credential to the target. */
  readonly paths: readonly (readonly string[])[];
  /** How many more held credentials count directly toward the target than the figure draws. */
  readonly more: number;
}

const BOX_WIDTH = 210;
const COLUMN_GAP = 72;
const ROW_GAP = 14;
const LINE = 15;
const PAD = 8;
/** Characters of 12 px text that fit on one line of a box. */
const LINE_CHARS = 28;

/**
 * The stacking paths from what a learner holds to a target program. Columns follow the longest
 * way to the target (so every arrow points right), rows are ordered by where their arrows go (few
 * crossings), labels wrap instead of being cut, and each arrow ends at its own point on the box
 * it enters. `undefined` when nothing held stacks into the target.
 */
export function stackingFigure(
  graph: StackingGraph,
  held: readonly string[],
  target: string,
  title: string,
): StackingFigure | undefined {
  const titles = new Map(graph.nodes.map((n) => [n.id, n.title]));
  const name = (id: string) => titles.get(id) ?? id;
  const all = held.flatMap((id) =>
    graph
      .stacksInto(id)
      .filter((p) => p.program === target)
      .map((p) => p.path),
  );
  const stacked = all.filter((p) => p.length > 2);
  // Paths through nested programs tell the story; direct ones fill in, a dozen at most.
  const paths = [...stacked, ...all.filter((p) => p.length <= 2)].slice(0, Math.max(12, stacked.length));
  if (paths.length === 0) return undefined;

  const edges = uniqueEdges(paths);
  const distance = distances(edges, target);
  const depth = Math.max(...distance.values());
  const columns = orderColumns(distance, edges, depth, name);
  const boxes = new Map<string, Box>();
  const heights = new Map([...distance.keys()].map((id) => [id, boxHeight(id, name(id), edges)]));
  const columnHeight = (column: readonly string[]) =>
    column.reduce((sum, id) => sum + heights.get(id)!, 0) + ROW_GAP * (column.length - 1);
  const height = Math.max(...columns.map(columnHeight)) + 2 * PAD;
  columns.forEach((column, c) => {
    let y = (height - columnHeight(column)) / 2;
    for (const id of column) {
      boxes.set(id, { x: PAD + c * (BOX_WIDTH + COLUMN_GAP), y, height: heights.get(id)! });
      y += heights.get(id)! + ROW_GAP;
    }
  });
  const marker = `arrow-${target.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const width = columns.length * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP + 2 * PAD;
  const svg = [
    `<svg class="stacking" role="img" aria-label="${esc(`How your credentials stack into ${title}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<defs><marker id="${marker}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path class="arrowhead" d="M0,0L8,4L0,8z"/></marker></defs>`,
    ...arrows(edges, boxes, marker),
    ...[...boxes].map(([id, box]) =>
      boxSvg(id, name(id), box, id === target ? 'target' : held.includes(id) ? 'held' : 'step'),
    ),
    '</svg>',
  ].join('');
  return { svg, paths: paths.map((p) => p.map(name)), more: all.length - paths.length };
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

type Edge = readonly [from: string, to: string];

function uniqueEdges(paths: readonly (readonly string[])[]): Edge[] {
  const seen = new Map<string, Edge>();
  for (const path of paths)
    for (let i = 1; i < path.length; i++) seen.set(`${path[i - 1]}\u0000${path[i]}`, [path[i - 1]!, path[i]!]);
  return [...seen.values()];
}

/** Each node's longest way (in links) to the target over the drawn edges: its column from the right. */
function distances(edges: readonly Edge[], target: string): Map<string, number> {
  const distance = new Map<string, number>([[target, 0]]);
  // The drawn edges form a DAG whose longest path has at most edges.length links.
  for (let round = 0; round <= edges.length; round++) {
    let changed = false;
    for (const [from, to] of edges) {
      const through = (distance.get(to) ?? -Infinity) + 1;
      if (through > (distance.get(from) ?? -1)) {
        distance.set(from, through);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return distance;
}

/** Columns left to right; within one, nodes ordered by the mean row of what they point to, then by title. */
function orderColumns(
  distance: ReadonlyMap<string, number>,
  edges: readonly Edge[],
  depth: number,
  name: (id: string) => string,
): string[][] {
  const row = new Map<string, number>();
  const columns: string[][] = [];
  for (let d = 0; d <= depth; d++) {
    const ids = [...distance].filter(([, v]) => v === d).map(([id]) => id);
    const weight = (id: string) => {
      const rows = edges.filter(([from]) => from === id).map(([, to]) => row.get(to) ?? 0);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : 0;
    };
    const ordered = ids
      .map((id) => ({ id, weight: weight(id), title: name(id) }))
      .sort((a, b) => a.weight - b.weight || compare(a.title, b.title) || compare(a.id, b.id))
      .map((n) => n.id);
    ordered.forEach((id, i) => row.set(id, i));
    columns.unshift(ordered);
  }
  return columns;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A title in lines of at most {@link LINE_CHARS} characters, broken between words (a longer word keeps its own line). */
export function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

const codeLine = (id: string, title: string) => (id === title ? [] : [id]);

/** Tall enough for the label, its code, and a separate point for every arrow it receives. */
function boxHeight(id: string, title: string, edges: readonly Edge[]): number {
  const lines = wrapLabel(title).length + codeLine(id, title).length;
  const incoming = edges.filter(([, to]) => to === id).length;
  return Math.max(lines * LINE + 2 * PAD, incoming * 10 + 2 * PAD);
}

function boxSvg(id: string, title: string, box: Box, role: 'target' | 'held' | 'step'): string {
  const label = wrapLabel(title);
  const lines = [
    ...label.map((text) => `<tspan x="${box.x + PAD}" dy="${LINE}">${esc(text)}</tspan>`),
    ...codeLine(id, title).map((code) => `<tspan class="code" x="${box.x + PAD}" dy="${LINE}">${esc(code)}</tspan>`),
  ];
  const top = box.y + (box.height - (label.length + codeLine(id, title).length) * LINE) / 2 - 3;
  return `<g class="${role}"><rect x="${box.x}" y="${box.y}" width="${BOX_WIDTH}" height="${box.height}" rx="6"/><text y="${top}">${lines.join('')}</text></g>`;
}

/** One curve per edge, from the middle of its source's right side to its own point on the target's left side. */
function arrows(edges: readonly Edge[], boxes: ReadonlyMap<string, Box>, marker: string): string[] {
  const mid = (box: Box) => box.y + box.height / 2;
  const lines: string[] = [];
  for (const [to, box] of boxes) {
    const incoming = edges
      .filter(([, t]) => t === to)
      .map(([from]) => boxes.get(from)!)
      .sort((a, b) => mid(a) - mid(b) || a.x - b.x);
    incoming.forEach((from, k) => {
      const x1 = from.x + BOX_WIDTH;
      const y1 = mid(from);
      const x2 = box.x - 1;
      const y2 = box.y + ((k + 1) * box.height) / (incoming.length + 1);
      const bend = Math.min(COLUMN_GAP, (x2 - x1) / 2);
      lines.push(
        `<path class="edge" d="M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}" marker-end="url(#${marker})"/>`,
      );
    });
  }
  return lines;
}
