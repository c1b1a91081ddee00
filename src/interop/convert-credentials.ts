import * as z from 'zod';
import { buildStackingGraph } from '../catalog/stacking-graph.js';
import type { Catalog } from '../model/catalog.js';
import { fail, ok, type Issue, type Result } from '../model/issue.js';
import { parseWith } from '../model/parse.js';
import type { AwardInput, TranscriptInput } from '../model/transcript.js';
import { catalogIndex, type CatalogIndex } from './catalog-index.js';
import type { ConversionNotice } from './conversion-notice.js';
import { elmAwards } from './convert-elm.js';
import { openBadgeAward, type ConversionContext } from './convert-open-badges.js';
import { ElmCredential, originalPath, withoutPrefixes } from './elm-schema.js';
import { AchievementCredential, ClrCredential } from './open-badges-schema.js';

/** What kind of document an input is: a mixed array holds both Open Badges and ELM credentials. */
export type InputKind = 'transcript' | 'open-badges' | 'clr' | 'elm' | 'mixed';

/** A transcript made from credentials, and what a registrar should know about how it was made. */
export interface Conversion {
  readonly kind: InputKind;
  readonly transcript: TranscriptInput;
  /** Things to tell the reader, as data: unverified proofs, unknown achievements, assumed units, ... */
  readonly notices: readonly ConversionNotice[];
}

const typesOf = (value: unknown): string[] => {
  const type = (value as { type?: unknown })?.type;
  return Array.isArray(type)
    ? type.filter((t): t is string => typeof t === 'string')
    : typeof type === 'string'
      ? [type]
      : [];
};

const isOpenBadge = (value: unknown) =>
  typesOf(value).some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential');
const isElm = (value: unknown) => typesOf(value).includes('EuropeanDigitalCredential');

/**
 * Tells a SPEC transcript from an Open Badges 3.0 credential, a CLR 2.0 credential and a European
 * Learning Model 3 (Europass EDC) credential, or an array of Open Badges and ELM credentials.
 *
 * @example
 * ```ts
 * import { detectInput } from 'credstack';
 *
 * detectInput({ learner: { id: 's-1' }, awards: [] }); // 'transcript'
 * detectInput({ type: ['VerifiableCredential', 'OpenBadgeCredential'] }); // 'open-badges'
 * ```
 */
export function detectInput(json: unknown): InputKind | undefined {
  if (Array.isArray(json)) {
    if (json.length === 0 || !json.every((c) => isOpenBadge(c) || isElm(c))) return undefined;
    return json.every(isOpenBadge) ? 'open-badges' : json.every(isElm) ? 'elm' : 'mixed';
  }
  if (json === null || typeof json !== 'object') return undefined;
  if ('awards' in json) return 'transcript';
  if (typesOf(json).includes('ClrCredential')) return 'clr';
  if (isOpenBadge(json)) return 'open-badges';
  if (isElm(json)) return 'elm';
  return undefined;
}

/**
 * Converts Open Badges 3.0, CLR 2.0 and European Learning Model 3 credentials to a SPEC transcript
 * (SPEC section 7): each achievement an award, found in the catalog where it can be (else an
 * inline award). Proofs are not verified, and the notices say so; no unit is assumed without a
 * notice. A SPEC transcript passes through. Bad input is issues, with paths from the document root.
 *
 * @example
 * ```ts
 * import { audit, type Catalog, convertCredentials, noticeText } from 'credstack';
 *
 * declare const catalog: Catalog; // loadCatalog(...).value
 * declare const credential: unknown; // an Open Badges 3.0 AchievementCredential, a CLR 2.0 record or an ELM 3 credential, parsed
 * const converted = convertCredentials(catalog, credential);
 * if (converted.ok) {
 *   for (const notice of converted.value.notices) console.log(noticeText(notice));
 *   const report = audit(catalog, converted.value.transcript, { all: true });
 * }
 * ```
 */
