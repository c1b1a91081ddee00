import type { StackingNode } from '../catalog/stacking-graph.js';
import type { Catalog } from '../model/catalog.js';
import type { PathwayPlan } from '../pathways/plan.js';
import { CTDL_CONTEXT, IDENTIFIERS } from './ctdl-vocabulary.js';
import { ctdlWriter, identifier, text, type CtdlDocument, type CtdlNode } from './ctdl-writer.js';

/** How to write a plan as CTDL. */
export interface CtdlPlanOptions {
  /** Whose plan it is (a learner id), named in the pathway. */
  readonly learner?: string;
  /** Where the institution's catalog pages are (see `ctdlWriter`). */
  readonly baseUrl?: string;
}

/**
 * A plan (the credentials to earn next to complete a program) as a CTDL `ceterms:Pathway`: its
 * destination the target program, a component for each credential to earn below it (each a proxy
 * for the credential's resource, its step in its description), the steps in order through
 * `ceterms:precedes` / `ceterms:precededBy`, and a condition asking for every one. The graph holds
 * the resources of the target and of the planned credentials, and their owners.
 *
 * @example
 * ```ts
 * import { type Catalog, type PathwayPlan, planToCtdl } from 'credstack';
 *
 * declare const catalog: Catalog; // loadCatalog(...).value
 * declare const best: PathwayPlan; // (await plan(catalog, transcript, { target })).value.best
 * const pathway = planToCtdl(catalog, best, { learner: 's-2001' });
 * ```
 */
export function planToCtdl(catalog: Catalog, plan: PathwayPlan, options: CtdlPlanOptions = {}): CtdlDocument {
  const programIds = new Set(catalog.programs.map((p) => p.id));
  const nodes = new Map<string, StackingNode>(
    [...catalog.credentials, ...catalog.programs].map((entry) => [
      entry.id,
      { id: entry.id, kind: entry.kind, title: entry.title, isProgram: programIds.has(entry.id) },
    ]),
  );
  const writer = ctdlWriter(catalog, nodes, options.baseUrl);
  const builder = writer.pathway(['plan', options.learner ?? '', plan.target, ...plan.credentials]);
  const destination = builder.proxy(['destination'], plan.target);
  const steps = plan.steps.map((step) =>
    step.credentials.map((id) => {
      const component = builder.proxy(['step', String(step.step), id], id, undefined, destination);
      component['ceterms:description'] = text(`Step ${step.step} of the plan: ${nodes.get(id)!.title}`);
      return component;
    }),
  );
  steps.forEach((step, i) => {
    const next = steps[i + 1] ?? [];
    for (const component of step) if (next.length > 0) component['ceterms:precedes'] = next.map((c) => c['@id']);
    for (const component of next) component['ceterms:precededBy'] = step.map((c) => c['@id']);
  });
  const planned = steps.flat();
  if (planned.length > 0)
    destination['ceterms:hasCondition'] = [
      {
        '@type': 'ceterms:ComponentCondition',
        'ceterms:name': text('Earn every credential of the plan'),
        'ceterms:requiredNumber': planned.length,
        'ceterms:targetComponent': planned.map((c) => c['@id']),
      },
    ];
  const title = nodes.get(plan.target)!.title;
  const pathway = builder.finish(destination, {
    'ceterms:name': text(`Plan to complete the ${title}${options.learner ? ` (${options.learner})` : ''}`),
    'ceterms:description': text(
      `${plan.cost.items} credentials worth ${plan.cost.credits} credits, in ${plan.steps.length} steps; ${plan.proven ? 'proven the cheapest' : 'the best found within the time limit, not proven the cheapest'}.`,
    ),
    'ceterms:subjectWebpage': writer.webpage(plan.target),
    'ceterms:identifier': [identifier(IDENTIFIERS.program, plan.target)],
  });
  const resources: CtdlNode[] = [plan.target, ...plan.credentials].map((id) => writer.resource(nodes.get(id)!));
  return { '@context': CTDL_CONTEXT, '@graph': [...writer.organizations(), ...resources, ...pathway] };
}
