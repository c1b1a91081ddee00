import { requirementIds } from '../catalog/requirement-tree.js';
import { buildStackingGraph, type StackingGraph } from '../catalog/stacking-graph.js';
import type { Catalog } from '../model/catalog.js';
import type { Program } from '../model/program.js';
import type { Requirement } from '../model/requirement.js';
import { childrenOf, kindModule, leafOf } from '../requirements/registry.js';
import { CTDL_CONTEXT, IDENTIFIERS } from './ctdl-vocabulary.js';
import {
  ctdlWriter,
  identifier,
  text,
  valueProfile,
  type CtdlDocument,
  type CtdlNode,
  type CtdlWriter,
} from './ctdl-writer.js';

/** How to write a CTDL export. */
export interface CtdlExportOptions {
  /** The date hypothetical awards are taken as earned when the stacking graph is built. */
  readonly asOf: string;
  /** Where the institution's catalog pages are (see `ctdlWriter` in ctdl-writer.ts). */
  readonly baseUrl?: string;
}

/**
 * The stacking graph of a catalog as CTDL JSON-LD (Credential Engine's vocabulary), as an
 * institution would publish its stackable pathways to a credential registry:
 * - every credential and program a resource of its CTDL class (`ceterms:Course`,
 *   `ceterms:MicroCredential`, `ceterms:Certificate`, ...), with its credit value (a course's
 *   `ceterms:creditValue`; another credential's `ceterms:requires` condition), owned by the
 *   institution or its issuer, `ceterms:hasPart` / `ceterms:isPartOf` for what a program names;
 * - every program (each catalog year) a `ceterms:Pathway` to it: a destination component for the
 *   program, its `all`/`any` requirements as nested `ceterms:ComponentCondition`s, a component
 *   for each leaf (a course or credential it names, or a `ceterms:BasicComponent` for a
 *   condition over credentials), and below each leaf a component for every credential that can
 *   meet it (by matching it, or by a credit rule).
 * credstack's ids travel as `ceterms:identifier` values, so the document reads back into the same
 * stacking graph (`ctdlToStackingGraph`).
 *
 * @example
 * ```ts
 * import { type Catalog, stackingGraphToCtdl } from 'credstack';
 *
 * declare const catalog: Catalog; // loadCatalog(...).value
 * const document = stackingGraphToCtdl(catalog, { asOf: '2026-03-01', baseUrl: 'https://catalog.example.edu/' });
 * console.log(JSON.stringify(document, null, 2)); // CTDL JSON-LD, ready for a credential registry
 * ```
 */
export function stackingGraphToCtdl(catalog: Catalog, options: CtdlExportOptions): CtdlDocument {
  const graph = buildStackingGraph(catalog, options.asOf);
  const writer = ctdlWriter(catalog, new Map(graph.nodes.map((node) => [node.id, node])), options.baseUrl);
  const parts = new Map<string, string[]>();
  const wholes = new Map<string, string[]>();
  for (const edge of graph.edges)
    if (edge.via === 'credential' || edge.via === 'program') {
      parts.set(edge.to, [...(parts.get(edge.to) ?? []), edge.from]);
      wholes.set(edge.from, [...(wholes.get(edge.from) ?? []), edge.to]);
    }
  const resources = graph.nodes.map((node) =>
    writer.resource(node, { parts: parts.get(node.id) ?? [], wholes: wholes.get(node.id) ?? [] }),
  );
  const pathways = catalog.programs.flatMap((program) => pathwayNodes(writer, graph, program));
  return { '@context': CTDL_CONTEXT, '@graph': [...writer.organizations(), ...resources, ...pathways] };
}

