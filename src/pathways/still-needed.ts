import type { AuditReport } from '../audit/audit-result.js';
import type { Catalog } from '../model/catalog.js';
import { ok, type Result } from '../model/issue.js';
import type { AwardInput, TranscriptInput } from '../model/transcript.js';
import { plan } from './plan.js';

/** How the report was made: its dates, and the what-if awards it counted (none for a plain audit). */
export interface StillNeededOptions {
  readonly asOf?: string;
  readonly defaultAsOf?: string;
  readonly catalogDate?: string;
  /** The what-if awards of a `whatIf` report; a plain audit's report counts no planned award. */
  readonly whatIf?: readonly AwardInput[];
  /** Seconds the solver may take for each program (see `plan`). */
  readonly timeLimit?: number;
}

/**
 * A report with `stillNeeded` on every incomplete audit (SPEC section 8): the credentials of the
 * program's exact plan (SPEC section 10), absent when no plan completes it. For a plain audit the
 * transcript's planned awards are not earned yet, so they are left out of the plan (they are
 * among what is still needed); for a what-if report they count, as in the report.
 */
export async function withStillNeeded(
  catalog: Catalog,
  transcript: TranscriptInput,
  report: AuditReport,
  options: StillNeededOptions = {},
): Promise<Result<AuditReport>> {
  const { whatIf, ...dates } = options;
  const planned = new Set(whatIf ? [] : transcript.awards.filter((a) => a.status === 'planned').map((a) => a.id));
  const learner: TranscriptInput =
    planned.size === 0
      ? transcript
      : {
          ...transcript,
          awards: transcript.awards.filter((a) => !planned.has(a.id)),
          exceptions: (transcript.exceptions ?? []).filter((e) => !('award' in e) || !planned.has(e.award)),
        };
  const audits = [];
  for (const audit of report.audits) {
    if (audit.status !== 'incomplete') {
      audits.push(audit);
      continue;
    }
    const found = await plan(catalog, learner, {
      target: audit.program,
      asOf: report.asOf,
      ...dates,
      alternatives: 0,
      ...(whatIf ? { planned: whatIf } : {}),
    });
    if (!found.ok) return found;
    audits.push(found.value.best ? { ...audit, stillNeeded: found.value.best.credentials } : audit);
  }
  return ok({ ...report, audits });
}
