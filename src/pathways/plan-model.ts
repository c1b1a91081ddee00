import { nestedProgramItem, outsideYears } from '../audit/audit.js';
import { creditItems, type CreditItem } from '../audit/credit-items.js';
import { applicableNodes, planAllocation, type ProgramExceptions } from '../audit/plan-allocation.js';
import type { PreparedCatalog } from '../audit/prepare-catalog.js';
import { learnerFacts, resolveAwards } from '../audit/resolve-awards.js';
import { resolveExceptions } from '../audit/resolve-exceptions.js';
import { inForce } from '../catalog/program-versions.js';
import type { Catalog } from '../model/catalog.js';
import type { Credential } from '../model/credential.js';
import { ok, type Result } from '../model/issue.js';
import type { Rational } from '../model/rational.js';
import type { Award, Transcript } from '../model/transcript.js';
import { bestGrade } from '../rules/catalog-facts.js';
import { type Linear, LinearModel, ONE_LINEAR, sum, variable } from './linear-model.js';
import { programRows } from './program-mip.js';

/** A catalog credential the plan may add: its planned award and its 0/1 variable. */
export interface Candidate {
  readonly id: string;
  readonly award: Award;
  readonly variable: number;
  /** Its credits in the target's unit (credit rules applied): what earning it costs. */
  readonly credits: Rational;
  /**
   * Its position (from 0) among all the catalog's credentials in id order: the last tie-break
   * reads it, so whether other credentials are candidates changes no plan.
   */
  readonly position: number;
}

