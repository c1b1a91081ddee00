import type { StackingEdge, StackingNode } from '../catalog/stacking-graph.js';
import { describeValue, fail, ok, type Issue, type Result } from '../model/issue.js';
import { parseWith } from '../model/parse.js';
import {
  CtdlDocumentSchema,
  nodeSchema,
  type Component,
  type ComponentCondition,
  type CtdlGraphNode,
  type LangMap,
  type Pathway,
  type Resource,
} from './ctdl-schema.js';
import { COMPONENT_CLASSES, IDENTIFIERS, KIND_OF_CLASS } from './ctdl-vocabulary.js';

/** A CTDL document that passed {@link validateCtdl}: its nodes by `@id`. */
export interface ValidCtdl {
  readonly nodes: ReadonlyMap<string, CtdlGraphNode>;
  /** Each node's index in `@graph`, for issue paths. */
  readonly index: ReadonlyMap<string, number>;
}

type Family = 'organization' | 'resource' | 'pathway' | 'component';

const familyOf = (node: CtdlGraphNode): Family =>
  node['@type'] === 'ceterms:CredentialOrganization'
    ? 'organization'
    : node['@type'] === 'ceterms:Pathway'
      ? 'pathway'
      : (COMPONENT_CLASSES as readonly string[]).includes(node['@type'])
        ? 'component'
        : 'resource';

const FAMILY_WORDS: Readonly<Record<Family, string>> = {
  organization: 'a ceterms:CredentialOrganization',
  resource: 'a credential, course or assessment',
  pathway: 'a ceterms:Pathway',
  component: 'a pathway component',
};

/** A reference property of a node's family: the family its targets must be of, and its inverse property. */
interface ReferenceRule {
  readonly property: string;
  readonly family: Family;
  readonly inverse?: string;
}

const link = (property: string, family: Family, inverse?: string): ReferenceRule =>
  inverse === undefined ? { property, family } : { property, family, inverse };

/** The references each family of node may make (CTDL's links between the classes credstack writes). */
const REFERENCE_RULES: Readonly<Record<Family, readonly ReferenceRule[]>> = {
  organization: [],
  resource: [
    link('ceterms:ownedBy', 'organization'),
    link('ceterms:offeredBy', 'organization'),
    link('ceterms:hasPart', 'resource', 'ceterms:isPartOf'),
    link('ceterms:isPartOf', 'resource', 'ceterms:hasPart'),
  ],
  pathway: [
    link('ceterms:ownedBy', 'organization'),
    link('ceterms:hasPart', 'component', 'ceterms:isPartOf'),
    link('ceterms:hasDestinationComponent', 'component', 'ceterms:isDestinationComponentOf'),
  ],
  component: [
    link('ceterms:isPartOf', 'pathway', 'ceterms:hasPart'),
    link('ceterms:isDestinationComponentOf', 'pathway', 'ceterms:hasDestinationComponent'),
    link('ceterms:hasChild', 'component', 'ceterms:isChildOf'),
    link('ceterms:isChildOf', 'component', 'ceterms:hasChild'),
    link('ceterms:precedes', 'component', 'ceterms:precededBy'),
    link('ceterms:precededBy', 'component', 'ceterms:precedes'),
    link('ceterms:proxyFor', 'resource'),
  ],
};

/** The URIs a node gives for a property (one URI or a list). */
function urisOf(node: CtdlGraphNode, property: string): readonly string[] {
  const value = (node as Record<string, unknown>)[property];
  return value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
}

/** Every component a condition tree targets. */
const targetsOf = (conditions: readonly ComponentCondition[] | undefined): string[] =>
  (conditions ?? []).flatMap((c) => [...(c['ceterms:targetComponent'] ?? []), ...targetsOf(c['ceterms:hasCondition'])]);

