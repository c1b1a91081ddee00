import * as z from 'zod';
import { CreditNumber, hasType, LdType, Profile, VcDate } from './open-badges-schema.js';

/**
 * European Learning Model 3 (Europass EDC) credentials, the fields credstack reads, after
 * {@link withoutPrefixes}: the EDC application profile writes `hasClaim`, `title`; other
 * compactions (the EBSI VCDM 2.0 examples) write `elm:hasClaim`, `dc:title`.
 */

/** The vocabularies ELM compactions prefix terms with. */
const PREFIXES = new Set([
  'adms',
  'cred',
  'dc',
  'dcterms',
  'elm',
  'foaf',
  'locn',
  'prov',
  'rdf',
  'rdfs',
  'schema',
  'skos',
]);

/**
 * The same JSON with `elm:`, `dc:`, `skos:` (and the like) taken off its keys; an unprefixed key
 * wins over a prefixed one of the same name. Input depth is checked before this runs.
 */
export function withoutPrefixes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrefixes);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  const bare = (key: string) => {
    const colon = key.indexOf(':');
    return colon > 0 && PREFIXES.has(key.slice(0, colon)) ? key.slice(colon + 1) : key;
  };
  for (const [key, child] of entries) if (bare(key) === key) out[key] = withoutPrefixes(child);
  for (const [key, child] of entries) if (!Object.hasOwn(out, bare(key))) out[bare(key)] = withoutPrefixes(child);
  return out;
}

/**
 * A path into {@link withoutPrefixes}'s output as the input writes it: keys with their prefixes,
 * and no index where the input has one value where the schema reads a list.
 */
export function originalPath(input: unknown, path: readonly (string | number)[]): (string | number)[] {
  const out: (string | number)[] = [];
  let node: unknown = input;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) continue;
      out.push(segment);
      node = node[segment];
      continue;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      out.push(segment);
      node = undefined;
      continue;
    }
    const keys = Object.keys(node);
    const key = keys.includes(segment) ? segment : (keys.find((k) => k.endsWith(`:${segment}`)) ?? segment);
    out.push(key);
    node = (node as Record<string, unknown>)[key];
  }
  return out;
}

/** One value or several (JSON-LD compaction writes one value bare): a list either way, issues inside it. */
const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(schema));

/** A language map (`{ "en": "Title" }`), or a plain string. */
export const LangText = z.union([z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))]);
export type LangText = z.infer<typeof LangText>;

const Concept = z.looseObject({
  id: z.string().optional(),
  notation: z.string().optional(),
  prefLabel: LangText.optional(),
});
export type Concept = z.infer<typeof Concept>;

/** A credit point: how many credits, in which framework (ECTS, ...). */
const CreditPoint = z.looseObject({ framework: Concept.optional(), point: CreditNumber });
export type CreditPoint = z.infer<typeof CreditPoint>;

const Organisation = z.looseObject({ id: z.string().min(1), legalName: LangText.optional() });

const LearningOutcome = z.looseObject({
  relatedESCOSkill: oneOrMany(Concept).optional(),
  relatedSkill: oneOrMany(Concept).optional(),
});

/** What an achievement is an achievement of: a qualification or learning achievement specification. */
const Specification = z.looseObject({
  id: z.string().optional(),
  title: LangText.optional(),
  creditPoint: oneOrMany(CreditPoint).optional(),
  eqfLevel: Concept.optional(),
  EQFLevel: Concept.optional(),
  thematicArea: oneOrMany(Concept).optional(),
  educationSubject: oneOrMany(Concept).optional(),
  learningOutcome: oneOrMany(LearningOutcome).optional(),
});

/** A `LearningAchievement` claim: what credstack makes an award of. */
export const AchievementClaim = z.looseObject({
  id: z.string().min(1),
  type: LdType,
  title: LangText.optional(),
  awardedBy: z
    .looseObject({ awardingBody: oneOrMany(Organisation).optional(), awardingDate: VcDate.optional() })
    .optional(),
  specifiedBy: Specification.optional(),
  creditReceived: oneOrMany(CreditPoint).optional(),
  provenBy: oneOrMany(
    z.looseObject({ grade: z.looseObject({ noteLiteral: LangText.optional() }).optional() }),
  ).optional(),
});
export type AchievementClaim = z.infer<typeof AchievementClaim>;

/** A European Digital Credential: its claims are parsed one by one, as their types say. */
export const ElmCredential = z.looseObject({
  id: z.string().min(1),
  type: LdType.refine(hasType(['EuropeanDigitalCredential']), {
    message: 'a type including "EuropeanDigitalCredential"',
  }),
  issuer: Profile,
  validFrom: VcDate.optional(),
  issuanceDate: VcDate.optional(),
  issued: VcDate.optional(),
  validUntil: VcDate.optional(),
  expirationDate: VcDate.optional(),
  displayParameter: z.looseObject({ title: LangText.optional() }).optional(),
  credentialSubject: z.looseObject({
    id: z.string().optional(),
    hasClaim: oneOrMany(z.looseObject({ id: z.string().min(1), type: LdType })),
  }),
});
export type ElmCredential = z.infer<typeof ElmCredential>;

/** The text of a language map: English, else its first language. */
export function textOf(text: LangText | undefined): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const value = Object.hasOwn(text, 'en') ? text.en : Object.values(text)[0];
  return Array.isArray(value) ? value[0] : value;
}
