import { programDependencyGraph, programsNeeded, type ProgramGraph } from '../catalog/program-order.js';
import { versionsOn } from '../catalog/program-versions.js';
import type { Catalog } from '../model/catalog.js';
import { divide, ONE, rational, type Rational } from '../model/rational.js';
import type { Credential } from '../model/credential.js';
import type { Program } from '../model/program.js';
import type { Requirement } from '../model/requirement.js';
import { leafOf } from '../requirements/registry.js';
import { hypotheticalFacts } from '../rules/catalog-facts.js';
import { compileCondition, type Facts, type Predicate } from '../rules/compile-condition.js';
import { compileCreditRules, type CreditRules } from '../rules/credit-rules.js';
import type { OperatorContext } from '../rules/operators.js';
import { minusDuration } from './dates.js';
import { buildProgramTree, type ProgramTree } from './program-tree.js';

/** A program ready to audit: its flattened tree, compiled conditions and catalog options per leaf. */
export interface PreparedProgram {
  readonly program: Program;
  readonly unit: string;
  readonly tree: ProgramTree;
  readonly ids: ReadonlyMap<Requirement, string>;
  readonly byId: ReadonlyMap<string, Requirement>;
  readonly limits: readonly Predicate[];
  /** The earliest earned date the program's recency window accepts as of the audit date. */
  readonly oldestCounted?: string;
  /**
   * Up to `limit` catalog credentials that would meet a leaf (with this program's rules applied:
   * equivalencies, tags) and that `wanted` keeps, in id order (a `credential` or `program` leaf:
   * the one it names first). Worked out only as far as asked, and memoised: a wide program has
   * thousands of leaves, and a `where` leaf tests catalog credentials one by one.
   */
  optionsOf(leaf: Requirement, wanted: (id: string) => boolean, limit: number): string[];
  /**
   * The credits a catalog credential would count in this program, in its unit (the credit rules
   * applied; the most of any source), or 0 when it carries none.
   */
  optionCredits(id: string): number;
}

/** A catalog compiled for audits as of one date: built once, shared by every audit of a batch. */
export interface PreparedCatalog {
  readonly catalog: Catalog;
  readonly asOf: string;
  readonly context: OperatorContext;
  readonly credentials: ReadonlyMap<string, Credential | Program>;
  readonly programs: ReadonlyMap<string, PreparedProgram>;
  readonly dependencies: ProgramGraph;
  readonly creditRules: CreditRules;
  /** The programs an audit of `requested` needs, nested ones first (memoised). */
  programsNeeded(requested: readonly string[]): readonly string[];
  /** How many units of `to` one unit of `from` is worth, or undefined for an unknown unit. */
  unitFactor(from: string, to: string): Rational | undefined;
}

/** Per catalog: compiled catalogs by audit date and choice of versions, and by the two dates asked (a shortcut to them). */
const cache = new WeakMap<
  Catalog,
  { readonly byVersions: Map<string, PreparedCatalog>; readonly byDates: Map<string, PreparedCatalog> }
>();

/** Pairs of dates remembered per catalog: learners of a batch have a few, and the shortcut stays bounded. */
const MAX_DATE_PAIRS = 4096;

/**
 * Compiles a checked catalog for audits as of `asOf`, with the program versions in force on the
 * learner's `catalogDate` (default `asOf`). Memoised per catalog object, date and choice of
 * versions, so learners of a batch who follow the same versions share one compiled catalog.
 */
export function prepareCatalog(catalog: Catalog, asOf: string, catalogDate: string = asOf): PreparedCatalog {
  let known = cache.get(catalog);
  if (!known) cache.set(catalog, (known = { byVersions: new Map(), byDates: new Map() }));
  const dates = `${asOf}|${catalogDate}`;
  const shortcut = known.byDates.get(dates);
  if (shortcut) return shortcut;
  const versions = versionsOn(catalog, catalogDate);
  const key =
    versions === catalog.programs ? asOf : `${asOf}|${versions.map((v) => catalog.programs.indexOf(v)).join(',')}`;
  let prepared = known.byVersions.get(key);
  if (!prepared) known.byVersions.set(key, (prepared = compile(catalog, versions, asOf)));
  if (known.byDates.size < MAX_DATE_PAIRS) known.byDates.set(dates, prepared);
  return prepared;
}

function compile(catalog: Catalog, versions: readonly Program[], asOf: string): PreparedCatalog {
  const { settings } = catalog;
  const context: OperatorContext = { gradeScale: settings.gradeScale, passingGrades: settings.passingGrades, asOf };
  const credentials = new Map<string, Credential | Program>(
    [...catalog.credentials, ...versions].map((c) => [c.id, c]),
  );
  const creditRules = compileCreditRules(catalog.rules, context);
  const factors = new Map<string, Rational>([
    [settings.unit, ONE],
    ...Object.entries(settings.conversions).map(([unit, f]) => [unit, rational(f)] as const),
  ]);
  const unitFactor = (from: string, to: string) => {
    const a = factors.get(from);
    if (from === to) return a && ONE;
    const b = factors.get(to);
    return a && b ? divide(a, b) : undefined;
  };
  const programs = new Map(
    versions.map((program) => [program.id, prepareProgram(catalog, program, context, creditRules, unitFactor)]),
  );
  const dependencies = programDependencyGraph(catalog);
  const needed = new Map<string, readonly string[]>();
  const programsNeededFor = (requested: readonly string[]) => {
    const key = requested.join('\u0000');
    let list = needed.get(key);
    if (!list) needed.set(key, (list = programsNeeded(dependencies, requested)));
    return list;
  };
  return {
    catalog,
    asOf,
    context,
    credentials,
    programs,
    dependencies,
    creditRules,
    programsNeeded: programsNeededFor,
    unitFactor,
  };
}

