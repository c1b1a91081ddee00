import { audit, type AuditOptions } from '../audit/audit.js';
import type { ProgramAudit, RequirementResult } from '../audit/audit-result.js';
import type { Catalog } from '../model/catalog.js';
import type { Credential } from '../model/credential.js';
import { z } from 'zod';
import { describeValue, fail, ok, type Result } from '../model/issue.js';
import { Award, type AwardInput, type Transcript, type TranscriptInput } from '../model/transcript.js';
import { prepareCatalog } from '../audit/prepare-catalog.js';
import { auditInput, dateOptions } from '../audit/audit-input.js';
import { bestGrade, hypotheticalFacts } from '../rules/catalog-facts.js';

/** One step of a plan: credentials that can be earned together once the steps before are done. */
export interface PlanStep {
  readonly step: number;
  readonly credentials: readonly string[];
}

/** A way to complete a program: what to earn, in what order, at what cost. */
export interface PathwayPlan {
  readonly target: string;
  /** Credentials to earn, cheapest first within a step. */
  readonly credentials: readonly string[];
  /** Prerequisites as an order: each step needs only what is held or earned in earlier steps. */
  readonly steps: readonly PlanStep[];
  /** Credits the plan adds (in the target's unit), and the number of credentials. */
  readonly cost: { readonly credits: number; readonly items: number };
  /** True when the search proved no cheaper plan exists; false when its budget ran out first. */
  readonly shortest: boolean;
  /** The target's audit with the plan's credentials as planned awards. */
  readonly audit: ProgramAudit;
}

/** What `plan` answers. */
export interface PlanResult {
  readonly best?: PathwayPlan;
  /** Other plans of near-equal cost (within 3 credits of the best). */
  readonly alternatives: readonly PathwayPlan[];
  /** Why no plan was found, when none was. */
  readonly reason?: string;
}

export interface PlanOptions {
  readonly target: string;
  readonly asOf?: string;
  readonly defaultAsOf?: string;
  /** Audits the search may run before settling for the best plan found (default 2,000). */
  readonly budget?: number;
  readonly alternatives?: number;
  /** Awards to count as planned besides the transcript's own (a what-if file). */
  readonly planned?: readonly AwardInput[];
}

const PlanOptionsSchema = z
  .object({
    target: z.string().min(1),
    ...dateOptions,
    budget: z.number().int().positive().optional(),
    alternatives: z.number().int().nonnegative().optional(),
    planned: z.array(Award).optional(),
  })
  .strict();

interface State {
  readonly chosen: readonly string[];
  readonly credits: number;
  readonly audit: ProgramAudit;
}

/**
 * The cheapest set of catalog credentials to earn next that completes `target` (fewest credits,
 * then fewest credentials), reusing everything that already counts and stacking through nested
 * programs. A uniform-cost search over the credentials that would meet an open requirement
 * (with their missing prerequisites), each candidate set checked by a real audit with the
 * credentials as planned awards, so caps, rules and expiry hold. Within its budget the first
 * complete plan is the cheapest; past it, the best found is returned with `shortest: false`.
 */
