import * as z from 'zod';
import { COMPONENT_CLASSES, CREDENTIAL_CLASSES, CREDENTIAL_SUBCLASSES, CTDL_CONTEXT } from './ctdl-vocabulary.js';

/**
 * The shapes of the CTDL classes credstack writes and reads, as far as they can be checked
 * without the network: every property a term of CTDL on the class it belongs to (objects are
 * strict), the properties the Credential Registry requires of each class (from Credential
 * Engine's published JSON Schemas of the Registry profile: a credential's CTID, name,
 * description, subject webpage, status and owner; a pathway's, with its language and
 * destination), CTIDs, language maps and absolute URIs well formed. What refers to what (and
 * back) is checked over the whole graph by `validateCtdl`.
 */

const CTID = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A BCP 47 language tag, as language maps key their values. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const isAbsoluteUri = (text: string) => {
  try {
    return new URL(text).protocol.length > 1;
  } catch {
    return false;
  }
};

export const Uri = z.string().refine(isAbsoluteUri, { message: 'an absolute URI' });
const Uris = z.array(Uri).min(1);
const Ctid = z.string().regex(CTID, { message: 'a CTID: "ce-" and a lower-case UUID' });
export const LangMap = z
  .record(z.string().regex(LANGUAGE_TAG, { message: 'a BCP 47 language tag' }), z.string().min(1))
  .refine((map) => Object.keys(map).length > 0, { message: 'a language map with at least one language' });
export type LangMap = z.infer<typeof LangMap>;

const AlignmentObject = z
  .object({
    '@type': z.literal('ceterms:CredentialAlignmentObject'),
    'ceterms:framework': Uri.optional(),
    'ceterms:frameworkName': LangMap.optional(),
    'ceterms:targetNode': z.string().min(1).optional(),
    'ceterms:targetNodeName': LangMap.optional(),
  })
  .strict()
  .refine((a) => a['ceterms:targetNode'] !== undefined || a['ceterms:targetNodeName'] !== undefined, {
    message: 'a target node or its name',
  });
export type AlignmentObject = z.infer<typeof AlignmentObject>;

export const ValueProfile = z
  .object({
    '@type': z.literal('ceterms:ValueProfile'),
    'ceterms:creditUnitType': z.array(AlignmentObject).min(1),
    'schema:value': z.number().nonnegative().finite(),
  })
  .strict();
export type ValueProfile = z.infer<typeof ValueProfile>;

export const IdentifierValue = z
  .object({
    '@type': z.literal('ceterms:IdentifierValue'),
    'ceterms:identifierTypeName': LangMap,
    'ceterms:identifierValueCode': z.string().min(1),
  })
  .strict();

const ConditionProfile = z
  .object({
    '@type': z.literal('ceterms:ConditionProfile'),
    'ceterms:description': LangMap,
    'ceterms:creditValue': z.array(ValueProfile).min(1).optional(),
  })
  .strict();

/** A ComponentCondition: how many of its targets (and of its nested conditions) are needed. */
export interface ComponentCondition {
  readonly '@type': 'ceterms:ComponentCondition';
  readonly 'ceterms:name': LangMap;
  readonly 'ceterms:description'?: LangMap;
  readonly 'ceterms:requiredNumber'?: number;
  readonly 'ceterms:targetComponent'?: string[];
  readonly 'ceterms:hasCondition'?: ComponentCondition[];
}
export const ComponentCondition: z.ZodType<ComponentCondition> = z.lazy(() =>
  z
    .object({
      '@type': z.literal('ceterms:ComponentCondition'),
      'ceterms:name': LangMap,
      'ceterms:description': LangMap.optional(),
      'ceterms:requiredNumber': z.number().int().nonnegative().optional(),
      'ceterms:targetComponent': Uris.optional(),
      'ceterms:hasCondition': z.array(ComponentCondition).min(1).optional(),
    })
    .strict(),
);

const described = {
  '@id': Uri,
  'ceterms:ctid': Ctid,
  'ceterms:name': LangMap,
};

export const Organization = z
  .object({
    ...described,
    '@type': z.literal('ceterms:CredentialOrganization'),
    'ceterms:description': LangMap.optional(),
    'ceterms:subjectWebpage': Uri.optional(),
  })
  .strict();

const isCredentialClass = (cls: string) => (CREDENTIAL_SUBCLASSES as readonly string[]).includes(cls);

