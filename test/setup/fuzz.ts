/**
 * Fuzz mode: `npm run fuzz` sets CREDSTACK_FUZZ=1 (any non-empty value turns it on). `npm test`
 * runs every property with one fixed seed; fuzz mode runs them with random seeds and ten times
 * the runs (see test/setup/fast-check.ts).
 */
export const FUZZ = (process.env.CREDSTACK_FUZZ ?? '') !== '';

/** The seed of every fast-check property in `npm test`. */
export const SEED = 20_261_201;

/** fast-check's number of runs for a property that does not set its own. */
const DEFAULT_RUNS = 100;

/** A property's `numRuns`: `n` in `npm test`, ten times `n` in fuzz mode. */
export const runs = (n: number = DEFAULT_RUNS): number => (FUZZ ? 10 * n : n);
