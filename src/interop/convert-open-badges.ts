import type { Catalog } from '../model/catalog.js';
import type { CredentialKind } from '../model/credential.js';
import { fail, ok, type Result } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import type { AwardInput } from '../model/transcript.js';
import { byHumanCode, type CatalogIndex } from './catalog-index.js';
import type { ConversionNotice } from './conversion-notice.js';
import { creditsWithUnit } from './credit-units.js';
import { issuerId, type Achievement, type AchievementCredential } from './open-badges-schema.js';
import { resultGrade } from './result-grade.js';

/** What every converter reads and writes: the catalog, its index, and the notices for the reader. */
export interface ConversionContext {
  readonly catalog: Catalog;
  readonly index: CatalogIndex;
  readonly notices: ConversionNotice[];
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

type Alignment = NonNullable<Achievement['alignment']>[number];

/**
 * The catalog credential an achievement is: found by its id, then an alignment's `targetUrl` (both
 * looked up in the credentials' `alignments`), then its `humanCode`; with the alignment that found it.
 */
function findCredential(
  index: CatalogIndex,
  achievement: Achievement,
): { id: string; alignment?: Alignment } | undefined {
  const byId = index.byAlignment.get(achievement.id);
  if (byId) return { id: byId };
  for (const alignment of achievement.alignment ?? []) {
    const id = alignment.targetUrl ? index.byAlignment.get(alignment.targetUrl) : undefined;
    if (id) return { id, alignment };
  }
  const byCode = achievement.humanCode ? byHumanCode(index, achievement.humanCode) : undefined;
  return byCode ? { id: byCode } : undefined;
}

/**
 * The tags alignments give an award, so that credit rules can test them (`tags contains
 * "http://data.europa.eu/esco/skill/..."`): each alignment's `targetUrl`, and its `targetCode`
 * prefixed by its `targetType` (or `targetFramework`), as in `ext:EQF:4`.
 */
export function alignmentTags(alignments: readonly Alignment[]): string[] {
  return alignments.flatMap((a) => [
    ...(a.targetUrl ? [a.targetUrl] : []),
    ...(a.targetCode ? [`${a.targetType ?? a.targetFramework ?? 'code'}:${a.targetCode}`] : []),
  ]);
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * One Open Badges 3.0 credential as an award (SPEC section 7). Credits come from `creditsEarned`,
 * else the `ECTS` (or `ects`) extension, in ECTS, else `creditsAvailable`, in the unit
 * {@link creditsWithUnit} finds; the grade from the results ({@link resultGrade}): a credential
 * whose result was not passed, with no grade on the scale to say so, gives no award. Alignments
 * become tags (all but the one that found the catalog credential; an inline award adds the
 * achievement's own `tag`s). Issues have paths from the credential.
 */
export function openBadgeAward(context: ConversionContext, vc: AchievementCredential): Result<AwardInput | undefined> {
  const { catalog, index, notices } = context;
  const subject = vc.credentialSubject;
  const { achievement } = subject;
  const rawIssuer = issuerId(vc.issuer);
  const issuer = ownValue(catalog.settings.issuerAliases, rawIssuer) ?? rawIssuer;
  const found = findCredential(index, achievement);
  if (!found)
    notices.push({ code: 'unknown-achievement', award: vc.id, achievement: achievement.id, name: achievement.name });
  const ects = achievement.ECTS ?? achievement.ects;
  const stated =
    subject.creditsEarned !== undefined
      ? { value: subject.creditsEarned }
      : ects !== undefined
        ? { value: ects, unit: 'ects' }
        : achievement.creditsAvailable !== undefined
          ? { value: achievement.creditsAvailable }
          : undefined;
  const credential = found ? index.entries.get(found.id) : undefined;
  const credits = stated
    ? creditsWithUnit(catalog, { award: vc.id, ...stated, issuer, ...(credential ? { credential } : {}) }, notices)
    : undefined;
  const results = resultGrade(catalog, vc.id, vc, notices);
  if (!results.ok) return fail(results.issues);
  // Not passed, and no grade on the scale to say so: the award is left out (the notice says why).
  if (results.value.notPassed) return ok(undefined);
  const { grade } = results.value;
  const alignments = (achievement.alignment ?? []).filter((a) => a !== found?.alignment);
  const tags = unique([...(found ? [] : (achievement.tag ?? [])), ...alignmentTags(alignments)]);
  const earned = vc.awardedDate ?? subject.activityEndDate ?? vc.validFrom ?? vc.issuanceDate;
  const expires = vc.validUntil ?? vc.expirationDate;
  const [subjectCode, numberText] = (achievement.humanCode ?? '').split(' ');
  return ok({
    id: vc.id,
    ...(found
      ? { credential: found.id }
      : {
          title: achievement.name,
          kind: ownValue(ACHIEVEMENT_KINDS, achievement.achievementType ?? '') ?? 'badge',
          ...(achievement.humanCode ? { code: achievement.humanCode } : {}),
          ...(subjectCode && numberText && /^\d+$/.test(numberText)
            ? { subject: subjectCode, number: Number(numberText) }
            : {}),
        }),
    ...(tags.length > 0 ? { tags } : {}),
    ...(credits ? { credits } : {}),
    ...(grade !== undefined ? { grade } : {}),
    ...(earned ? { earned: earned.slice(0, 10) } : {}),
    ...(expires ? { expires: expires.slice(0, 10) } : {}),
    issuer,
    source: issuer === catalog.institution.id ? 'institution' : 'external',
    status: 'completed',
  });
}
