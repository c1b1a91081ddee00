import type { StackingEdge, StackingNode } from '../catalog/stacking-graph.js';
import type { Catalog } from '../model/catalog.js';
import type { Credential, CredentialKind } from '../model/credential.js';
import type { Program } from '../model/program.js';
import {
  componentClass,
  CREDENTIAL_CLASSES,
  CREDENTIAL_STATUS_FRAMEWORK,
  CREDENTIAL_SUBCLASSES,
  CREDIT_UNIT_FRAMEWORK,
  CREDIT_UNITS,
  ctidFor,
  IDENTIFIERS,
  LANGUAGE,
  LIFE_CYCLE_FRAMEWORK,
  REGISTRY_RESOURCES,
} from './ctdl-vocabulary.js';

/** A JSON-LD node of a CTDL document. */
export type CtdlNode = Record<string, unknown>;

/** A CTDL JSON-LD document: the context and a graph of nodes, as the Credential Registry's graphs are. */
export interface CtdlDocument {
  readonly '@context': string;
  readonly '@graph': readonly CtdlNode[];
}

/** A language map in the language credstack writes. */
export const text = (value: string) => ({ [LANGUAGE]: value });

/** A `ceterms:IdentifierValue` carrying credstack data (see {@link IDENTIFIERS}). */
export const identifier = (type: string, code: string): CtdlNode => ({
  '@type': 'ceterms:IdentifierValue',
  'ceterms:identifierTypeName': text(type),
  'ceterms:identifierValueCode': code,
});

const alignment = (framework: string, node: string, name: string): CtdlNode => ({
  '@type': 'ceterms:CredentialAlignmentObject',
  'ceterms:framework': framework,
  'ceterms:targetNode': node,
  'ceterms:targetNodeName': text(name),
});

