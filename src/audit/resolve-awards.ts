import type { Credential } from '../model/credential.js';
import { describeValue, fail, ok, type Issue, type Result } from '../model/issue.js';
import { ownValue } from '../model/own.js';
import type { Program } from '../model/program.js';
import type { Award, Transcript } from '../model/transcript.js';
import type { LEARNER_FACTS } from '../model/vocabulary.js';
import { plusDuration } from './dates.js';
import type { GeneralOutcome, RuleOutcome } from '../rules/credit-rules.js';
import type { CreditItem } from './credit-items.js';
import type { PreparedCatalog } from './prepare-catalog.js';

/** An award joined to its catalog credential, with the facts rules and conditions read. */
export interface ResolvedAward {
  readonly award: Award;
  readonly credential?: Credential | Program;
  /** The item facts of SPEC section 4, before credit rules. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** Its own credits (the award's, else the credential's), in their unit. */
  readonly credits?: { readonly value: number; readonly unit: string };
  /** When it stops counting: the award's `expires`, else earned + the credential's `validFor`. */
  readonly expires?: string;
  /** Another award of the transcript names the same credential (or inline code): a possible repeat. Set once resolved. */
  repeated: boolean;
  /** Work done once per audit and reused by every program audited: filled in by later stages. */
  readonly memo: AwardMemo;
}

/** Per-audit memo of one award (see {@link ResolvedAward.memo}). */
export interface AwardMemo {
  general: GeneralOutcome | undefined;
  /** The credit items made of it so far: most awards get one rule outcome in one unit in every program, so a short list. */
  items: MemoItem | undefined;
}

/** A credit item of an award, under a rule outcome and for a unit and planned-work choice (`key`); then the next one. */
export interface MemoItem {
  readonly outcome: RuleOutcome;
  readonly key: string;
  readonly item: CreditItem;
  readonly next: MemoItem | undefined;
}

/**
 * Resolves a transcript's awards against the catalog, in canonical order (earned date, then id:
 * the order ties are broken in, whatever the transcript's order). Unknown credentials are errors.
 */
export function resolveAwards(prepared: PreparedCatalog, transcript: Transcript): Result<ResolvedAward[]> {
  const issues: Issue[] = [];
  const resolved: ResolvedAward[] = [];
  const learner = learnerFacts(transcript);
  const { awards } = transcript;
  for (let index = 0; index < awards.length; index++) {
    const award = awards[index]!;
    const credential = award.credential === undefined ? undefined : prepared.credentials.get(award.credential);
    if (award.credential !== undefined && !credential) {
      issues.push({
        code: 'unknown-reference',
        path: ['awards', index, 'credential'],
        expected: 'the id of a catalog credential',
        received: describeValue(award.credential),
      });
      continue;
    }
    const credits = award.credits ?? credential?.credits;
    const unit =
      credits?.unit ??
      (award.issuer ? ownValue(prepared.catalog.settings.issuerUnits, award.issuer) : undefined) ??
      prepared.catalog.settings.unit;
    // Every key written out, none spread in: one object shape for every award (and its facts),
    // made without the slow path a spread takes.
    resolved.push({
      award,
      repeated: false,
      memo: { general: undefined, items: undefined },
      credential,
      facts: {
        id: credential?.id,
        code: award.code ?? credential?.code,
        subject: award.subject ?? credential?.subject,
        number: award.number ?? credential?.number,
        kind: award.kind ?? credential?.kind ?? 'course',
        title: award.title ?? credential?.title,
        issuer: award.issuer ?? credential?.issuer,
        level: award.level ?? credential?.level,
        tags: award.tags ? [...new Set([...(credential?.tags ?? []), ...award.tags])] : (credential?.tags ?? []),
        credits: credits?.value,
        unit,
        grade: award.grade,
        source: award.source,
        status: award.status,
        earned: award.earned,
        term: award.term,
        asOf: prepared.asOf,
        declared: learner.declared,
        entered: learner.entered,
        catalogYear: learner.catalogYear,
        learnerTags: learner.learnerTags,
      },
      credits: credits ? { value: credits.value, unit } : undefined,
      expires: award.expires
        ? award.expires
        : award.earned && credential && 'validFor' in credential && credential.validFor
          ? plusDuration(award.earned, credential.validFor)
          : undefined,
    });
  }
  if (issues.length > 0) return fail(issues);
  // Repeats: the first award of each credential (or inline code) is marked when a second turns up.
  const first = new Map<string, ResolvedAward>();
  for (const r of resolved) {
    const key = repeatKey(r.credential?.id, r.facts.code);
    if (key === undefined) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, r);
    else earlier.repeated = r.repeated = true;
  }
  // Sorted only when out of order: most transcripts list their awards by date already.
  for (let i = 1; i < resolved.length; i++)
    if (canonicalOrder(resolved[i - 1]!, resolved[i]!) > 0) return ok(resolved.sort(canonicalOrder));
  return ok(resolved);
}

/** Earned date (undated last), then award id. */
const canonicalOrder = (a: ResolvedAward, b: ResolvedAward) =>
  compareText(a.award.earned ?? '9999-99-99', b.award.earned ?? '9999-99-99') || compareText(a.award.id, b.award.id);

/** The learner facts of SPEC section 4, as conditions read them. */
export function learnerFacts(transcript: Transcript): Readonly<Record<(typeof LEARNER_FACTS)[number], unknown>> {
  const { learner } = transcript;
  return {
    declared: learner.declared ?? [],
    entered: learner.entered,
    catalogYear: learner.catalogYear,
    learnerTags: learner.tags ?? [],
  };
}

/** What makes two awards repeats of one another: the catalog credential, else the inline code. */
export function repeatKey(credentialId: string | undefined, code: unknown): string | undefined {
  return credentialId ?? (typeof code === 'string' ? `code:${code}` : undefined);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