/**
 * Validates a CTDL JSON-LD document as far as can be done offline (see `ctdl-schema.ts` for the
 * shapes): CTDL's context, each node's shape by its `@type`, unique `@id`s and CTIDs, every
 * reference resolving to a node of the right class in the graph, every link matched by its
 * inverse (`hasPart`/`isPartOf`, `hasChild`/`isChildOf`, a pathway's destination), and every
 * condition targeting children of its component. Problems are issues with JSON paths.
 *
 * @example
 * ```ts
 * import { issueText, validateCtdl } from 'credstack';
 *
 * declare const json: unknown; // a CTDL JSON-LD document, parsed
 * const valid = validateCtdl(json, 'pathways.jsonld');
 * if (!valid.ok) console.error(valid.issues.map(issueText).join('\n'));
 * ```
 */
export function validateCtdl(json: unknown, file?: string): Result<ValidCtdl> {
  const document = parseWith(CtdlDocumentSchema, json, file);
  if (!document.ok) return document;
  const at = file === undefined ? {} : { file };
  const issues: Issue[] = [];
  const nodes = new Map<string, CtdlGraphNode>();
  const index = new Map<string, number>();
  const ctids = new Set<string>();
  document.value['@graph'].forEach((raw, i) => {
    const schema = nodeSchema(raw['@type']);
    if (!schema) {
      issues.push({
        code: 'invalid-shape',
        ...at,
        path: ['@graph', i, '@type'],
        expected:
          'a CTDL class credstack writes (a credential, course, assessment, organization, pathway or pathway component)',
        received: describeValue(raw['@type']),
      });
      return;
    }
    const parsed = parseWith(schema, raw, file);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((issue) => ({ ...issue, path: ['@graph', i, ...issue.path] })));
      return;
    }
    const node = parsed.value;
    const ctid = node['ceterms:ctid'];
    for (const [seen, key, value] of [
      [nodes.has(node['@id']), '@id', node['@id']],
      [ctids.has(ctid), 'ceterms:ctid', ctid],
    ] as const)
      if (seen)
        issues.push({
          code: 'duplicate-id',
          ...at,
          path: ['@graph', i, key],
          expected: `a ${key} used once`,
          received: describeValue(value),
        });
    nodes.set(node['@id'], node);
    index.set(node['@id'], i);
    ctids.add(ctid);
  });
  if (issues.length > 0) return fail(issues);

  for (const [id, node] of nodes) {
    const path = ['@graph', index.get(id)!];
    for (const reference of REFERENCE_RULES[familyOf(node)])
      urisOf(node, reference.property).forEach((uri, k) => {
        const target = nodes.get(uri);
        const where = [
          ...path,
          reference.property,
          ...(Array.isArray((node as Record<string, unknown>)[reference.property]) ? [k] : []),
        ];
        if (!target || familyOf(target) !== reference.family)
          issues.push({
            code: 'unknown-reference',
            ...at,
            path: where,
            expected: `the @id of ${FAMILY_WORDS[reference.family]} in the graph`,
            received: describeValue(uri),
          });
        else if (reference.inverse && !urisOf(target, reference.inverse).includes(id))
          issues.push({
            code: 'invalid-shape',
            ...at,
            path: where,
            expected: `a link its target returns: ${uri} has no ${reference.inverse} ${id}`,
          });
      });
    if (familyOf(node) === 'component') {
      const children = urisOf(node, 'ceterms:hasChild');
      for (const target of targetsOf((node as Component)['ceterms:hasCondition']))
        if (!children.includes(target))
          issues.push({
            code: 'unknown-reference',
            ...at,
            path: [...path, 'ceterms:hasCondition'],
            expected: `conditions that target children of their component (${target} is not one)`,
          });
    }
  }
  return issues.length > 0 ? fail(issues) : ok({ nodes, index });
}

/** The value of a language map in any language (credstack writes one). */
const textOf = (map: LangMap) => Object.values(map)[0]!;

/** The code of a node's `ceterms:identifier` of a credstack type. */
function identifierOf(node: CtdlGraphNode, type: string): string | undefined {
  const values = (node as { 'ceterms:identifier'?: Resource['ceterms:identifier'] })['ceterms:identifier'] ?? [];
  return values.find((v) => Object.values(v['ceterms:identifierTypeName']).includes(type))?.[
    'ceterms:identifierValueCode'
  ];
}

const VIAS = new Set<string>(['credential', 'program', 'where', 'rule']);