/** A credit value: a CTDL ValueProfile, its unit a CreditUnit concept when CTDL has one, else named. */
export function valueProfile(credits: { readonly value: number; readonly unit: string }): CtdlNode {
  const concept = Object.hasOwn(CREDIT_UNITS, credits.unit) ? CREDIT_UNITS[credits.unit] : undefined;
  return {
    '@type': 'ceterms:ValueProfile',
    'ceterms:creditUnitType': [
      concept
        ? alignment(CREDIT_UNIT_FRAMEWORK, concept.node, concept.name)
        : { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNodeName': text(credits.unit) },
    ],
    'schema:value': credits.value,
  };
}

const KIND_WORDS: Readonly<Record<CredentialKind, string>> = {
  course: 'course',
  'micro-credential': 'micro-credential',
  badge: 'badge',
  certification: 'certification',
  certificate: 'certificate',
  diploma: 'diploma',
  degree: 'degree',
  'prior-learning': 'prior learning assessment',
};

const VIA_WORDS: Readonly<Record<StackingEdge['via'], string>> = {
  credential: 'Required',
  program: 'Required: the program completed',
  where: 'Counts here: it matches the requirement',
  rule: 'Counts here by a credit rule',
};

/** A pathway being written: its `@id`, and the components made so far. */
export interface PathwayBuilder {
  readonly uri: string;
  /** A component of the pathway; with `parent`, its child (both links written). */
  component(key: readonly string[], cls: string, fields: CtdlNode, parent?: CtdlNode): CtdlNode;
  /** A component standing for a credential; with `edge`, for how that credential counts toward the program. */
  proxy(key: readonly string[], id: string, edge?: StackingEdge, parent?: CtdlNode): CtdlNode;
  /** The pathway node (to `destination`) and its components. */
  finish(destination: CtdlNode, fields: CtdlNode): CtdlNode[];
}

/** Writes the nodes of CTDL documents about one catalog, with stable CTIDs. */
export interface CtdlWriter {
  readonly catalog: Catalog;
  /** The catalog page of a credential or program: the base URL and its id. */
  webpage(id: string): string;
  /** The organization that owns or issues credentials (the institution, or an issuer id): its `@id`. */
  organization(id: string): string;
  /** Every organization referred to so far. */
  organizations(): CtdlNode[];
  /** The resource of a stacking graph node, with the links given (ids of the resources it has as parts or is part of). */
  resource(
    node: StackingNode,
    links?: { readonly parts?: readonly string[]; readonly wholes?: readonly string[] },
  ): CtdlNode;
  resourceUri(id: string): string;
  /** A pathway of the given key (a program and version, a plan). */
  pathway(key: readonly string[]): PathwayBuilder;
}

/**
 * A writer for a catalog's CTDL: every node's CTID is derived from the institution id and what the
 * node is (a resource's catalog id, a pathway's program and version, a component's place), so an
 * export published again updates, not duplicates, its resources. `@id`s are Registry resource URIs;
 * subject webpages are `baseUrl` and the id (default `https://catalog.invalid/<institution>/`, a
 * placeholder to replace before publishing).
 */
export function ctdlWriter(catalog: Catalog, nodes: ReadonlyMap<string, StackingNode>, baseUrl?: string): CtdlWriter {
  const { institution } = catalog;
  const base = baseUrl ?? `https://catalog.invalid/${encodeURIComponent(institution.id)}/`;
  const seeded = (...parts: readonly string[]) => ctidFor(JSON.stringify([institution.id, ...parts]));
  const uri = (ctid: string) => `${REGISTRY_RESOURCES}${ctid}`;
  const resourceUri = (id: string) => uri(seeded('resource', id));
  const webpage = (id: string) => `${base}${encodeURIComponent(id)}`;
  // The entry a graph node was made from (the later of two with one id, as the graph keeps it).
  const entries = new Map<string, Credential | Program>(
    [...catalog.credentials, ...catalog.programs].map((entry) => [entry.id, entry]),
  );
  const creditsOf = (id: string) => {
    const credits = entries.get(id)?.credits;
    return credits ? { value: credits.value, unit: credits.unit ?? catalog.settings.unit } : undefined;
  };
  const organizations = new Map<string, CtdlNode>();
  const organization = (id: string): string => {
    const ctid = seeded('organization', id);
    if (!organizations.has(id))
      organizations.set(id, {
        '@id': uri(ctid),
        '@type': 'ceterms:CredentialOrganization',
        'ceterms:ctid': ctid,
        'ceterms:name': text(id === institution.id ? institution.name : id),
        'ceterms:description': text(
          id === institution.id
            ? `${institution.name}, which publishes these pathways`
            : `Issuer of credentials that count toward programs of ${institution.name}`,
        ),
      });
    return uri(ctid);
  };
  organization(institution.id);

  const resource: CtdlWriter['resource'] = (node, links = {}) => {
    const entry = entries.get(node.id);
    const kind = node.kind as CredentialKind;
    const cls = CREDENTIAL_CLASSES[kind];
    const issuer = entry?.issuer ?? institution.id;
    const credits = creditsOf(node.id);
    const isCredential = (CREDENTIAL_SUBCLASSES as readonly string[]).includes(cls);
    const code = entry?.code;
    const uris = (ids: readonly string[] | undefined) => [...new Set((ids ?? []).map(resourceUri))];
    return {
      '@id': resourceUri(node.id),
      '@type': cls,
      'ceterms:ctid': seeded('resource', node.id),
      'ceterms:name': text(node.title),
      'ceterms:description': text(
        `${code ? `${code} ` : ''}${node.title}: a ${KIND_WORDS[kind]} ${issuer === institution.id ? `of ${institution.name}` : `issued by ${issuer}`}`,
      ),
      'ceterms:subjectWebpage': webpage(node.id),
      'ceterms:ownedBy': [organization(issuer)],
      'ceterms:inLanguage': [LANGUAGE],
      'ceterms:identifier': [identifier(IDENTIFIERS.credential, node.id)],
      ...(code ? { 'ceterms:codedNotation': code } : {}),
      ...(isCredential
        ? { 'ceterms:credentialStatusType': alignment(CREDENTIAL_STATUS_FRAMEWORK, 'credentialStat:Active', 'Active') }
        : { 'ceterms:lifeCycleStatusType': alignment(LIFE_CYCLE_FRAMEWORK, 'lifeCycle:Active', 'Active') }),
      ...(credits && !isCredential ? { 'ceterms:creditValue': [valueProfile(credits)] } : {}),
      ...(credits && isCredential
        ? {
            'ceterms:requires': [
              {
                '@type': 'ceterms:ConditionProfile',
                'ceterms:description': text(`${node.title} is worth ${credits.value} ${credits.unit} credits`),
                'ceterms:creditValue': [valueProfile(credits)],
              },
            ],
          }
        : {}),
      ...(links.parts?.length ? { 'ceterms:hasPart': uris(links.parts) } : {}),
      ...(links.wholes?.length ? { 'ceterms:isPartOf': uris(links.wholes) } : {}),
    };
  };

  const pathway = (key: readonly string[]): PathwayBuilder => {
    const ctid = seeded('pathway', ...key);
    const pathwayUri = uri(ctid);
    const components: CtdlNode[] = [];
    const component: PathwayBuilder['component'] = (componentKey, cls, fields, parent) => {
      const own = seeded('component', ...key, ...componentKey);
      const node: CtdlNode = {
        '@id': uri(own),
        '@type': cls,
        'ceterms:ctid': own,
        ...fields,
        'ceterms:isPartOf': [pathwayUri],
      };
      if (parent) {
        parent['ceterms:hasChild'] = [...((parent['ceterms:hasChild'] as string[] | undefined) ?? []), node['@id']];
        node['ceterms:isChildOf'] = [parent['@id']];
      }
      components.push(node);
      return node;
    };
    const proxy: PathwayBuilder['proxy'] = (componentKey, id, edge, parent) => {
      const node = nodes.get(id)!;
      const kind = node.kind as CredentialKind;
      const cls = componentClass(kind);
      const credits = creditsOf(id);
      return component(
        componentKey,
        cls,
        {
          'ceterms:name': text(node.title),
          ...(edge
            ? {
                'ceterms:description': text(
                  `${VIA_WORDS[edge.via]}${edge.rule ? ` (${edge.rule})` : ''}: ${node.title}`,
                ),
              }
            : {}),
          ...(cls === 'ceterms:CredentialComponent' ? { 'ceterms:credentialType': CREDENTIAL_CLASSES[kind] } : {}),
          'ceterms:proxyFor': resourceUri(id),
          ...(credits ? { 'ceterms:creditValue': [valueProfile(credits)] } : {}),
          'ceterms:identifier': [
            identifier(IDENTIFIERS.credential, id),
            ...(edge
              ? [
                  identifier(IDENTIFIERS.requirement, edge.requirement),
                  identifier(IDENTIFIERS.via, edge.via),
                  ...(edge.rule ? [identifier(IDENTIFIERS.rule, edge.rule)] : []),
                ]
              : []),
          ],
        },
        parent,
      );
    };
    const finish: PathwayBuilder['finish'] = (destination, fields) => {
      destination['ceterms:isDestinationComponentOf'] = [pathwayUri];
      const node: CtdlNode = {
        '@id': pathwayUri,
        '@type': 'ceterms:Pathway',
        'ceterms:ctid': ctid,
        ...fields,
        'ceterms:ownedBy': [organization(institution.id)],
        'ceterms:inLanguage': [LANGUAGE],
        'ceterms:hasDestinationComponent': [destination['@id']],
        'ceterms:hasPart': components.map((c) => c['@id']),
      };
      return [node, ...components];
    };
    return { uri: pathwayUri, component, proxy, finish };
  };

  return {
    catalog,
    webpage,
    organization,
    organizations: () => [...organizations.values()],
    resource,
    resourceUri,
    pathway,
  };
}