export function plan(
  catalog: Catalog,
  transcriptInput: TranscriptInput | Transcript,
  options: PlanOptions,
): Result<PlanResult> {
  const input = auditInput(catalog, transcriptInput, options, PlanOptionsSchema);
  if (!input.ok) return input;
  const { asOf, prepared } = input.value;
  const target = prepared.programs.get(options.target);
  if (!target)
    return fail([
      {
        code: 'unknown-reference',
        path: ['target'],
        expected: 'the id of a catalog program',
        received: describeValue(options.target),
      },
    ]);
  const withPlanned = plannedToo(input.value.transcript, input.value.options.planned ?? []);
  if (!withPlanned.ok) return withPlanned;
  const transcript = withPlanned.value;
  const credentials = new Map(catalog.credentials.map((c) => [c.id, c]));
  const held = new Set(
    transcript.awards.filter((a) => a.status !== 'planned').flatMap((a) => (a.credential ? [a.credential] : [])),
  );
  // What a held credential counts as (AWS Cloud Practitioner as Cloud Foundations) meets prerequisites too.
  const satisfied = new Set([...held, ...[...held].flatMap((id) => equivalentsOf(catalog, id, options.target, asOf))]);
  const auditsOf = (chosen: readonly string[], programs: readonly string[]): readonly ProgramAudit[] => {
    const awards: AwardInput[] = [
      ...transcript.awards,
      ...chosen.map((id) => plannedAward(catalog, credentials.get(id)!, asOf)),
    ];
    const result = audit(catalog, { ...transcript, awards }, {
      programs,
      asOf,
      includePlanned: true,
    } satisfies AuditOptions);
    return result.ok ? result.value.audits : [];
  };
  const auditWith = (chosen: readonly string[]): ProgramAudit | undefined => auditsOf(chosen, [options.target])[0];
  const nestedOptions = (chosen: readonly string[]) => {
    const cache = new Map<string, RequirementResult | undefined>();
    return (program: string) => {
      if (!cache.has(program)) cache.set(program, auditsOf(chosen, [program])[0]?.requirements);
      return cache.get(program);
    };
  };
  const creditsOf = (id: string) => plannedCredits(catalog, id, options.target, asOf);
  /** A credential and the prerequisites it still needs, neither held nor chosen. */
  const withPrerequisites = (id: string, chosen: ReadonlySet<string>): string[] => {
    const needed: string[] = [];
    const visit = (cid: string) => {
      if (satisfied.has(cid) || chosen.has(cid) || needed.includes(cid)) return;
      for (const pre of credentials.get(cid)?.prerequisites ?? []) visit(pre);
      needed.push(cid);
    };
    visit(id);
    return needed;
  };

  const budget = options.budget ?? 2_000;
  // The transcript as it is: what an audit finds wrong with it (unknown credentials, stale exceptions) is the plan's answer too.
  const first = audit(catalog, transcript, { programs: [options.target], asOf, includePlanned: true });
  if (!first.ok) return first;
  const start = first.value.audits[0]!;
  const frontier: State[] = [{ chosen: [], credits: 0, audit: start }];
  const seen = new Set<string>(['']);
  const complete: State[] = [];
  let audits = 1;
  let exhausted = false;
  while (frontier.length > 0) {
    frontier.sort(
      (a, b) =>
        a.credits - b.credits || a.chosen.length - b.chosen.length || a.chosen.join().localeCompare(b.chosen.join()),
    );
    const state = frontier.shift()!;
    if (state.audit.status !== 'incomplete') {
      complete.push(state);
      if (complete.length > (options.alternatives ?? 3) || (complete[0] && state.credits > complete[0].credits + 3))
        break;
      continue;
    }
    if (audits >= budget) {
      exhausted = true;
      break;
    }
    const chosenSet = new Set(state.chosen);
    for (const option of nextOptions(
      state.audit.requirements,
      credentials,
      held,
      chosenSet,
      nestedOptions(state.chosen),
    )) {
      const additions = withPrerequisites(option, chosenSet);
      if (additions.length === 0) continue;
      const chosen = [...state.chosen, ...additions].sort();
      const key = chosen.join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      const next = auditWith(chosen);
      audits++;
      if (!next) continue;
      frontier.push({ chosen, credits: chosen.reduce((sum, id) => sum + creditsOf(id), 0), audit: next });
      if (audits >= budget) break;
    }
  }
  if (complete.length === 0) {
    const greedy = exhausted
      ? greedyCompletion(
          frontier,
          auditWith,
          (state) =>
            nextOptions(
              state.audit.requirements,
              credentials,
              held,
              new Set(state.chosen),
              nestedOptions(state.chosen),
            ),
          credentials,
          held,
          withPrerequisites,
          creditsOf,
        )
      : undefined;
    if (!greedy)
      return ok({
        alternatives: [],
        reason: exhausted
          ? 'the search budget ran out before any plan completed the program'
          : 'no combination of catalog credentials completes the program',
      });
    complete.push(greedy);
  }
  const shortest = !exhausted;
  const toPlan = (state: State): PathwayPlan => ({
    target: options.target,
    credentials: state.chosen,
    steps: orderByPrerequisites(state.chosen, credentials, held),
    cost: { credits: Math.round(state.credits * 100) / 100, items: state.chosen.length },
    shortest,
    audit: state.audit,
  });
  const [best, ...rest] = complete.sort((a, b) => a.credits - b.credits || a.chosen.length - b.chosen.length);
  return ok({ best: toPlan(best!), alternatives: rest.filter((s) => s.credits <= best!.credits + 3).map(toPlan) });
}

