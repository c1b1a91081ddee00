/**
 * Why an award does not count, and what decided how it counts, as data (SPEC section 8): each a
 * stable `code` with its parameters. The wording lives in the renderers (`report/reason-text.ts`).
 */

import type { Duration } from '../model/dates.js';

/** Why an award counts nowhere in a program. */
export type Reason =
  | { readonly code: 'planned' }
  | { readonly code: 'denied'; readonly rule: string; readonly reason: string }
  | { readonly code: 'earned-after-as-of'; readonly earned: string }
  | { readonly code: 'expired'; readonly on: string }
  | { readonly code: 'grade-not-on-scale'; readonly grade: string }
  | { readonly code: 'failing-grade'; readonly grade: string }
  | { readonly code: 'unknown-unit'; readonly unit: string }
  | { readonly code: 'outside-catalog-years'; readonly from?: string; readonly to?: string }
  | { readonly code: 'older-than-recency'; readonly window: Duration; readonly earned: string }
  | { readonly code: 'repeat'; readonly of: string; readonly counted: string }
  | { readonly code: 'repeat-over-limit'; readonly credential: string; readonly maxCredits: number }
  | { readonly code: 'exclusive-programs'; readonly keptIn: string; readonly a: string; readonly b: string }
  | { readonly code: 'over-sharing'; readonly keptIn: string; readonly a: string; readonly b: string }
  | { readonly code: 'in-progress-not-needed' }
  | { readonly code: 'cannot-count' }
  | { readonly code: 'below-min-grade'; readonly grade: string }
  | { readonly code: 'not-needed' }
  | { readonly code: 'no-matching-requirement' }
  | { readonly code: 'over-limit'; readonly limits: readonly string[] };

/** The codes of {@link Reason}. */
export type ReasonCode = Reason['code'];

/** Every code of {@link Reason}, for schemas (a test checks the list against the wording table). */
export const REASON_CODES = [
  'planned',
  'denied',
  'earned-after-as-of',
  'expired',
  'grade-not-on-scale',
  'failing-grade',
  'unknown-unit',
  'outside-catalog-years',
  'older-than-recency',
  'repeat',
  'repeat-over-limit',
  'exclusive-programs',
  'over-sharing',
  'in-progress-not-needed',
  'cannot-count',
  'below-min-grade',
  'not-needed',
  'no-matching-requirement',
  'over-limit',
] as const satisfies readonly ReasonCode[];

/** Every code of {@link Explanation}. */
export const EXPLANATION_CODES = [
  'grant',
  'deny',
  'tag',
  'waive',
  'substitute',
  'apply',
  'cap',
  'stack',
  'double-count',
  'kept-out',
] as const satisfies readonly Explanation['code'][];

/** A decision and what caused it: a credit rule, an exception, a cap, a nested program. */
export type Explanation =
  | {
      readonly code: 'grant';
      readonly award: string;
      readonly rule: string;
      readonly credits?: number;
      readonly unit?: string;
      readonly as?: readonly string[];
      readonly tags?: readonly string[];
      readonly note?: string;
    }
  | { readonly code: 'deny'; readonly award: string; readonly rule: string; readonly reason: string }
  | { readonly code: 'tag'; readonly award: string; readonly rule: string; readonly tags: readonly string[] }
  | {
      readonly code: 'waive';
      readonly requirement: string;
      readonly reason: string;
      readonly by?: string;
      readonly credits?: number;
    }
  | ({ readonly code: 'substitute' } & Placement)
  | ({ readonly code: 'apply' } & Placement)
  | {
      readonly code: 'cap';
      readonly award: string;
      readonly counted: number;
      readonly of: number;
      readonly limits: readonly string[];
    }
  | {
      readonly code: 'stack';
      readonly award: string;
      readonly requirement: string;
      readonly program: string;
      readonly components: number;
    }
  | {
      /** Listed double counting: one award applied in two requirements (the sharing one first). */
      readonly code: 'double-count';
      readonly award: string;
      readonly requirements: readonly [string, string];
      /** The node whose `share: { with }` allows it. */
      readonly by: string;
    }
  | {
      /**
       * An overlap rule between programs audited together kept the award out of this program's
       * requirements (it counts toward `keptIn`'s); it may still count toward the total here.
       */
      readonly code: 'kept-out';
      readonly award: string;
      readonly keptIn: string;
      /** The rule: `sharing` (too much overlap) or `exclusiveWith`. */
      readonly rule: 'sharing' | 'exclusiveWith';
    };

/** A registrar exception placing an award in a requirement. */
export interface Placement {
  readonly award: string;
  readonly requirement: string;
  readonly reason: string;
  readonly by?: string;
}

/** The codes of {@link Explanation}. */
export type ExplanationCode = Explanation['code'];