/** A credential, course or assessment: what a catalog credential or program is published as. */
export const Resource = z
  .object({
    ...described,
    '@type': z.enum(Object.values(CREDENTIAL_CLASSES) as [string, ...string[]]),
    'ceterms:description': LangMap,
    'ceterms:subjectWebpage': Uri,
    'ceterms:ownedBy': Uris.optional(),
    'ceterms:offeredBy': Uris.optional(),
    'ceterms:inLanguage': z.array(z.string().regex(LANGUAGE_TAG)).min(1).optional(),
    'ceterms:identifier': z.array(IdentifierValue).min(1).optional(),
    'ceterms:codedNotation': z.string().min(1).optional(),
    'ceterms:credentialStatusType': AlignmentObject.optional(),
    'ceterms:lifeCycleStatusType': AlignmentObject.optional(),
    'ceterms:creditValue': z.array(ValueProfile).min(1).optional(),
    'ceterms:requires': z.array(ConditionProfile).min(1).optional(),
    'ceterms:hasPart': Uris.optional(),
    'ceterms:isPartOf': Uris.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const credential = isCredentialClass(r['@type']);
    const misplaced: [boolean, string, string][] = [
      [
        r['ceterms:ownedBy'] === undefined && r['ceterms:offeredBy'] === undefined,
        'ceterms:ownedBy',
        'an owner (ceterms:ownedBy) or provider (ceterms:offeredBy)',
      ],
      [
        credential && r['ceterms:credentialStatusType'] === undefined,
        'ceterms:credentialStatusType',
        'a credential status (required of credentials)',
      ],
      [
        !credential && r['ceterms:lifeCycleStatusType'] === undefined,
        'ceterms:lifeCycleStatusType',
        'a life cycle status (required of courses and assessments)',
      ],
      [
        credential && r['ceterms:creditValue'] !== undefined,
        'ceterms:creditValue',
        'no ceterms:creditValue on a credential (its credit value goes in ceterms:requires)',
      ],
      [
        credential && r['ceterms:lifeCycleStatusType'] !== undefined,
        'ceterms:lifeCycleStatusType',
        'no ceterms:lifeCycleStatusType on a credential (ceterms:credentialStatusType)',
      ],
      [
        !credential && r['ceterms:credentialStatusType'] !== undefined,
        'ceterms:credentialStatusType',
        `no ceterms:credentialStatusType on a ${r['@type']}`,
      ],
    ];
    for (const [broken, path, message] of misplaced)
      if (broken) ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type Resource = z.infer<typeof Resource>;

export const Pathway = z
  .object({
    ...described,
    '@type': z.literal('ceterms:Pathway'),
    'ceterms:description': LangMap,
    'ceterms:subjectWebpage': Uri,
    'ceterms:ownedBy': Uris,
    'ceterms:inLanguage': z.array(z.string().regex(LANGUAGE_TAG)).min(1),
    'ceterms:identifier': z.array(IdentifierValue).min(1).optional(),
    'ceterms:hasDestinationComponent': z.array(Uri).length(1),
    'ceterms:hasPart': Uris,
  })
  .strict();
export type Pathway = z.infer<typeof Pathway>;

export const Component = z
  .object({
    ...described,
    '@type': z.enum(COMPONENT_CLASSES),
    'ceterms:description': LangMap.optional(),
    'ceterms:isPartOf': Uris,
    'ceterms:isDestinationComponentOf': Uris.optional(),
    'ceterms:isChildOf': Uris.optional(),
    'ceterms:hasChild': Uris.optional(),
    'ceterms:precedes': Uris.optional(),
    'ceterms:precededBy': Uris.optional(),
    'ceterms:hasCondition': z.array(ComponentCondition).min(1).optional(),
    'ceterms:proxyFor': Uri.optional(),
    'ceterms:credentialType': z.enum(CREDENTIAL_SUBCLASSES).optional(),
    'ceterms:creditValue': z.array(ValueProfile).min(1).optional(),
    'ceterms:identifier': z.array(IdentifierValue).min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c['ceterms:credentialType'] !== undefined && c['@type'] !== 'ceterms:CredentialComponent')
      ctx.addIssue({
        code: 'custom',
        path: ['ceterms:credentialType'],
        message: 'a credential type only on a ceterms:CredentialComponent',
      });
    if (c['ceterms:proxyFor'] !== undefined && c['@type'] === 'ceterms:BasicComponent')
      ctx.addIssue({
        code: 'custom',
        path: ['ceterms:proxyFor'],
        message: 'no ceterms:proxyFor on a ceterms:BasicComponent',
      });
  });
export type Component = z.infer<typeof Component>;

/** A node of a CTDL graph, told apart by its `@type`. */
export const CtdlGraphNode = z.union([Organization, Resource, Pathway, Component]);
export type CtdlGraphNode = z.infer<typeof CtdlGraphNode>;

/** A CTDL JSON-LD document: CTDL's context and a graph of nodes. */
export const CtdlDocumentSchema = z
  .object({
    '@context': z.literal(CTDL_CONTEXT, { error: `CTDL's JSON-LD context, ${CTDL_CONTEXT}` }),
    '@graph': z.array(z.looseObject({ '@type': z.string() })).min(1),
  })
  .strict();

/** The schema of a graph node of a given `@type`, or undefined for a type credstack does not know. */
export function nodeSchema(type: string): z.ZodType<CtdlGraphNode> | undefined {
  if (type === 'ceterms:CredentialOrganization') return Organization;
  if (type === 'ceterms:Pathway') return Pathway;
  if ((COMPONENT_CLASSES as readonly string[]).includes(type)) return Component;
  if ((Object.values(CREDENTIAL_CLASSES) as string[]).includes(type)) return Resource;
  return undefined;
}