/** The transcript with the option's awards added as planned; an id already on the transcript is an issue. */
function plannedToo(transcript: Transcript, planned: readonly Transcript['awards'][number][]): Result<Transcript> {
  if (planned.length === 0) return ok(transcript);
  const taken = new Set(transcript.awards.map((a) => a.id));
  const clash = planned.findIndex((a) => taken.has(a.id));
  if (clash >= 0)
    return fail([
      {
        code: 'duplicate-id',
        path: ['planned', clash, 'id'],
        expected: 'an award id not already on the transcript',
        received: describeValue(planned[clash]!.id),
      },
    ]);
  return ok({
    ...transcript,
    awards: [...transcript.awards, ...planned.map((a) => ({ ...a, status: 'planned' as const }))],
  });
}

/** The catalog credentials the rules make a credential equivalent to, in a program. */
function equivalentsOf(catalog: Catalog, id: string, program: string, asOf: string): readonly string[] {
  return ruleOutcome(catalog, id, program, asOf)?.as ?? [];
}

function ruleOutcome(catalog: Catalog, id: string, program: string, asOf: string) {
  const prepared = prepareCatalog(catalog, asOf);
  const credential = catalog.credentials.find((c) => c.id === id);
  if (!credential) return undefined;
  const source = plannedAward(catalog, credential, asOf).source;
  const facts = hypotheticalFacts(catalog, credential, asOf).find((f) => f.source === source)!;
  return prepared.creditRules.inProgram(prepared.creditRules.general(facts), facts, program);
}

/** Credits a planned award of a credential would count for in a program (credit rules applied), in the program's unit: a plan's cost. */
export function plannedCredits(catalog: Catalog, id: string, program: string, asOf: string): number {
  const prepared = prepareCatalog(catalog, asOf);
  const credential = catalog.credentials.find((c) => c.id === id);
  const target = prepared.programs.get(program);
  const outcome = ruleOutcome(catalog, id, program, asOf);
  if (!credential || !target || !outcome) return 0;
  const own = outcome.credits
    ? { value: outcome.credits.value, unit: outcome.credits.unit ?? catalog.settings.unit }
    : credential.credits;
  const factor = own ? prepared.unitFactor(own.unit ?? catalog.settings.unit, target.unit) : undefined;
  return own && factor ? (own.value * factor.n) / factor.d : 0;
}

/** The planned award a plan adds: earned on the audit date, a course with the best grade of the scale. */
function plannedAward(catalog: Catalog, credential: Credential, asOf: string): AwardInput {
  const grade = credential.kind === 'course' ? bestGrade(catalog) : undefined;
  const external = credential.kind === 'certification' || credential.kind === 'prior-learning';
  return {
    id: `plan:${credential.id}`,
    credential: credential.id,
    earned: asOf,
    status: 'planned',
    source: credential.kind === 'prior-learning' ? 'prior-learning' : external ? 'external' : 'institution',
    ...(credential.issuer ? { issuer: credential.issuer } : {}),
    ...(grade !== undefined ? { grade } : {}),
  };
}

/**
 * Catalog credentials that would meet an open requirement of the tree. A nested program is no
 * option itself: the options of its own open requirements are (stacking through it).
 */
function nextOptions(
  node: RequirementResult,
  credentials: ReadonlyMap<string, Credential>,
  held: ReadonlySet<string>,
  chosen: ReadonlySet<string>,
  nested: (program: string) => RequirementResult | undefined,
  visiting: ReadonlySet<string> = new Set(),
): string[] {
  if (node.status !== 'incomplete') return [];
  const options = (node.remaining?.options ?? []).flatMap((id) => {
    if (credentials.has(id)) return held.has(id) || chosen.has(id) ? [] : [id];
    const tree = visiting.has(id) ? undefined : nested(id);
    return tree ? nextOptions(tree, credentials, held, chosen, nested, new Set([...visiting, id])) : [];
  });
  return [
    ...new Set([
      ...options,
      ...(node.children ?? []).flatMap((child) => nextOptions(child, credentials, held, chosen, nested, visiting)),
    ]),
  ];
}