/** The plan's MIP before an objective: its columns and rows, and what its variables stand for. */
export interface PlanModel {
  readonly model: LinearModel;
  /** The candidates the rows refer to, in id order. */
  readonly candidates: readonly Candidate[];
  /** A candidate's prerequisites that nothing held meets, each as the candidates that would meet it. */
  readonly prerequisites: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const NO_EXCEPTIONS: ProgramExceptions = { waivers: new Map(), pins: new Map() };

/**
 * The plan as a mixed-integer program (SPEC section 10), built from the audit's own normalised
 * items: the transcript's awards (planned ones included) and a planned award of every catalog
 * credential, each through credit rules, units, expiry, recency and repeats exactly as an audit
 * makes them. A candidate's variable says it is earned; every program the target needs (nested
 * ones first) adds its rows (see {@link programRows}); a nested program's completion is the
 * availability of its item in its parents. A held award that a candidate's retake would replace
 * (a repeat) is there only while the candidate is not. Prerequisites: a candidate only with each
 * of its prerequisites held (an award not failed, or one whose rules make it equivalent and that
 * can count) or earned in the plan (the credential, or a candidate equivalent to it that counts).
 */
export function buildPlanModel(
  prepared: PreparedCatalog,
  transcript: Transcript,
  target: string,
  catalogDate: string,
): Result<PlanModel> {
  const { catalog } = prepared;
  const taken = new Set(transcript.awards.map((a) => a.id));
  const offered = [...catalog.credentials].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const awards = offered.map((credential) => plannedAward(catalog, credential, prepared.asOf, taken));
  const candidateOf = new Map(awards.map((award, i) => [award.id, offered[i]!]));
  const held = resolveAwards(prepared, transcript);
  if (!held.ok) return held;
  const all = resolveAwards(prepared, { ...transcript, awards: [...transcript.awards, ...awards] });
  if (!all.ok) return all;
  const exceptions = resolveExceptions(prepared, transcript).byProgram;
  const learner = learnerFacts(transcript);

  const model = new LinearModel();
  const chosen = new Map<string, number>();
  const z = (id: string) => {
    let index = chosen.get(id);
    if (index === undefined) chosen.set(id, (index = model.binary()));
    return index;
  };
  const heldMeets = new Set<string>();
  const providers = new Map<string, Set<string>>();
  const provide = (prerequisite: string, candidate: string) =>
    (providers.get(prerequisite) ?? providers.set(prerequisite, new Set()).get(prerequisite)!).add(candidate);
  const completions = new Map<string, Linear>();
  const consumedBy = new Map<string, Map<string, Linear>>();
  const components = new Map<string, string[]>();
  const costs = new Map<string, Rational>();
  const options = { includePlanned: true, catalogDate };

  for (const id of prepared.programsNeeded([target])) {
    const program = prepared.programs.get(id)!;
    const heldItems = new Map(creditItems(prepared, program, held.value, options).map((i) => [i.awardId, i]));
    const allItems = creditItems(prepared, program, all.value, options);
    const withCandidates = new Map(allItems.map((i) => [i.awardId, i]));
    for (const item of allItems) {
      const candidate = candidateOf.get(item.awardId);
      if (candidate) {
        provide(candidate.id, candidate.id);
        if (item.reasons.length === 0) for (const e of item.equivalents) provide(e, candidate.id);
        if (id === target) costs.set(candidate.id, item.credits);
      } else {
        const own = heldItems.get(item.awardId)!;
        if (own.credentialId && !own.reasons.some((r) => r.code === 'failing-grade')) heldMeets.add(own.credentialId);
        if (own.reasons.length === 0) for (const e of own.equivalents) heldMeets.add(e);
      }
    }
    const bundles = [...completions.keys()].map((nested) => {
      const bundle = nestedProgramItem(prepared.programs.get(nested)!, 'completed', components.get(nested)!, '');
      return inForce(program.program, catalogDate) ? bundle : outsideYears(bundle, program.program);
    });
    const items = [...allItems.map((i) => heldItems.get(i.awardId) ?? i), ...bundles];
    const plan = planAllocation(
      program,
      items,
      exceptions.get(id) ?? NO_EXCEPTIONS,
      { includeInProgress: true },
      applicableNodes(program.tree, learner),
    );
    /** A held award a planned retake would replace in this program (repeats are resolved per program). */
    const replacedByRetake = (item: CreditItem): boolean =>
      !item.components &&
      !candidateOf.has(item.awardId) &&
      item.credentialId !== undefined &&
      withCandidates.get(item.awardId)!.reasons.some(isRepeat) &&
      !item.reasons.some(isRepeat);
    const availability = (item: CreditItem): Linear => {
      if (item.components) return completions.get(item.credentialId!)!;
      const candidate = candidateOf.get(item.awardId);
      if (candidate) return variable(z(candidate.id));
      // A held award its retake would replace counts only while the retake is not planned.
      return replacedByRetake(item) ? sum([1, ONE_LINEAR], [-1, variable(z(item.credentialId!))]) : ONE_LINEAR;
    };
    const completion = id === target ? ONE_LINEAR : variable(model.binary());
    const consumed = programRows(model, plan, {
      availability,
      replacedByRetake,
      completion,
      consumedIn: (nested, award) => consumedBy.get(nested)?.get(award),
      items,
      policy: program.program.policy ?? {},
    });
    completions.set(id, completion);
    consumedBy.set(id, consumed);
    components.set(id, [...consumed.keys()]);
  }

  // Prerequisites, for every candidate the rows use and (in turn) for those meeting them.
  const prerequisites = new Map<string, (readonly string[])[]>();
  const credentials = new Map(offered.map((c) => [c.id, c]));
  const pending = [...chosen.keys()];
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const unmet: string[][] = [];
    for (const pre of credentials.get(next)?.prerequisites ?? []) {
      if (heldMeets.has(pre)) continue;
      const by = [...(providers.get(pre) ?? [])].filter((c) => c !== next).sort();
      for (const c of by) if (!chosen.has(c)) pending.push(c);
      model.row(
        [{ variable: z(next), coefficient: 1 }, ...by.map((c) => ({ variable: z(c), coefficient: -1 }))],
        -Infinity,
        0,
      );
      unmet.push(by);
    }
    prerequisites.set(next, unmet);
  }
  const candidates = [...chosen.keys()].sort().map((id) => {
    const position = offered.indexOf(credentials.get(id)!);
    return {
      id,
      award: awards[position]!,
      variable: chosen.get(id)!,
      credits: costs.get(id) ?? { n: 0, d: 1 },
      position,
    };
  });
  return ok({ model, candidates, prerequisites });
}

const isRepeat = (r: { readonly code: string }) => r.code === 'repeat' || r.code === 'repeat-over-limit';

/**
 * The planned award a plan adds for a credential: earned on the audit date, a course with the
 * best grade of the scale, an id no award of the transcript has.
 */
export function plannedAward(
  catalog: Catalog,
  credential: Credential,
  asOf: string,
  taken: ReadonlySet<string>,
): Award {
  let id = `plan:${credential.id}`;
  for (let n = 2; taken.has(id); n++) id = `plan:${credential.id}#${n}`;
  const grade = credential.kind === 'course' ? bestGrade(catalog) : undefined;
  const external = credential.kind === 'certification' || credential.kind === 'prior-learning';
  return {
    id,
    credential: credential.id,
    earned: asOf,
    status: 'planned',
    source: credential.kind === 'prior-learning' ? 'prior-learning' : external ? 'external' : 'institution',
    ...(credential.issuer ? { issuer: credential.issuer } : {}),
    ...(grade !== undefined ? { grade } : {}),
  };
}
