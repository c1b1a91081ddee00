import { describe, expect, it, vi } from 'vitest';
import type { AllocationProblem, PlanItem, PlanNode } from '../../src/audit/allocation-problem.js';
import { planItem, planNode } from './plan-builders.js';
import { audit } from '../../src/audit/audit.js';
import { prepareCatalog } from '../../src/audit/prepare-catalog.js';
import { solveAllocation } from '../../src/audit/solve-allocation.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';

/**
 * Wide requirements (issue 11, item 6): an `all` of thousands of leaves. The solver's step budget
 * counts all its work (setting up, first fit, evaluations, bounds), so its steps, asserted here,
 * bound its time; no test here times anything.
 */

/** An `all` of `leaves` credit leaves; leaf i needs `need(i)` ticks of tag i mod `tags`; item j has tags j and j + 1 mod `tags` (`width` 2) or j alone. */
function wideProblem(
  leaves: number,
  items: number,
  tags: number,
  width: 1 | 2,
  need: (leaf: number) => number,
  ticks: (item: number) => number,
): AllocationProblem {
  const leafOfTag = Array.from({ length: tags }, () => [] as number[]);
  for (let i = 0; i < leaves; i++) leafOfTag[i % tags]!.push(i + 1);
  const nodes: PlanNode[] = [
    planNode({ parent: -1, children: Array.from({ length: leaves }, (_, i) => i + 1), kind: 'all', need: leaves }),
    ...Array.from({ length: leaves }, (_, i) =>
      planNode({ parent: 0, kind: 'leaf', need: need(i), measure: 'credits' }),
    ),
  ];
  const planItems = Array.from({ length: items }, (_, j): PlanItem => {
    const own = width === 1 ? [j % tags] : [j % tags, (j + 1) % tags];
    return planItem({ ticks: ticks(j), candidates: own.flatMap((tag) => leafOfTag[tag]!).sort((a, b) => a - b) });
  });
  return { nodes, items: planItems, policies: { limitCaps: [], limitCountCaps: [] } };
}

/** What the solver reads of a problem: its nodes, and each item with its candidates. */
const sizeOf = (problem: AllocationProblem) =>
  problem.nodes.length + problem.items.reduce((sum, item) => sum + 1 + item.candidates.length, 0);

describe('an all of 10,000 leaves', () => {
  it('is solved and proven optimal in a few passes over the problem when one item is missing', () => {
    // 10,000 leaves of 3 credits, each tagged one of 100 tags; 9,999 items of 3 credits, one per
    // leaf but the last: 9,999 leaves can be met, not 10,000 (one item each). The first fit meets
    // 9,999; the bound sees that the items left cannot meet every leaf, so not the `all` either.
    const problem = wideProblem(
      10_000,
      9_999,
      100,
      1,
      () => 3,
      () => 3,
    );
    const solution = solveAllocation(problem);
    expect(solution.optimal).toBe(true);
    expect(solution.evaluation.complete).toBe(false);
    expect(solution.evaluation.met.filter(Boolean)).toHaveLength(9_999);
    expect(solution.steps).toBeLessThanOrEqual(10 * sizeOf(problem));
  });

  it('past the budget says the allocation may not be optimal, having done little more work than the budget', () => {
    // 10,000 leaves of 6 to 8 credits over 1,000 tags; 19,990 items of 3 or 4 credits with two tags
    // each (20 candidates): some leaves must stay unmet, and the bound cannot tell which.
    const problem = wideProblem(
      10_000,
      19_990,
      1_000,
      2,
      (leaf) => 6 + (leaf % 3),
      (item) => 3 + (item % 2),
    );
    const budget = 3_000_000;
    const solution = solveAllocation(problem, budget);
    expect(solution.optimal).toBe(false);
    expect(solution.steps).toBeGreaterThan(budget);
    // Past the budget the solver finishes only the search node it was in (a bound, an evaluation).
    expect(solution.steps).toBeLessThanOrEqual(budget + 4 * sizeOf(problem));
  });
});

describe('20,000 items contested by three leaves', () => {
  it('are searched as deep as they go without running out of stack, and the budget stops the search', () => {
    // Three leaves of 30,000 ticks, 20,000 items of 3 or 4 ticks that could go to any of them:
    // two leaves can be met, and the progress bound (every item worth 4) cannot prove how far the
    // third gets, so the search goes 20,000 items deep (it recursed, and overflowed the stack).
    const problem = wideProblem(
      3,
      20_000,
      1,
      1,
      () => 30_000,
      (item) => 3 + (item % 2),
    );
    const budget = 2_000_000;
    const solution = solveAllocation(problem, budget);
    expect(solution.optimal).toBe(false);
    expect(solution.evaluation.met.filter(Boolean)).toHaveLength(2);
    expect(solution.steps).toBeGreaterThan(budget);
    expect(solution.steps).toBeLessThanOrEqual(budget + 4 * sizeOf(problem));
  });
});

describe('a program with an all of 10,000 course requirements, through the audit', () => {
  const n = 10_000;
  const catalog = (() => {
    const result = loadCatalog([
      {
        file: 'wide.json',
        json: {
          institution: { id: 'u', name: 'U' },
          settings: { unit: 'semester', gradeScale: { A: 4, F: 0 } },
          credentials: Array.from({ length: n }, (_, i) => ({
            id: `C${i}`,
            kind: 'course',
            title: `Course ${i}`,
            credits: { value: 3 },
          })),
          programs: [
            {
              id: 'wide',
              kind: 'degree',
              title: 'Wide',
              requirements: { id: 'all', all: Array.from({ length: n }, (_, i) => ({ credential: `C${i}` })) },
            },
          ],
        },
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value;
  })();
  const transcript = (count: number) => ({
    learner: { id: 'l' },
    asOf: '2026-01-01',
    awards: Array.from({ length: count }, (_, i) => ({
      id: `a${i}`,
      credential: `C${i}`,
      earned: '2025-01-01',
      grade: 'A',
    })),
  });

  it('is complete with every course, each in its own requirement', () => {
    const result = audit(catalog, transcript(n) as never, { programs: ['wide'] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const wide = result.value.audits[0]!;
    expect(wide).toMatchObject({ status: 'complete', optimal: true, credits: { applied: 3 * n } });
    expect(wide.requirements.children).toHaveLength(n);
    expect(wide.requirements.children![n - 1]).toMatchObject({
      id: `C${n - 1}`,
      status: 'complete',
      applied: [{ award: `a${n - 1}`, credits: 3 }],
    });
  });

  it('works out catalog options only for the requirements left open, once each', () => {
    // Options were worked out for every leaf up front, each leaf against every catalog credential;
    // now for the two open ones, as far as the twelve the result shows.
    const prepared = prepareCatalog(catalog, '2026-01-01').programs.get('wide')!;
    const optionsOf = vi.spyOn(prepared, 'optionsOf');
    for (let run = 0; run < 2; run++) {
      const result = audit(catalog, transcript(n - 2) as never, { programs: ['wide'] });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.value.audits[0]!.requirements.children!.slice(-2).map((c) => c.remaining)).toMatchObject([
        { count: 1, options: [{ credential: `C${n - 2}` }] },
        { count: 1, options: [{ credential: `C${n - 1}` }] },
      ]);
    }
    expect(optionsOf).toHaveBeenCalledTimes(4);
    optionsOf.mockRestore();
  });
});