/** A stacking graph read from CTDL: its nodes (sorted by id) and edges (sorted). */
export interface CtdlStackingGraph {
  readonly nodes: readonly StackingNode[];
  readonly edges: readonly StackingEdge[];
}

/**
 * Reads a CTDL document written by `stackingGraphToCtdl` back into a stacking graph: a node for
 * each credential, course and assessment (its credstack id, kind from its class, title; a program
 * when a pathway leads to it), an edge for each pathway component that says how its credential
 * counts toward the pathway's program. The document is validated first ({@link validateCtdl}).
 *
 * @example
 * ```ts
 * import { ctdlToStackingGraph, issueText } from 'credstack';
 *
 * declare const json: unknown; // a CTDL document written by stackingGraphToCtdl, parsed
 * const graph = ctdlToStackingGraph(json, 'pathways.jsonld');
 * if (graph.ok) console.log(graph.value.edges.length);
 * else console.error(graph.issues.map(issueText).join('\n'));
 * ```
 */
export function ctdlToStackingGraph(json: unknown, file?: string): Result<CtdlStackingGraph> {
  const valid = validateCtdl(json, file);
  if (!valid.ok) return valid;
  const { nodes, index } = valid.value;
  const at = file === undefined ? {} : { file };
  const issues: Issue[] = [];
  const idOf = (node: CtdlGraphNode) => identifierOf(node, IDENTIFIERS.credential) ?? node['ceterms:ctid'];
  const programs = new Set<string>();
  const edges = new Map<string, StackingEdge>();
  for (const node of nodes.values()) {
    if (node['@type'] !== 'ceterms:Pathway') continue;
    const pathway = node as Pathway;
    const destination = nodes.get(pathway['ceterms:hasDestinationComponent'][0]!) as Component;
    const target = destination['ceterms:proxyFor'] ? nodes.get(destination['ceterms:proxyFor']) : undefined;
    if (!target) {
      issues.push({
        code: 'unknown-reference',
        ...at,
        path: ['@graph', index.get(destination['@id'])!, 'ceterms:proxyFor'],
        expected: 'the program the pathway leads to, as the destination component proxyFor',
      });
      continue;
    }
    const program = idOf(target);
    programs.add(target['@id']);
    for (const part of pathway['ceterms:hasPart']) {
      const component = nodes.get(part)!;
      const via = identifierOf(component, IDENTIFIERS.via);
      if (via === undefined) continue;
      const proxied = (component as Component)['ceterms:proxyFor'];
      const requirement = identifierOf(component, IDENTIFIERS.requirement);
      const rule = identifierOf(component, IDENTIFIERS.rule);
      if (
        !VIAS.has(via) ||
        requirement === undefined ||
        proxied === undefined ||
        (via === 'rule') !== (rule !== undefined)
      ) {
        issues.push({
          code: 'invalid-shape',
          ...at,
          path: ['@graph', index.get(part)!, 'ceterms:identifier'],
          expected: `a component that counts a credential: a proxyFor, a ${IDENTIFIERS.requirement}, a ${IDENTIFIERS.via} (credential, program, where or rule) and, for rule only, a ${IDENTIFIERS.rule}`,
          received: describeValue(via),
        });
        continue;
      }
      const edge: StackingEdge = {
        from: idOf(nodes.get(proxied)!),
        to: program,
        via: via as StackingEdge['via'],
        requirement,
        ...(rule !== undefined ? { rule } : {}),
      };
      edges.set(JSON.stringify([edge.from, edge.to, edge.via, edge.requirement, edge.rule ?? '']), edge);
    }
  }
  if (issues.length > 0) return fail(issues);
  const graphNodes = [...nodes.values()]
    .filter((node): node is Resource => KIND_OF_CLASS.has(node['@type']))
    .map((node) => ({
      id: idOf(node),
      kind: KIND_OF_CLASS.get(node['@type'])!,
      title: textOf(node['ceterms:name']),
      isProgram: programs.has(node['@id']),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ok({ nodes: graphNodes, edges: [...edges.keys()].sort().map((key) => edges.get(key)!) });
}