/**
 * Past the budget: from the cheapest open state, add the credential that gains the most per
 * credit (requirements met first, then credits counted) until the program completes.
 */
function greedyCompletion(
  frontier: State[],
  auditWith: (chosen: readonly string[]) => ProgramAudit | undefined,
  optionsOf: (state: State) => string[],
  credentials: ReadonlyMap<string, Credential>,
  held: ReadonlySet<string>,
  withPrerequisites: (id: string, chosen: ReadonlySet<string>) => string[],
  creditsOf: (id: string) => number,
): State | undefined {
  const worth = (audit: ProgramAudit) => 1000 * metRequirements(audit) + audit.credits.applied;
  let state = frontier[0];
  for (let guard = 0; state && state.audit.status === 'incomplete' && guard < 200; guard++) {
    const current: State = state;
    const chosenSet = new Set(current.chosen);
    const options = optionsOf(current);
    const candidates = options.length > 0 ? options : fillers(credentials, held, chosenSet);
    let pick: State | undefined;
    let pickGain = 0;
    for (const option of candidates) {
      const chosen = [...current.chosen, ...withPrerequisites(option, chosenSet)].sort();
      const audit = auditWith(chosen);
      if (!audit) continue;
      const credits = chosen.reduce((sum, id) => sum + creditsOf(id), 0);
      const gain = (worth(audit) - worth(current.audit)) / Math.max(0.5, credits - current.credits);
      if (audit.status !== 'incomplete' || gain > pickGain) {
        pick = { chosen, credits, audit };
        pickGain = gain;
        if (audit.status !== 'incomplete') break;
      }
    }
    if (!pick) return undefined;
    state = pick;
  }
  return state && state.audit.status !== 'incomplete' ? state : undefined;
}

/** Requirements and policies met (or in progress) in an audit. */
export function metRequirements(audit: ProgramAudit): number {
  const count = (node: RequirementResult): number =>
    Number(node.status !== 'incomplete') + (node.children ?? []).reduce((sum, child) => sum + count(child), 0);
  return count(audit.requirements) + audit.policies.filter((p) => p.status === 'complete').length;
}

/** When only total credits remain: courses not yet held or chosen, to fill them. */
function fillers(
  credentials: ReadonlyMap<string, Credential>,
  held: ReadonlySet<string>,
  chosen: ReadonlySet<string>,
): string[] {
  return [...credentials.values()]
    .filter((c) => c.kind === 'course' && !held.has(c.id) && !chosen.has(c.id))
    .map((c) => c.id)
    .sort();
}

/** Steps in prerequisite order: a credential goes in the first step after all of its prerequisites. */
export function orderByPrerequisites(
  chosen: readonly string[],
  credentials: ReadonlyMap<string, Credential>,
  held: ReadonlySet<string>,
): PlanStep[] {
  const stepOf = new Map<string, number>();
  const resolveStep = (id: string, trail: Set<string>): number => {
    if (held.has(id) || !chosen.includes(id)) return 0;
    const known = stepOf.get(id);
    if (known !== undefined) return known;
    if (trail.has(id)) return 1;
    trail.add(id);
    const step = 1 + Math.max(0, ...(credentials.get(id)?.prerequisites ?? []).map((pre) => resolveStep(pre, trail)));
    stepOf.set(id, step);
    return step;
  };
  chosen.forEach((id) => resolveStep(id, new Set()));
  const steps = new Map<number, string[]>();
  for (const [id, step] of stepOf) (steps.get(step) ?? steps.set(step, []).get(step)!).push(id);
  return [...steps].sort((a, b) => a[0] - b[0]).map(([step, ids]) => ({ step, credentials: ids.sort() }));
}
