import type { CatalogListing } from '../catalog/list-catalog.js';

/** Rows as columns, each as wide as its widest cell, two spaces apart (the last column unpadded). */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]!.length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** A version's catalog years: "2022-08-01 to 2025-07-31", "from 2025-08-01", or "" (always in force). */
function yearsText(v: { readonly from?: string; readonly to?: string }): string {
  if (v.from !== undefined && v.to !== undefined) return `${v.from} to ${v.to}`;
  if (v.from !== undefined) return `from ${v.from}`;
  return v.to !== undefined ? `to ${v.to}` : '';
}

/**
 * A catalog listing in words: a table of programs (id, kind, title, catalog years of each
 * version) and one of credentials (id, kind, credits, title), each part only when asked for.
 *
 * @example
 * ```ts
 * import { catalogListingText, listCatalog, type Catalog } from 'credstack';
 *
 * declare const catalog: Catalog;
 * process.stdout.write(catalogListingText(listCatalog(catalog), ['programs']));
 * ```
 */
export function catalogListingText(listing: CatalogListing, parts: readonly ('programs' | 'credentials')[]): string {
  const blocks: string[] = [];
  if (parts.includes('programs'))
    blocks.push(
      [
        `Programs (${listing.programs.length}):`,
        ...columns(
          listing.programs.map((p) => {
            const years = p.versions.map(yearsText).filter(Boolean);
            return [p.id, p.kind, p.title + (years.length > 0 ? ` (catalog years: ${years.join('; ')})` : '')];
          }),
        ).map((line) => `  ${line}`),
      ].join('\n'),
    );
  if (parts.includes('credentials'))
    blocks.push(
      [
        `Credentials (${listing.credentials.length}):`,
        ...columns(
          listing.credentials.map((c) => [
            c.id,
            c.kind,
            c.credits ? `${c.credits.value} ${c.credits.unit}` : '-',
            c.title + (c.code !== undefined && c.code !== c.id ? ` [${c.code}]` : ''),
          ]),
        ).map((line) => `  ${line}`),
      ].join('\n'),
    );
  return `${blocks.join('\n\n')}\n`;
}
