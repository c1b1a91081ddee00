/**
 * The plan against brute force: on random small catalogs (the independent oracle's, with node and
 * limit count caps, distinct leaves, residency and external credentials added; one version of the
 * program, in force), every subset of
 * the catalog's credentials is judged by a what-if audit, and the cheapest that completes the
 * program (credits, then credentials, then the smallest sum of positions in id order) must be what
 * `plan` finds, proven.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import { plan } from '../../src/pathways/plan.js';
import { plannedAward } from '../../src/pathways/plan-model.js';
import { whatIf } from '../../src/pathways/what-if.js';
import { oracleCase, type OracleCase } from '../audit/oracle-arbitraries.js';
import { runs } from '../setup/fuzz.js';

interface Extras {
  /** Per node in depth-first order (cyclically): a `maxCount`, or none. */
  readonly maxCount: readonly (number | undefined)[];
  /** Per count leaf (cyclically): whether it counts distinct subjects. */
  readonly distinct: readonly boolean[];
  /** Per credential: its subject. */
  readonly subjects: readonly string[];
  /** Per credential: a certification (planned from an external source) instead of a course. */
  readonly external: readonly boolean[];
  /** Per award: whether the learner holds it (the others are only in the catalog). */
  readonly held: readonly boolean[];
  /** Per held award: transfer work (not resident). */
  readonly transfer: readonly boolean[];
  /** A residency minimum, and per limit a `maxCount`. */
  readonly residency: number | undefined;
  readonly limitCount: readonly (number | undefined)[];
}

const extras: fc.Arbitrary<Extras> = fc.record({
  maxCount: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { freq: 5, nil: undefined }), {
    minLength: 12,
    maxLength: 12,
  }),
  distinct: fc.array(
    fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    { minLength: 6, maxLength: 6 },
  ),
  subjects: fc.array(fc.constantFrom('X', 'Y', 'Z'), { minLength: 8, maxLength: 8 }),
  external: fc.array(
    fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    { minLength: 8, maxLength: 8 },
  ),
  held: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  transfer: fc.array(
    fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    { minLength: 7, maxLength: 7 },
  ),
  residency: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 3, nil: undefined }),
  limitCount: fc.array(fc.option(fc.integer({ min: 1, max: 2 }), { freq: 3, nil: undefined }), {
    minLength: 2,
    maxLength: 2,
  }),
});

type Json = Record<string, unknown>;

/** A condition with its `term` comparisons held true: planned awards have no term yet. */
function withoutTerms(condition: Json): Json {
  if (condition.fact === 'term') return { fact: 'credits', operator: 'greaterThanInclusive', value: 0 };
  for (const key of ['all', 'any'] as const)
    if (Array.isArray(condition[key])) return { [key]: (condition[key] as Json[]).map(withoutTerms) };
  if (condition.not) return { not: withoutTerms(condition.not as Json) };
  return condition;
}

/** The oracle's case with the extras: a catalog, a transcript of the held awards, the options. */
function withExtras(base: OracleCase, x: Extras) {
  const catalog = structuredClone(base.catalog) as unknown as Json;
  const credentials = catalog.credentials as Json[];
  // A broad course the learner never holds: more cases have a plan.
  credentials.push({
    id: 'W',
    kind: 'course',
    title: 'Wide',
    credits: { value: 3, unit: 'semester' },
    tags: ['a', 'b', 'c'],
  });
  credentials.forEach((c, i) => {
    c.subject = x.subjects[i % x.subjects.length];
    if (x.external[i]) Object.assign(c, { kind: 'certification', issuer: 'ext' });
  });
  let node = 0;
  let countLeaf = 0;
  const visit = (n: Json) => {
    const cap = x.maxCount[node++ % x.maxCount.length];
    if (cap !== undefined) n.maxCount = cap;
    if (n.count !== undefined && x.distinct[countLeaf++ % x.distinct.length]) n.distinct = 'subject';
    if (n.where) n.where = withoutTerms(n.where as Json);
    for (const child of [...((n.all as Json[]) ?? []), ...((n.any as Json[]) ?? [])]) visit(child);
  };
  // One version of P, always in force: catalog years would leave most cases with nothing to plan.
  const versions = (catalog.programs as Json[]).filter((p) => p.id === 'P');
  catalog.programs = (catalog.programs as Json[]).filter((p) => p.id !== 'P' || p === versions[0]);
  for (const program of catalog.programs as Json[]) {
    if (program.id !== 'P') continue;
    delete program.effective;
    visit(program.requirements as Json);
    const policy = (program.policy ?? {}) as Json;
    (policy.limits as Json[] | undefined)?.forEach((limit, i) => {
      limit.where = withoutTerms(limit.where as Json);
      const most = x.limitCount[i];
      if (most !== undefined) limit.maxCount = most;
    });
    if (x.residency !== undefined) policy.residency = { minCredits: x.residency, sources: ['institution'] };
    if (Object.keys(policy).length > 0) program.policy = policy;
  }
  const transcript = structuredClone(base.transcript) as unknown as Json;
  const awards = (transcript.awards as Json[]).filter((_, i) => x.held[i]);
  awards.forEach((a, i) => {
    if (x.transfer[i]) a.source = 'transfer';
  });
  const kept = new Set(awards.map((a) => a.id));
  transcript.awards = awards;
  // Exceptions name nodes of the version the oracle audits, and awards it holds.
  if (transcript.exceptions)
    transcript.exceptions =
      versions.length > 1
        ? []
        : (transcript.exceptions as Json[]).filter((e) => e.award === undefined || kept.has(e.award));
  return { catalog, transcript, options: {} };
}

