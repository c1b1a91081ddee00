import type { CredentialKind } from '../model/credential.js';

/**
 * The parts of Credential Engine's CTDL (Credential Transparency Description Language) credstack
 * writes and reads: classes, the concept schemes it aligns to, and its conventions for carrying
 * credstack's own ids in CTDL (`ceterms:identifier` values).
 */

/** CTDL's published JSON-LD context, as the Credential Registry's documents name it. */
export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';

/** Where Credential Registry resources live: `@id`s are this and a CTID. */
export const REGISTRY_RESOURCES = 'https://credentialengineregistry.org/resources/';

/** The CTDL class of each kind of catalog credential: one class a kind, so a class gives its kind back. */
export const CREDENTIAL_CLASSES: Readonly<Record<CredentialKind, string>> = {
  course: 'ceterms:Course',
  'micro-credential': 'ceterms:MicroCredential',
  badge: 'ceterms:Badge',
  certification: 'ceterms:Certification',
  certificate: 'ceterms:Certificate',
  diploma: 'ceterms:Diploma',
  degree: 'ceterms:Degree',
  'prior-learning': 'ceterms:AssessmentProfile',
};

/** The kind of catalog credential a CTDL class stands for. */
export const KIND_OF_CLASS: ReadonlyMap<string, CredentialKind> = new Map(
  Object.entries(CREDENTIAL_CLASSES).map(([kind, cls]) => [cls, kind as CredentialKind]),
);

/** CTDL credential classes (subclasses of ceterms:Credential) among {@link CREDENTIAL_CLASSES}. */
export const CREDENTIAL_SUBCLASSES = [
  'ceterms:MicroCredential',
  'ceterms:Badge',
  'ceterms:Certification',
  'ceterms:Certificate',
  'ceterms:Diploma',
  'ceterms:Degree',
] as const;

/** The pathway component classes credstack writes. */
export const COMPONENT_CLASSES = [
  'ceterms:CredentialComponent',
  'ceterms:CourseComponent',
  'ceterms:AssessmentComponent',
  'ceterms:BasicComponent',
] as const;

/** The component class that stands for a credential of a kind in a pathway. */
export const componentClass = (kind: CredentialKind) =>
  kind === 'course'
    ? 'ceterms:CourseComponent'
    : kind === 'prior-learning'
      ? 'ceterms:AssessmentComponent'
      : 'ceterms:CredentialComponent';

/** The CreditUnit concept scheme (https://credreg.net/ctdl/terms/CreditUnit), for the units it has. */
export const CREDIT_UNIT_FRAMEWORK = 'https://credreg.net/ctdl/terms/CreditUnit';
export const CREDIT_UNITS: Readonly<Record<string, { readonly node: string; readonly name: string }>> = {
  semester: { node: 'creditUnit:SemesterHour', name: 'Semester Hour' },
  quarter: { node: 'creditUnit:QuarterHour', name: 'Quarter Hour' },
  ceu: { node: 'creditUnit:ContinuingEducationUnit', name: 'Continuing Education Unit' },
  clock: { node: 'creditUnit:ClockHour', name: 'Clock Hour' },
};

export const CREDENTIAL_STATUS_FRAMEWORK = 'https://credreg.net/ctdl/terms/CredentialStatus';
export const LIFE_CYCLE_FRAMEWORK = 'https://credreg.net/ctdl/terms/LifeCycleStatus';

/**
 * The `ceterms:identifierTypeName`s under which credstack carries its own data in
 * `ceterms:identifier` values, so that a CTDL export reads back into the same stacking graph.
 */
export const IDENTIFIERS = {
  /** The catalog id of the credential a resource or component stands for. */
  credential: 'credstack credential',
  /** The requirement (id or path) of the program a component stands for. */
  requirement: 'credstack requirement',
  /** How the credential counts there: credential, program, where or rule (a stacking edge's `via`). */
  via: 'credstack via',
  /** The credit rule that makes it count, for `via` rule. */
  rule: 'credstack credit rule',
  /** The catalog id of a program a pathway leads to. */
  program: 'credstack program',
} as const;

/** The language every name and description is written in. */
export const LANGUAGE = 'en-US';

/**
 * A CTID (`ce-` and a UUID) made from a seed: the same seed always gives the same CTID, so that
 * an export can be published again and update, not duplicate, its resources. The UUID is version 8
 * (RFC 9562, custom) from a 128-bit FNV-1a-style hash of the seed.
 */
export function ctidFor(seed: string): string {
  const words = [0x811c9dc5, 0x050c5d1f, 0x2b3e4d5c, 0x6a09e667];
  for (let i = 0; i < seed.length; i++) {
    const code = seed.charCodeAt(i);
    for (let w = 0; w < 4; w++) words[w] = Math.imul(words[w]! ^ (code + w * 0x9e37), 0x01000193) >>> 0;
  }
  // Each word mixed with the one before it (murmur3's finaliser), so that every bit depends on the whole seed.
  const mix = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  for (let round = 0; round < 2; round++) for (let w = 0; w < 4; w++) words[w] = mix(words[w]! ^ words[(w + 3) % 4]!);
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `ce-${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
