import type { Catalog } from '../model/catalog.js';
import { fail, ok, type Result } from '../model/issue.js';
import { parseWith } from '../model/parse.js';
import { Transcript, type TranscriptInput } from '../model/transcript.js';
import { prepareCatalog, type PreparedCatalog } from './prepare-catalog.js';

/** A parsed transcript, the date it is audited as of, and the catalog compiled for that date. */
export interface AuditInput {
  readonly transcript: Transcript;
  readonly asOf: string;
  /** The date whose program versions apply: the catalogDate option, else the learner's catalog year, else when they entered, else asOf. */
  readonly catalogDate: string;
  readonly prepared: PreparedCatalog;
}

/** Parses a transcript and settles the audit date: the option, else the transcript's, else the default. */
export function auditInput(
  catalog: Catalog,
  input: TranscriptInput | Transcript,
  dates: { readonly asOf?: string; readonly defaultAsOf?: string; readonly catalogDate?: string },
): Result<AuditInput> {
  const parsed = parseWith(Transcript, input);
  if (!parsed.ok) return parsed;
  const asOf = dates.asOf ?? parsed.value.asOf ?? dates.defaultAsOf;
  if (asOf === undefined) return fail([{ code: 'invalid-shape', path: ['asOf'], expected: 'an audit date: the transcript\'s "asOf" or the asOf option' }]);
  const { learner } = parsed.value;
  const catalogDate = dates.catalogDate ?? learner.catalogYear ?? learner.entered ?? asOf;
  return ok({ transcript: parsed.value, asOf, catalogDate, prepared: prepareCatalog(catalog, asOf, catalogDate) });
}
