import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { contestedInstance } from '../../bench/contested-family.js';
import { syntheticTranscript } from '../../bench/synthetic.js';
import type { AllocationProblem } from '../../src/audit/allocation-problem.js';
import { audit } from '../../src/audit/audit.js';
import { readCatalog } from '../../src/io/read-catalog.js';
import { fixture, readFixture, shippedCatalog } from '../helpers.js';
import { coupledProblem, smallProblem } from './allocation-arbitraries.js';
import { solveAllocation as oldSolve } from './old-solver/solve-allocation.js';

// TEMPORARY: the restructured solver against a copy of the old one (deleted before the final commit).
const seen = vi.hoisted(() => ({ problems: 0, mismatches: [] as string[] }));
vi.mock('../../src/audit/solve-allocation.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/audit/solve-allocation.js')>();
  const old = await import('./old-solver/solve-allocation.js');
  return {
    ...real,
    solveAllocation: (problem: AllocationProblem, budget?: number) => {
      seen.problems++;
      for (const b of [budget, 20_000, 500]) {
        const a = old.solveAllocation(problem, b);
        const n = real.solveAllocation(problem, b);
        if (
          JSON.stringify([a.assignment, a.steps, a.optimal]) !== JSON.stringify([n.assignment, n.steps, n.optimal]) ||
          JSON.stringify(a.evaluation, replacer) !== JSON.stringify(n.evaluation, replacer)
        )
          seen.mismatches.push(
            JSON.stringify({ budget: b, old: [a.assignment, a.steps], new: [n.assignment, n.steps] }),
          );
      }
      return real.solveAllocation(problem, budget);
    },
  };
});
const { solveAllocation } = await import('../../src/audit/solve-allocation.js');

function replacer(_: string, value: unknown) {
  return value instanceof Map ? [...value] : value === Infinity ? 'Infinity' : value;
}

function same(problem: AllocationProblem, budget: number) {
  const a = oldSolve(problem, budget);
  const n = solveAllocation(problem, budget);
  expect([n.assignment, n.steps, n.optimal]).toEqual([a.assignment, a.steps, a.optimal]);
  expect(JSON.stringify(n.evaluation, replacer)).toBe(JSON.stringify(a.evaluation, replacer));
}

const RUNS = Number(process.env.DIFF_RUNS ?? 3000);

describe('restructured solver = old solver (temporary differential check)', () => {
  it('random small problems, default and tiny budgets', () => {
    fc.assert(
      fc.property(smallProblem, fc.nat(3000), (problem, budget) => {
        same(problem, 1_000_000_000);
        same(problem, budget);
      }),
      { seed: 1, numRuns: RUNS },
    );
  }, 600_000);
  it('random coupled problems (asserts, second applications), default and tiny budgets', () => {
    fc.assert(
      fc.property(coupledProblem, fc.nat(3000), (problem, budget) => {
        same(problem, 1_000_000_000);
        same(problem, budget);
      }),
      { seed: 2, numRuns: RUNS },
    );
  }, 600_000);
  it('the audits of every fixture, the contested family and synthetic transcripts', () => {
    const catalog = shippedCatalog();
    seen.problems = 0;
    const transcripts = readdirSync(fixture('.')).filter((f) => f.endsWith('.json'));
    for (const name of transcripts)
      for (const includePlanned of [false, true])
        audit(catalog, readFixture(name) as never, { all: true, includePlanned });
    const greedy = readCatalog(fixture('catalogs/greedy-trap.json'));
    if (greedy.ok) audit(greedy.value, readFixture('greedy-trap-transcript.json') as never, { all: true });
    for (let seed = 0; seed < 100; seed++) {
      const { catalog: family, transcript } = contestedInstance(seed, 6 + (seed % 9), 12 + ((seed * 7) % 39));
      audit(family, transcript, { all: true });
    }
    for (let seed = 1; seed <= 300; seed++)
      audit(catalog, syntheticTranscript(catalog, seed, seed % 10 === 0 ? 120 : 40), { all: true });
    expect(seen.mismatches.slice(0, 5)).toEqual([]);
    expect(seen.problems).toBeGreaterThan(1000);
    console.log(`differential: ${seen.problems} audited problems, each at 3 budgets`);
  }, 1_200_000);
});
