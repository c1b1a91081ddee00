// Vitest setup file (vitest.config.ts `setupFiles`): runs before each test file is loaded, so the
// properties that file defines (fast-check's `fc.assert` and @fast-check/vitest's `test.prop`,
// which reads the global seed when the test is defined) all see this configuration.
import fc from 'fast-check';
import { FUZZ, runs, SEED } from './fuzz.js';

// npm test: one fixed seed, so a run passes or fails for a reason. Fuzz mode: no seed (each
// property draws its own; a failure's message gives the seed and path to replay it) and ten times
// the default runs; properties that set numRuns scale it with runs(n).
// CREDSTACK_SEED=N replays a fuzz failure's seed (with its runs: set it together with CREDSTACK_FUZZ).
const replay = process.env.CREDSTACK_SEED ? { seed: Number(process.env.CREDSTACK_SEED) } : {};
fc.configureGlobal(FUZZ ? { numRuns: runs(), ...replay } : { seed: SEED });
