import { buildStackingGraph } from '../catalog/stacking-graph.js';
import type { Catalog } from '../model/catalog.js';
import type { CredentialKind } from '../model/credential.js';
import { fail, ok, type Issue, type Result } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import { parseWith } from '../model/parse.js';
import type { AwardInput, TranscriptInput } from '../model/transcript.js';
import { AchievementCredential, ClrCredential, issuerId, type Achievement } from './open-badges-schema.js';

/** What kind of document an input is. */
export type InputKind = 'transcript' | 'open-badges' | 'clr';

/** A transcript made from badges, and what a registrar should know about how it was made. */
export interface Conversion {
  readonly kind: InputKind;
  readonly transcript: TranscriptInput;
  /** Things to tell the reader: unverified proofs, unknown achievements, associations the catalog disagrees with. */
  readonly notices: readonly string[];
}

const typesOf = (value: unknown): string[] => {
  const type = (value as { type?: unknown })?.type;
  return Array.isArray(type)
    ? type.filter((t): t is string => typeof t === 'string')
    : typeof type === 'string'
      ? [type]
      : [];
};

/** Tells a SPEC transcript from an Open Badges 3.0 credential (or an array of them) and a CLR 2.0 credential. */
export function detectInput(json: unknown): InputKind | undefined {
  if (Array.isArray(json))
    return json.length > 0 &&
      json.every((c) => typesOf(c).some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential'))
      ? 'open-badges'
      : undefined;
  if (json === null || typeof json !== 'object') return undefined;
  if ('awards' in json) return 'transcript';
  const types = typesOf(json);
  if (types.includes('ClrCredential')) return 'clr';
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'open-badges';
  return undefined;
}

const ACHIEVEMENT_KINDS: Readonly<Record<string, CredentialKind>> = {
  Course: 'course',
  Certification: 'certification',
  Certificate: 'certificate',
  Diploma: 'diploma',
  Degree: 'degree',
  AssociateDegree: 'degree',
  BachelorDegree: 'degree',
  MasterDegree: 'degree',
  MicroCredential: 'micro-credential',
  Badge: 'badge',
  License: 'certification',
  ApprenticeshipCertificate: 'certificate',
};

/**
 * Converts Open Badges 3.0 and CLR 2.0 credentials to a SPEC transcript (SPEC section 7). The
 * catalog credential is found by the achievement's id, then an alignment's `targetUrl` (both
 * looked up in the credentials' `alignments`), then its `humanCode` (a credential's `code`, then
 * its `id`); unknown achievements become
 * inline awards. Proofs are not verified, and the notices say so. A SPEC transcript passes through.
 */
export function convertCredentials(catalog: Catalog, json: unknown): Result<Conversion> {
  const kind = detectInput(json);
  if (kind === undefined)
    return fail([
      {
        code: 'invalid-badge',
        path: [],
        expected:
          'a credstack transcript, an Open Badges 3.0 credential (or an array of them), or a CLR 2.0 ClrCredential',
        received: typesOf(json).join(', ') || typeof json,
      },
    ]);
  if (kind === 'transcript') return ok({ kind, transcript: json as TranscriptInput, notices: [] });

  const credentials: { value: AchievementCredential; path: (string | number)[] }[] = [];
  const issues: Issue[] = [];
  let learner: string | undefined;
  let associations: ClrCredential['credentialSubject']['association'] = [];
  const collect = (entry: unknown, path: (string | number)[]) => {
    const parsed = parseWith(AchievementCredential, entry);
    if (parsed.ok) credentials.push({ value: parsed.value, path });
    else issues.push(...parsed.issues.map((issue) => inCredential(issue, path, entry)));
  };
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

  const notices = ['proofs (signatures) were not verified: credstack reads the credentials as given'];
  const index = catalogIndex(catalog);
  const subjects = new Set(
    credentials.map((c) => c.value.credentialSubject.id).filter((id): id is string => id !== undefined),
  );
  if (subjects.size > 1)
    notices.push(`the credentials name ${subjects.size} different subjects: ${[...subjects].join(', ')}`);
  const awards = credentials.map(({ value }) => toAward(catalog, index, value, notices));
  checkAssociations(catalog, index, associations, notices);
  return ok({
    kind,
    transcript: { learner: { id: learner ?? [...subjects][0] ?? 'unknown-learner' }, awards },
    notices,
  });
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

interface CatalogIndex {
  readonly byAlignment: ReadonlyMap<string, string>;
  readonly byCode: ReadonlyMap<string, string>;
  readonly ids: ReadonlySet<string>;
}

function catalogIndex(catalog: Catalog): CatalogIndex {
  const byAlignment = new Map<string, string>();
  const byCode = new Map<string, string>();
  const ids = new Set<string>();
  for (const credential of [...catalog.credentials, ...catalog.programs]) {
    ids.add(credential.id);
    byAlignment.set(credential.id, credential.id);
    for (const alias of credential.alignments ?? []) byAlignment.set(alias, credential.id);
    if (credential.code) byCode.set(credential.code, credential.id);
  }
  return { byAlignment, byCode, ids };
}

/** The catalog credential a humanCode names: the one with that `code`, else the one with that `id`. */
function byHumanCode(index: CatalogIndex, humanCode: string): string | undefined {
  return index.byCode.get(humanCode) ?? (index.ids.has(humanCode) ? humanCode : undefined);
}

function findCredential(index: CatalogIndex, achievement: Achievement): string | undefined {
  return (
    index.byAlignment.get(achievement.id) ??
    (achievement.alignment ?? [])
      .map((a) => (a.targetUrl ? index.byAlignment.get(a.targetUrl) : undefined))
      .find(Boolean) ??
    (achievement.humanCode ? byHumanCode(index, achievement.humanCode) : undefined)
  );
}

function toAward(catalog: Catalog, index: CatalogIndex, vc: AchievementCredential, notices: string[]): AwardInput {
  const subject = vc.credentialSubject;
  const { achievement } = subject;
  const rawIssuer = issuerId(vc.issuer);
  const issuer = ownValue(catalog.settings.issuerAliases, rawIssuer) ?? rawIssuer;
  const credential = findCredential(index, achievement);
  if (!credential)
    notices.push(
      `achievement ${achievement.id} ("${achievement.name}") is not in the catalog: taken as an inline award`,
    );
  const creditsValue = subject.creditsEarned ?? achievement.creditsAvailable;
  const unit = ownValue(catalog.settings.issuerUnits, issuer) ?? catalog.settings.unit;
  const letterGrades = new Set(
    (achievement.resultDescription ?? []).filter((d) => d.resultType === 'LetterGrade').map((d) => d.id),
  );
  const grade = (subject.result ?? []).find(
    (r) => r.resultDescription !== undefined && letterGrades.has(r.resultDescription),
  )?.value;
  const earned = vc.awardedDate ?? subject.activityEndDate ?? vc.validFrom ?? vc.issuanceDate;
  const expires = vc.validUntil ?? vc.expirationDate;
  const [subjectCode, numberText] = (achievement.humanCode ?? '').split(' ');
  return {
    id: vc.id,
    ...(credential
      ? { credential }
      : {
          title: achievement.name,
          kind: ownValue(ACHIEVEMENT_KINDS, achievement.achievementType ?? '') ?? 'badge',
          ...(achievement.humanCode ? { code: achievement.humanCode } : {}),
          ...(subjectCode && numberText && /^\d+$/.test(numberText)
            ? { subject: subjectCode, number: Number(numberText) }
            : {}),
          ...(achievement.tag ? { tags: achievement.tag } : {}),
        }),
    ...(creditsValue !== undefined ? { credits: { value: creditsValue, unit } } : {}),
    ...(grade ? { grade } : {}),
    ...(earned ? { earned: earned.slice(0, 10) } : {}),
    ...(expires ? { expires: expires.slice(0, 10) } : {}),
    issuer,
    source: issuer === catalog.institution.id ? 'institution' : 'external',
    status: 'completed',
  };
}

const CONTAINED_IN = new Set(['isPartOf', 'isChildOf']);

/** Checks a CLR's part-of associations against the catalog's stacking graph, and says where they disagree. */
function checkAssociations(
  catalog: Catalog,
  index: CatalogIndex,
  associations: NonNullable<ClrCredential['credentialSubject']['association']>,
  notices: string[],
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
      notices.push(
        `association ${association.associationType} ${association.sourceId} → ${association.targetId} cannot be checked: ${!from ? part : whole} is not in the catalog`,
      );
      continue;
    }
    if (!graph.stacksInto(from).some((p) => p.program === to))
      notices.push(
        `the CLR says ${from} is part of ${to}, but the catalog's stacking graph has no path from ${from} to ${to}`,
      );
  }
}
