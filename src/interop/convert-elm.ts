import type { CredentialKind } from '../model/credential.js';
import { fail, ok, type Issue, type Result } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import { parseWith } from '../model/parse.js';
import type { AwardInput } from '../model/transcript.js';
import { creditsWithUnit } from './credit-units.js';
import type { ConversionContext } from './convert-open-badges.js';
import { AchievementClaim, textOf, type Concept, type CreditPoint, type ElmCredential } from './elm-schema.js';
import { issuerId } from './open-badges-schema.js';

/** The ECTS concept of the EU's education-credit vocabulary, and how ECTS is spelled out elsewhere. */
const ECTS_CONCEPT = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';
const ECTS_LABEL = /\bECTS\b|European Credit Transfer/i;

/** The unit a credit framework names: `ects` for ECTS, else its notation or label, lower case. */
function frameworkUnit(framework: Concept | undefined): string | undefined {
  if (!framework) return undefined;
  const labels = [framework.notation, textOf(framework.prefLabel)].filter((l): l is string => l !== undefined);
  if (framework.id === ECTS_CONCEPT || labels.some((l) => ECTS_LABEL.test(l))) return 'ects';
  return labels[0]?.toLowerCase();
}

/** The credit point to take of several: the first in ECTS, else the first. */
const creditPointOf = (points: readonly CreditPoint[] | undefined) =>
  points?.find((p) => frameworkUnit(p.framework) === 'ects') ?? points?.[0];

/** Concept URIs (ESCO skills, EQF level, ISCED-F fields) an achievement's specification gives, as tags. */
function conceptTags(spec: AchievementClaim['specifiedBy']): string[] {
  if (!spec) return [];
  const concepts: Concept[] = [
    ...(spec.learningOutcome ?? []).flatMap((o) => [...(o.relatedESCOSkill ?? []), ...(o.relatedSkill ?? [])]),
    ...[spec.eqfLevel ?? spec.EQFLevel].filter((c): c is Concept => c !== undefined),
    ...(spec.thematicArea ?? []),
    ...(spec.educationSubject ?? []),
  ];
  return [...new Set(concepts.flatMap((c) => (c.id && /^https?:\/\//.test(c.id) ? [c.id] : [])))];
}

const MICRO = /micro-?credential/i;

/** A micro-credential when the credential's type or display title says so; else a certificate. */
function kindOf(vc: ElmCredential): CredentialKind {
  const title = textOf(vc.displayParameter?.title);
  return vc.type.some((t) => MICRO.test(t)) || (title !== undefined && MICRO.test(title))
    ? 'micro-credential'
    : 'certificate';
}

/**
 * The awards of a European Learning Model 3 credential (SPEC section 7): each `LearningAchievement`
 * claim of its subject becomes one, its id the credential's (with `#` and the claim's when there
 * are several). Title from the claim (else its specification), credits from `creditReceived`,
 * else the specification's `creditPoint` (ECTS as `ects`, a credit point without framework in the
 * unit {@link creditsWithUnit} finds), `earned` from the awarding date (else the credential's
 * `validFrom`, `issuanceDate`, `issued`), the issuer from the awarding body (else the credential's
 * issuer), ESCO skills, EQF level and ISCED-F fields as tags. Other claims, and grades, are not
 * converted, and notices say so. Issues have paths from the credential.
 */
export function elmAwards(context: ConversionContext, vc: ElmCredential): Result<AwardInput[]> {
  const { catalog, index, notices } = context;
  const issues: Issue[] = [];
  const claims = vc.credentialSubject.hasClaim
    .map((claim, i) => ({ claim, i }))
    .filter(({ claim }) => {
      if (claim.type.includes('LearningAchievement')) return true;
      notices.push({ code: 'claim-not-converted', credential: vc.id, claim: claim.id, type: claim.type.join(', ') });
      return false;
    });
  const awards: AwardInput[] = [];
  for (const { claim: raw, i } of claims) {
    const parsed = parseWith(AchievementClaim, raw);
    if (!parsed.ok) {
      issues.push(
        ...parsed.issues.map((issue) => ({ ...issue, path: ['credentialSubject', 'hasClaim', i, ...issue.path] })),
      );
      continue;
    }
    const claim = parsed.value;
    const id = claims.length === 1 ? vc.id : `${vc.id}#${claim.id}`;
    const spec = claim.specifiedBy;
    const rawIssuer = claim.awardedBy?.awardingBody?.[0]?.id ?? issuerId(vc.issuer);
    const issuer = ownValue(catalog.settings.issuerAliases, rawIssuer) ?? rawIssuer;
    const credentialId = [claim.id, spec?.id]
      .map((key) => (key === undefined ? undefined : index.byAlignment.get(key)))
      .find((found) => found !== undefined);
    const credential = credentialId ? index.entries.get(credentialId) : undefined;
    const title = textOf(claim.title) ?? textOf(spec?.title) ?? claim.id;
    if (!credential) notices.push({ code: 'unknown-achievement', award: id, achievement: claim.id, name: title });
    const point = creditPointOf(claim.creditReceived) ?? creditPointOf(spec?.creditPoint);
    const unit = frameworkUnit(point?.framework);
    const credits = point
      ? creditsWithUnit(
          catalog,
          { award: id, value: point.point, ...(unit ? { unit } : {}), issuer, ...(credential ? { credential } : {}) },
          notices,
        )
      : undefined;
    for (const assessment of claim.provenBy ?? []) {
      const grade = textOf(assessment.grade?.noteLiteral);
      if (grade !== undefined) notices.push({ code: 'grade-not-converted', award: id, grade });
    }
    const tags = conceptTags(spec);
    const earned = claim.awardedBy?.awardingDate ?? vc.validFrom ?? vc.issuanceDate ?? vc.issued;
    const expires = vc.validUntil ?? vc.expirationDate;
    awards.push({
      id,
      ...(credential ? { credential: credential.id } : { title, kind: kindOf(vc) }),
      ...(tags.length > 0 ? { tags } : {}),
      ...(credits ? { credits } : {}),
      ...(earned ? { earned: earned.slice(0, 10) } : {}),
      ...(expires ? { expires: expires.slice(0, 10) } : {}),
      issuer,
      source: issuer === catalog.institution.id ? 'institution' : 'external',
      status: 'completed',
    });
  }
  return issues.length > 0 ? fail(issues) : ok(awards);
}
