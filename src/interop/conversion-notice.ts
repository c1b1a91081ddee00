/**
 * What a registrar should know about how credentials were converted to a transcript, as data: each
 * notice a stable `code` with its parameters (SPEC sections 7, 8). The wording lives in
 * `report/reason-text.ts`; the CLI prints notices on standard error and puts them in JSON audits.
 */
export type ConversionNotice =
  /** Signatures and proofs are read as given, never checked. */
  | { readonly code: 'proofs-not-verified' }
  /** The credentials are about more than one learner. */
  | { readonly code: 'several-subjects'; readonly subjects: readonly string[] }
  /** An achievement the catalog does not know became an inline award. */
  | {
      readonly code: 'unknown-achievement';
      readonly award: string;
      readonly achievement: string;
      readonly name: string;
    }
  /** Credits whose unit nothing states were taken in the catalog unit. */
  | {
      readonly code: 'unit-assumed';
      readonly award: string;
      readonly credits: number;
      readonly unit: string;
      readonly issuer: string;
    }
  /** A numeric result no `settings.resultScales` entry maps: no grade (a pass counts ungraded; else the award is left out). */
  | {
      readonly code: 'result-not-on-scale';
      readonly award: string;
      readonly value: string;
      readonly resultType?: string;
      readonly passed?: boolean;
    }
  /** A numeric result below the issuer's pass mark. */
  | {
      readonly code: 'result-below-required';
      readonly award: string;
      readonly value: string;
      readonly required: string;
    }
  /** A result names a result description the achievement does not define: it gives no grade. */
  | { readonly code: 'unknown-result-description'; readonly award: string; readonly resultDescription: string }
  /** A European Learning Model grade (a note) was not made the award's grade. */
  | { readonly code: 'grade-not-converted'; readonly award: string; readonly grade: string }
  /** A European Learning Model claim that is not an achievement (an activity, an assessment, an entitlement). */
  | { readonly code: 'claim-not-converted'; readonly credential: string; readonly claim: string; readonly type: string }
  /** A CLR association whose ends the catalog does not both know. */
  | {
      readonly code: 'association-unchecked';
      readonly associationType: string;
      readonly source: string;
      readonly target: string;
      readonly missing: string;
    }
  /** A CLR says one credential is part of another, and the stacking graph has no such path. */
  | { readonly code: 'association-disagrees'; readonly part: string; readonly whole: string };

/** The codes of {@link ConversionNotice}. */
export type ConversionNoticeCode = ConversionNotice['code'];
