import type { Catalog } from '../model/catalog.js';

/** Titles of catalog credentials and programs by id, for renderers to show titles with ids. */
export type Titles = ReadonlyMap<string, string>;

/**
 * The titles of a catalog's credentials and programs (a program's latest version last wins).
 *
 * @example
 * ```ts
 * import { type AuditReport, auditToText, catalogTitles, type Catalog } from 'credstack';
 *
 * declare const catalog: Catalog, report: AuditReport;
 * console.log(auditToText(report, { color: false, titles: catalogTitles(catalog) }));
 * ```
 */
export function catalogTitles(catalog: Catalog): Titles {
  return new Map([...catalog.credentials, ...catalog.programs].map((c) => [c.id, c.title]));
}
