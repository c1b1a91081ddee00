import type { Catalog } from '../model/catalog.js';
import { describeValue, fail, ok, type Result } from '../model/issue.js';
import type { Transcript, TranscriptInput } from '../model/transcript.js';
import { audit, type AuditOptions } from './audit.js';
import type { AppliedItem, AuditStatus, Explanation, ProgramAudit, Reason, RequirementResult } from './audit-result.js';

/** One place an award counts in a program: the requirement it is applied to, as the audit applied it. */
export interface AwardPlace {
  /** The requirement's id, and its label when it has one. */
  readonly requirement: string;
  readonly label?: string;
  /** The item applied there: the award itself, or (with `via`) the nested program it is part of. */
  readonly item: AppliedItem;
  /** The nested program whose completion counts here, the award being one of its parts. */
  readonly via?: { readonly program: string; readonly title: string };
}

/** How one award counts in one program, and why not when it does not. */
export interface AwardInProgram {
  readonly program: string;
  readonly title: string;
  /** The program's status for this learner. */
  readonly status: AuditStatus;
  /**
   * `applied`: it meets requirements (`places`); `fall-through`: it meets none but counts toward the
   * program's total credits (`fallThrough`); `unused`: it counts nowhere here (`reasons` say why).
   */
  readonly counts: 'applied' | 'fall-through' | 'unused';
  readonly places: readonly AwardPlace[];
  /** The fall-through item (the award, or the nested program it is part of). */
  readonly fallThrough?: AppliedItem;
  /** Why it counts nowhere here (codes worded by `reasonText`). */
  readonly reasons: readonly Reason[];
  /** The audit's explanations about the award (credit rules, caps, exceptions, double counting, stacking). */
  readonly explanations: readonly Explanation[];
}

/** Where one award counts across programs ("what does this course count toward"). */
export interface AwardExplanation {
  readonly award: { readonly id: string; readonly credential?: string; readonly title?: string };
  readonly asOf: string;
  /** One entry per program audited, in the audit's order. */
  readonly programs: readonly AwardInProgram[];
}

/** What to explain the award against: the programs (default: every program of the catalog) and the audit's dates. */
export type ExplainAwardOptions = Pick<AuditOptions, 'programs' | 'asOf' | 'defaultAsOf' | 'catalogDate'>;

/**
 * Where award `awardId` counts in every program of the catalog (or `options.programs`), and why it
 * does not elsewhere: the audit's applied items (with `alsoIn` for listed double counting, and
 * through a nested program when it is one of its parts), fall-through toward a total, and the
 * audit's unused reasons. Pure; an award id not on the transcript is an issue at `award`, an
 * unknown program one at `programs[i]`, an invalid transcript the audit's issues.
 *
 * @example
 * ```ts
 * import { explainAward, awardExplanationText, type Catalog, type TranscriptInput } from 'credstack';
 *
 * declare const catalog: Catalog, transcript: TranscriptInput;
 * const explained = explainAward(catalog, transcript, 'a7'); // every program of the catalog
 * if (explained.ok) console.log(awardExplanationText(explained.value));
 * ```
 */
export function explainAward(
  catalog: Catalog,
  transcript: TranscriptInput | Transcript,
  awardId: string,
  options: ExplainAwardOptions = {},
): Result<AwardExplanation> {
  const named = (options.programs?.length ?? 0) > 0;
  const auditOptions = { ...options, ...(named ? {} : { all: true }) };
  // The award is looked up first (auditing every program is the expensive part); a transcript
  // whose awards are not a list gets the audit's issues.
  const award = Array.isArray(transcript.awards) ? transcript.awards.find((a) => a?.id === awardId) : undefined;
  if (!award) {
    const checked = Array.isArray(transcript.awards) ? undefined : audit(catalog, transcript, auditOptions);
    if (checked && !checked.ok) return checked;
    return fail([
      {
        code: 'unknown-reference',
        path: ['award'],
        expected: 'the id of an award on the transcript',
        received: describeValue(awardId),
      },
    ]);
  }
  const report = audit(catalog, transcript, auditOptions);
  if (!report.ok) return report;
  const credential =
    award.credential === undefined ? undefined : catalog.credentials.find((c) => c.id === award.credential);
  const title = award.title ?? credential?.title;
  const titles = new Map(catalog.programs.map((p) => [p.id, p.title] as const));
  return ok({
    award: {
      id: award.id,
      ...(award.credential !== undefined ? { credential: award.credential } : {}),
      ...(title !== undefined ? { title } : {}),
    },
    asOf: report.value.asOf,
    programs: report.value.audits.map((a) => inProgram(a, awardId, titles)),
  });
}

/** Whether an item is the award, or a nested program made of it. */
const holds = (item: AppliedItem, award: string) => item.award === award || (item.components ?? []).includes(award);

function inProgram(audit: ProgramAudit, award: string, titles: ReadonlyMap<string, string>): AwardInProgram {
  const places: AwardPlace[] = [];
  const visit = (node: RequirementResult) => {
    for (const item of node.applied)
      if (holds(item, award))
        places.push({
          requirement: node.id,
          ...(node.label !== undefined ? { label: node.label } : {}),
          item,
          ...(item.award !== award && item.credential !== undefined
            ? { via: { program: item.credential, title: titles.get(item.credential) ?? item.credential } }
            : {}),
        });
    node.children?.forEach(visit);
  };
  visit(audit.requirements);
  const fallThrough = places.length === 0 ? audit.fallThrough.find((item) => holds(item, award)) : undefined;
  const reasons = audit.unused.find((u) => u.award === award)?.reasons ?? [];
  const nested = new Set([award, ...places.flatMap((p) => (p.via ? [p.item.award] : []))]);
  return {
    program: audit.program,
    title: audit.title,
    status: audit.status,
    counts: places.length > 0 ? 'applied' : fallThrough ? 'fall-through' : 'unused',
    places,
    ...(fallThrough ? { fallThrough } : {}),
    reasons,
    explanations: audit.explanations.filter((e) => 'award' in e && nested.has(e.award)),
  };
}
