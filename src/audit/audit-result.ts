import type { Explanation, Reason } from '../explain/reasons.js';
import type { RequirementKindName } from '../model/requirement.js';

export type { Explanation, Reason } from '../explain/reasons.js';

/** The JSON an audit produces (SPEC section 8). Credits are in the program's unit, rounded to 0.01. */

export type AuditStatus = 'complete' | 'in-progress' | 'incomplete';

/**
 * A requirement node's status: an audit status; `not-needed` (an alternative of an `any` whose
 * need other children already meet, and everything under it: shown, never remaining); or
 * `not-applicable` (its `when` does not hold for the learner).
 */
export type RequirementStatus = AuditStatus | 'not-needed' | 'not-applicable';

/** An item applied to a requirement. */
export interface AppliedItem {
  readonly award: string;
  readonly credential?: string;
  /** An award of no catalog credential (work described inline, such as transfer courses): its title, else its code. */
  readonly title?: string;
  readonly credits: number;
  /** Credits of this item a cap did not count. */
  readonly capped?: number;
  readonly inProgress?: true;
  /** Placed by a registrar exception. */
  readonly exception?: { readonly type: 'substitute' | 'apply'; readonly reason: string; readonly by?: string };
  /** For a nested program: the awards it is made of. */
  readonly components?: readonly string[];
  /** What-if: a planned award, counted as if completed. */
  readonly hypothetical?: true;
  /** Listed double counting: the other requirements (ids) where this award is applied as well. */
  readonly alsoIn?: readonly string[];
}

/** One node of a requirement's `assert` ("among the counted"), with what the counted items give it. */
export interface AssertResult {
  readonly kind: 'all' | 'any' | 'where';
  readonly label?: string;
  readonly status: AuditStatus;
  /** A `maxCount` / `maxCredits` leaf: `need` is the most allowed. */
  readonly atMost?: true;
  /** The fact whose values must differ. */
  readonly distinct?: string;
  readonly need: { readonly count?: number; readonly credits?: number };
  readonly have: { readonly count?: number; readonly credits?: number };
  readonly children?: readonly AssertResult[];
}

/** A catalog credential that would meet an unmet requirement: its id, title and credits (in the program's unit). */
export interface RemainingOption {
  readonly credential: string;
  readonly title: string;
  readonly credits: number;
}

/** What is still missing under an unmet requirement, and catalog credentials that would meet it. */
export interface Remaining {
  readonly credits?: number;
  readonly count?: number;
  readonly options?: readonly RemainingOption[];
  /** An unmet `any`: how many of its open alternatives (ids) are still to choose. */
  readonly choose?: number;
  readonly of?: readonly string[];
  /** The requirement's own need is met but its assert is not (see {@link RequirementResult.assert}). */
  readonly assert?: true;
}

/** One node of the requirement tree, with its result. */
export interface RequirementResult {
  readonly id: string;
  readonly label?: string;
  readonly kind: RequirementKindName;
  /** A `credential` or `program` leaf: the catalog credential it names (for a renderer's title). */
  readonly credential?: string;
  readonly status: RequirementStatus;
  readonly need?: { readonly count?: number; readonly credits?: number };
  readonly have?: { readonly count?: number; readonly credits?: number };
  readonly shared?: true;
  readonly waived?: { readonly reason: string; readonly by?: string; readonly credits?: number };
  readonly applied: readonly AppliedItem[];
  /** Its assert ("among the counted") over the items it counts. */
  readonly assert?: AssertResult;
  readonly remaining?: Remaining;
  readonly children?: readonly RequirementResult[];
  /** What-if: the status differs from the real audit's. */
  readonly hypothetical?: true;
}

/** A program-wide policy: total credits, residency, GPA, or a limit on some credits. */
export interface PolicyResult {
  readonly id: string;
  readonly label: string;
  readonly status?: AuditStatus;
  readonly need?: number;
  readonly have?: number | null;
  /** For limits: credits that matched but did not count. */
  readonly clipped?: number;
  /** For limits with `maxCount`: the most items that may count, and how many do. */
  readonly maxCount?: number;
  readonly count?: number;
}

/** Why an award counts nowhere in this program. */
export interface UnusedAward {
  readonly award: string;
  /** The catalog credential the award is of, when it names one. */
  readonly credential?: string;
  /** An award of no catalog credential: its title, else its code. */
  readonly title?: string;
  readonly reasons: readonly Reason[];
}

/** One program's audit. */
export interface ProgramAudit {
  readonly program: string;
  readonly title: string;
  readonly asOf: string;
  readonly status: AuditStatus;
  /** The catalog years of the program version audited, when the program states them. */
  readonly version?: { readonly from?: string; readonly to?: string };
  /** False when the solver's budget ran out: the allocation is the best found, not proven best. */
  readonly optimal: boolean;
  readonly credits: { readonly applied: number; readonly required: number | null; readonly unit: string };
  readonly requirements: RequirementResult;
  readonly policies: readonly PolicyResult[];
  /** Items that match no open requirement but count toward the program's total credits. */
  readonly fallThrough: readonly AppliedItem[];
  readonly unused: readonly UnusedAward[];
  readonly explanations: readonly Explanation[];
  /** What-if: the status differs from the real audit's. */
  readonly hypothetical?: true;
  /**
   * An incomplete program: the smallest set of catalog credentials whose completion completes it
   * (the exact plan of SPEC section 10), when asked for (`withStillNeeded`) and one exists.
   */
  readonly stillNeeded?: readonly string[];
}

/** The answer to one transcript: `{ learner, asOf, audits }`. */
export interface AuditReport {
  readonly learner: { readonly id: string; readonly name?: string };
  readonly asOf: string;
  readonly audits: readonly ProgramAudit[];
}