export function convertCredentials(catalog: Catalog, json: unknown): Result<Conversion> {
  const kind = detectInput(json);
  if (kind === undefined)
    return fail([
      {
        code: 'invalid-badge',
        path: [],
        expected:
          'a credstack transcript, an Open Badges 3.0 credential, a European Learning Model (EDC) credential (or an array of them), or a CLR 2.0 ClrCredential',
        received: typesOf(json).join(', ') || typeof json,
      },
    ]);
  if (kind === 'transcript') return ok({ kind, transcript: json as TranscriptInput, notices: [] });

  const notices: ConversionNotice[] = [{ code: 'proofs-not-verified' }];
  const context: ConversionContext = { catalog, index: catalogIndex(catalog), notices };
  const awards: AwardInput[] = [];
  const subjects = new Set<string>();
  const issues: Issue[] = [];
  const collect = (entry: unknown, path: (string | number)[]) => {
    const converted = isElm(entry) ? convertElm(context, entry) : convertOpenBadge(context, entry);
    if (!converted.ok) issues.push(...converted.issues.map((issue) => inCredential(issue, path, entry)));
    else {
      awards.push(...converted.value.awards);
      if (converted.value.subject !== undefined) subjects.add(converted.value.subject);
    }
  };
  let learner: string | undefined;
  let associations: ClrCredential['credentialSubject']['association'] = [];
  if (kind === 'clr') {
    const raw = json as { credentialSubject?: { verifiableCredential?: unknown } };
    const nested = raw.credentialSubject?.verifiableCredential;
    if (Array.isArray(nested))
      nested.forEach((entry, i) => collect(entry, ['credentialSubject', 'verifiableCredential', i]));
    const clr = parseWith(ClrCredential, {
      ...(json as object),
      credentialSubject: { ...(raw.credentialSubject ?? {}), verifiableCredential: [] },
    });
    if (!clr.ok) issues.push(...clr.issues);
    else {
      learner = clr.value.credentialSubject.id;
      associations = clr.value.credentialSubject.association ?? [];
    }
  } else if (Array.isArray(json)) json.forEach((entry, i) => collect(entry, [i]));
  else collect(json, []);
  if (issues.length > 0) return fail(issues);

  if (subjects.size > 1) notices.push({ code: 'several-subjects', subjects: [...subjects] });
  checkAssociations(catalog, context.index, associations, notices);
  return ok({
    kind,
    transcript: { learner: { id: learner ?? [...subjects][0] ?? 'unknown-learner' }, awards },
    notices,
  });
}

interface Converted {
  readonly awards: readonly AwardInput[];
  readonly subject?: string;
}

function convertOpenBadge(context: ConversionContext, entry: unknown): Result<Converted> {
  const parsed = parseWith(AchievementCredential, entry);
  if (!parsed.ok) return parsed;
  const award = openBadgeAward(context, parsed.value);
  if (!award.ok) return award;
  const subject = parsed.value.credentialSubject.id;
  return ok({ awards: award.value ? [award.value] : [], ...(subject !== undefined ? { subject } : {}) });
}

function convertElm(context: ConversionContext, entry: unknown): Result<Converted> {
  // Depth and reserved keys are checked on the input as given, before its keys are rewritten.
  const checked = parseWith(z.unknown(), entry);
  if (!checked.ok) return checked;
  // Paths are found on the rewritten input; issues name them as the input writes them.
  const asWritten = (issues: readonly Issue[]) =>
    fail<Converted>(issues.map((issue) => ({ ...issue, path: originalPath(entry, issue.path) })));
  const parsed = parseWith(ElmCredential, withoutPrefixes(entry));
  if (!parsed.ok) return asWritten(parsed.issues);
  const awards = elmAwards(context, parsed.value);
  if (!awards.ok) return asWritten(awards.issues);
  const subject = parsed.value.credentialSubject.id;
  return ok({ awards: awards.value, ...(subject !== undefined ? { subject } : {}) });
}

/** Names the credential an issue is in: its path from the document root, and its id. */
function inCredential(issue: Issue, base: (string | number)[], entry: unknown): Issue {
  const id = (entry as { id?: unknown })?.id;
  return {
    ...issue,
    code: 'invalid-badge',
    path: [...base, ...issue.path],
    expected: `${issue.expected}${typeof id === 'string' ? ` (in credential ${id})` : ''}`,
  };
}

const CONTAINED_IN = new Set(['isPartOf', 'isChildOf']);

/** Checks a CLR's part-of associations against the catalog's stacking graph, and says where they disagree. */
function checkAssociations(
  catalog: Catalog,
  index: CatalogIndex,
  associations: NonNullable<ClrCredential['credentialSubject']['association']>,
  notices: ConversionNotice[],
): void {
  const relevant = associations.filter(
    (a) => CONTAINED_IN.has(a.associationType) || a.associationType === 'isParentOf',
  );
  if (relevant.length === 0) return;
  // Structure only: hypothetical awards are taken as earned on the graph's date, so any date serves.
  const graph = buildStackingGraph(catalog, '2000-01-01');
  for (const association of relevant) {
    const [part, whole] =
      association.associationType === 'isParentOf'
        ? [association.targetId, association.sourceId]
        : [association.sourceId, association.targetId];
    const from = index.byAlignment.get(part);
    const to = index.byAlignment.get(whole);
    if (!from || !to) {
      notices.push({
        code: 'association-unchecked',
        associationType: association.associationType,
        source: association.sourceId,
        target: association.targetId,
        missing: !from ? part : whole,
      });
      continue;
    }
    if (!graph.stacksInto(from).some((p) => p.program === to))
      notices.push({ code: 'association-disagrees', part: from, whole: to });
  }
}