function prepareProgram(
  catalog: Catalog,
  program: Program,
  context: OperatorContext,
  creditRules: CreditRules,
  unitFactor: PreparedCatalog['unitFactor'],
): PreparedProgram {
  const tree = buildProgramTree(program, context);
  const unit = program.credits?.unit ?? catalog.settings.unit;
  // Catalog credentials as they would count here, in id order: worked out when an audit first asks for options.
  let hypothetical:
    | { id: string; variants: (Facts | undefined)[]; equivalents: string[]; credits: number }[]
    | undefined;
  const credentialsOf = () =>
    (hypothetical ??= [...catalog.credentials]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((credential) => {
        const outcomes = hypotheticalFacts(catalog, credential, context.asOf).map((facts) => ({
          facts,
          outcome: creditRules.inProgram(creditRules.general(facts), facts, program.id),
        }));
        return {
          id: credential.id,
          variants: outcomes.map(({ facts, outcome }) =>
            outcome.denied
              ? undefined
              : {
                  ...facts,
                  tags: [...(facts.tags as string[]), ...outcome.tags],
                  credits: outcome.credits?.value ?? facts.credits,
                },
          ),
          equivalents: [...new Set(outcomes.flatMap(({ outcome }) => (outcome.denied ? [] : outcome.as)))],
          credits: Math.max(
            0,
            ...outcomes.map(({ facts, outcome }) => {
              const credits = outcome.denied
                ? undefined
                : (outcome.credits ?? { value: facts.credits, unit: facts.unit });
              const factor =
                credits && unitFactor((credits.unit as string | undefined) ?? (facts.unit as string), unit);
              return factor && typeof credits.value === 'number' ? (credits.value * factor.n) / factor.d : 0;
            }),
          ),
        };
      }));
  // A nested program counts the credits it states (no credit rule reads a program's completion).
  let creditsById: Map<string, number> | undefined;
  const optionCredits = (id: string) => {
    creditsById ??= new Map(credentialsOf().map((h) => [h.id, h.credits]));
    const known = creditsById.get(id);
    if (known !== undefined) return known;
    const stated = catalog.programs.find((p) => p.id === id)?.credits;
    const factor = stated && unitFactor(stated.unit ?? catalog.settings.unit, unit);
    return factor ? (stated.value * factor.n) / factor.d : 0;
  };
  let equivalentTo: Map<string, string[]> | undefined;
  const equivalentsOf = (id: string) => {
    if (!equivalentTo) {
      equivalentTo = new Map();
      for (const h of credentialsOf())
        for (const e of h.equivalents) (equivalentTo.get(e) ?? equivalentTo.set(e, []).get(e)!).push(h.id);
    }
    return equivalentTo.get(id) ?? [];
  };
  const useful = (node: Requirement, facts: Facts | undefined) =>
    facts !== undefined && (leafOf(node)?.measure !== 'credits' || Number(facts.credits ?? 0) > 0);
  const leafIndex = new Map(tree.nodes.map((node, index) => [node, index]));
  // Per leaf: the options found so far, in id order, and the next catalog credential to test.
  const scans = new Map<Requirement, { found: string[]; next: number }>();
  const optionsOf = (node: Requirement, wanted: (id: string) => boolean, limit: number): string[] => {
    const test = tree.tests[leafIndex.get(node) ?? -1];
    if (!test) return [];
    let scan = scans.get(node);
    if (!scan)
      scans.set(
        node,
        (scan =
          test.counts !== undefined
            ? { found: [test.counts, ...[...equivalentsOf(test.counts)].sort()], next: Infinity }
            : { found: [], next: 0 }),
      );
    const candidates = credentialsOf();
    const chosen: string[] = [];
    for (let i = 0; chosen.length < limit; ) {
      if (i < scan.found.length) {
        const id = scan.found[i++]!;
        if (wanted(id)) chosen.push(id);
      } else if (scan.next < candidates.length) {
        const h = candidates[scan.next++]!;
        if (h.variants.some((f) => useful(node, f) && test.where!(f!))) scan.found.push(h.id);
      } else break;
    }
    return chosen;
  };
  return {
    program,
    unit,
    tree,
    ids: tree.ids,
    byId: new Map([...tree.ids].map(([node, id]) => [id, node])),
    limits: (program.policy?.limits ?? []).map((limit) => compileCondition(limit.where, context)),
    ...(program.policy?.recency ? { oldestCounted: minusDuration(context.asOf, program.policy.recency) } : {}),
    optionsOf,
    optionCredits,
  };
}