/** One version of a program as a `ceterms:Pathway` and its components. */
function pathwayNodes(writer: CtdlWriter, graph: StackingGraph, program: Program): CtdlNode[] {
  const version = program.effective?.from ?? '';
  const builder = writer.pathway([program.id, version]);
  const ids = requirementIds(program.requirements);
  const destination = builder.proxy(['destination'], program.id);
  const unit = program.credits?.unit ?? writer.catalog.settings.unit;

  /** A leaf requirement as a component below the destination, with what can meet it below it. */
  const leafComponent = (node: Requirement): CtdlNode => {
    const spec = leafOf(node)!;
    const requirement = ids.get(node)!;
    const edges = graph.edges.filter((e) => e.to === program.id && e.requirement === requirement);
    const named = spec.counts;
    const primary =
      named === undefined
        ? undefined
        : edges.find((e) => e.from === named && (e.via === 'credential' || e.via === 'program'));
    const label = node.label ?? requirement;
    const measure = spec.measure === 'credits' ? `${spec.amount} credits` : `${spec.amount}`;
    const leaf =
      named !== undefined
        ? builder.proxy(['leaf', requirement], named, primary, destination)
        : builder.component(
            ['leaf', requirement],
            'ceterms:BasicComponent',
            {
              'ceterms:name': text(label),
              'ceterms:description': text(
                `${measure} of the credentials below${spec.distinct ? `, each of a different ${spec.distinct}` : ''}`,
              ),
              ...(spec.measure === 'credits'
                ? { 'ceterms:creditValue': [valueProfile({ value: spec.amount, unit })] }
                : {}),
              'ceterms:identifier': [identifier(IDENTIFIERS.requirement, requirement)],
            },
            destination,
          );
    const options = edges
      .filter((e) => e !== primary)
      .map((e) => builder.proxy(['option', requirement, e.from, e.via, e.rule ?? ''], e.from, e, leaf));
    if (named === undefined && options.length > 0)
      leaf['ceterms:hasCondition'] = [
        {
          '@type': 'ceterms:ComponentCondition',
          'ceterms:name': text(`${label}: ${measure} of these`),
          ...(spec.measure === 'count' ? { 'ceterms:requiredNumber': spec.amount } : {}),
          'ceterms:targetComponent': options.map((o) => o['@id']),
        },
      ];
    return leaf;
  };

  /** A requirement as the condition that says what of it is needed. */
  const condition = (node: Requirement): CtdlNode => {
    const module = kindModule(node);
    const requirement = ids.get(node)!;
    if (module.shape === 'leaf')
      return {
        '@type': 'ceterms:ComponentCondition',
        'ceterms:name': text(node.label ?? requirement),
        'ceterms:requiredNumber': 1,
        'ceterms:targetComponent': [leafComponent(node)['@id']],
      };
    const children = childrenOf(node);
    const leaves = children.filter((c) => kindModule(c).shape === 'leaf');
    const groups = children.filter((c) => kindModule(c).shape !== 'leaf');
    const needed = module.childrenNeeded(node) ?? children.length;
    return {
      '@type': 'ceterms:ComponentCondition',
      'ceterms:name': text(
        `${node.label ?? requirement}: ${needed === children.length ? 'all' : needed} of ${children.length}`,
      ),
      'ceterms:requiredNumber': needed,
      ...(leaves.length > 0 ? { 'ceterms:targetComponent': leaves.map((c) => leafComponent(c)['@id']) } : {}),
      ...(groups.length > 0 ? { 'ceterms:hasCondition': groups.map(condition) } : {}),
    };
  };
  destination['ceterms:hasCondition'] = [condition(program.requirements)];

  const title = graph.nodes.find((n) => n.id === program.id)?.title ?? program.title;
  return builder.finish(destination, {
    'ceterms:name': text(`Pathway to the ${title}${version ? ` (catalog year from ${version})` : ''}`),
    'ceterms:description': text(
      `How credentials stack into the ${title} at ${writer.catalog.institution.name}: its requirements, what meets each, and the credit rules that count learning from elsewhere.`,
    ),
    'ceterms:subjectWebpage': writer.webpage(program.id),
    'ceterms:identifier': [identifier(IDENTIFIERS.program, program.id)],
  });
}
