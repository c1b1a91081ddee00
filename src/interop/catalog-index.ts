import type { Catalog } from '../model/catalog.js';
import type { Credential } from '../model/credential.js';
import type { Program } from '../model/program.js';

/** The catalog as credentials from elsewhere look it up: by alignment (or id), by code, by id. */
export interface CatalogIndex {
  /** A catalog credential by its id or one of its `alignments`. */
  readonly byAlignment: ReadonlyMap<string, string>;
  readonly byCode: ReadonlyMap<string, string>;
  readonly entries: ReadonlyMap<string, Credential | Program>;
}

/** Indexes a catalog's credentials and programs for lookups from external credentials. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  const byAlignment = new Map<string, string>();
  const byCode = new Map<string, string>();
  const entries = new Map<string, Credential | Program>();
  for (const credential of [...catalog.credentials, ...catalog.programs]) {
    entries.set(credential.id, credential);
    byAlignment.set(credential.id, credential.id);
    for (const alias of credential.alignments ?? []) byAlignment.set(alias, credential.id);
    if (credential.code) byCode.set(credential.code, credential.id);
  }
  return { byAlignment, byCode, entries };
}

/** The catalog credential a humanCode names: the one with that `code`, else the one with that `id`. */
export function byHumanCode(index: CatalogIndex, humanCode: string): string | undefined {
  return index.byCode.get(humanCode) ?? (index.entries.has(humanCode) ? humanCode : undefined);
}