/** The cheapest completing subset by brute force: its credits, size and sum of id positions, or undefined. */
function bruteForce(catalog: Catalog, transcript: Json, options: Json) {
  const asOf = transcript.asOf as string;
  const ids = catalog.credentials.map((c) => c.id).sort();
  const credits = ids.map((id) => catalog.credentials.find((c) => c.id === id)!.credits?.value ?? 0);
  let best: { credits: number; items: number; ranks: number } | undefined;
  for (let mask = 0; mask < 1 << ids.length; mask++) {
    const chosen = ids.flatMap((_, i) => ((mask >> i) & 1 ? [i] : []));
    const cost = {
      credits: chosen.reduce((t, i) => t + credits[i]!, 0),
      items: chosen.length,
      ranks: chosen.reduce((t, i) => t + i + 1, 0),
    };
    if (
      best &&
      (cost.credits > best.credits ||
        (cost.credits === best.credits &&
          (cost.items > best.items || (cost.items === best.items && cost.ranks >= best.ranks))))
    )
      continue;
    const taken = new Set((transcript.awards as Json[]).map((a) => a.id as string));
    const planned = chosen.map((i) =>
      plannedAward(catalog, catalog.credentials.find((c) => c.id === ids[i])!, asOf, taken),
    );
    const judged = whatIf(catalog, transcript as never, planned, { programs: ['P'], ...options });
    if (!judged.ok) throw new Error(JSON.stringify(judged.issues));
    if (judged.value.audits[0]!.status !== 'incomplete') best = cost;
  }
  return best;
}

describe('plan = brute force over every subset of a small catalog', () => {
  it(`agrees on ${runs(40)} random catalogs (caps, limits, count caps, distinct, residency, GPA, nesting, when, pins)`, async () => {
    await fc.assert(
      fc.asyncProperty(oracleCase, extras, async (base, x) => {
        const { catalog: json, transcript, options } = withExtras(base, x);
        const loaded = loadCatalog([{ file: 'plan-case.json', json }]);
        fc.pre(loaded.ok);
        if (!loaded.ok) return;
        const catalog = loaded.value;
        const oracle = bruteForce(catalog, transcript, options);
        const result = await plan(catalog, transcript as never, { target: 'P', alternatives: 0, ...options });
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const found = result.value.best;
        if (!oracle) {
          expect(found).toBeUndefined();
          expect(result.value.reason).toBe('no combination of catalog credentials completes the program');
          return;
        }
        expect(found).toBeDefined();
        const ids = catalog.credentials.map((c) => c.id).sort();
        expect({
          credits: found!.cost.credits,
          items: found!.cost.items,
          ranks: found!.credentials.reduce((t, id) => t + ids.indexOf(id) + 1, 0),
          proven: found!.proven,
        }).toEqual({ ...oracle, proven: true });
      }),
      { numRuns: runs(40) },
    );
  }, 120_000);
});
