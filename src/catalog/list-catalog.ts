import type { CredentialKind } from '../model/credential.js';
import type { Catalog } from '../model/catalog.js';
import type { Credits } from '../model/credits.js';
import type { Program } from '../model/program.js';

/** One program of a catalog, all its versions together. */
export interface ProgramListing {
  readonly id: string;
  readonly title: string;
  readonly kind: Program['kind'];
  /** Its catalog years: one entry per version, in order of start (`{}` for a version always in force). */
  readonly versions: readonly { readonly from?: string; readonly to?: string }[];
}

/** One credential of a catalog. */
export interface CredentialListing {
  readonly id: string;
  readonly title: string;
  readonly kind: CredentialKind;
  readonly code?: string;
  /** Its credits, the unit always stated (the catalog's when the credential names none). */
  readonly credits?: Required<Credits>;
}

/** What a catalog holds, for `credstack list`: programs and credentials, each in id order. */
export interface CatalogListing {
  readonly programs: readonly ProgramListing[];
  readonly credentials: readonly CredentialListing[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The programs and credentials of a catalog with their ids, titles, kinds and (programs)
 * catalog years: programs sharing an id are one entry with a version each (the title and kind of
 * the latest version). Pure and deterministic: id order.
 *
 * @example
 * ```ts
 * import { catalogListingText, listCatalog, type Catalog } from 'credstack';
 *
 * declare const catalog: Catalog;
 * const listing = listCatalog(catalog);
 * console.log(listing.programs.map((p) => `${p.id}: ${p.title}`));
 * console.log(catalogListingText(listing, ['programs', 'credentials']));
 * ```
 */
export function listCatalog(catalog: Catalog): CatalogListing {
  const versions = new Map<string, Program[]>();
  for (const program of catalog.programs) versions.set(program.id, [...(versions.get(program.id) ?? []), program]);
  const programs = [...versions.values()].map((group): ProgramListing => {
    const ordered = [...group].sort((a, b) => (a.effective?.from ?? '').localeCompare(b.effective?.from ?? ''));
    const latest = ordered.at(-1)!;
    return {
      id: latest.id,
      title: latest.title,
      kind: latest.kind,
      versions: ordered.map((p) => ({ ...p.effective })),
    };
  });
  const credentials = catalog.credentials.map(
    (c): CredentialListing => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      ...(c.code !== undefined ? { code: c.code } : {}),
      ...(c.credits ? { credits: { value: c.credits.value, unit: c.credits.unit ?? catalog.settings.unit } } : {}),
    }),
  );
  return { programs: programs.sort(byId), credentials: credentials.sort(byId) };
}
