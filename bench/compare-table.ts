import type { FigureSummary } from './compare-figures.js';

const number = (value: number | null, digits: number): string =>
  value === null
    ? 'n/a'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratioText = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(2));

/**
 * The comparison as a text table: per figure the medians of ours and the baseline's, the median
 * of the per-round ratios, and each round's ratio.
 */
export function renderTable(summaries: readonly FigureSummary[], baselineName: string): string {
  const rows = [
    ['figure', 'unit', 'ours', baselineName, 'ratio', 'per round'],
    ...summaries.map((s) => [
      s.spec.label,
      s.spec.unit,
      number(s.median.ours, s.spec.digits),
      number(s.median.baseline, s.spec.digits),
      ratioText(s.median.ratio),
      s.ratios.map(ratioText).join(' '),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  // Text columns left-aligned, figures right-aligned.
  const cell = (text: string, column: number) =>
    column < 2 || column === 5 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!);
  const lines = rows.map((row) => row.map(cell).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n');
}
