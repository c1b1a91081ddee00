import fc from 'fast-check';
import { compareScores } from './src/audit/allocation-problem.js';
import { solveAllocation } from './src/audit/solve-allocation.js';
import { smallProblem } from './test/audit/allocation-arbitraries.js';
import { bruteForceBest } from './test/audit/brute-force-oracle.js';
const r = fc.check(fc.property(smallProblem, (p) => compareScores(solveAllocation(p).evaluation.score, bruteForceBest(p).score) === 0), { numRuns: 20000, seed: 32 });
if (r.failed) { const p = r.counterexample![0]; console.log(JSON.stringify(p)); const s = solveAllocation(p); const o = bruteForceBest(p); console.log('solver', s.evaluation.score, [...s.assignment], 'oracle', o.score); }
import { evaluateAllocation } from './src/audit/evaluate-allocation.js';
if (r.failed) {
  const p = r.counterexample![0];
  for (const a of [[-1,5,-1],[2,5,-1],[-1,5,2],[2,5,2],[5,2,-1]]) console.log(a, evaluateAllocation(p, Int32Array.from(a)).score);
}
import { isValidAllocation } from './test/audit/brute-force-oracle.js';
if (r.failed) {
  const p = r.counterexample![0];
  for (const a of [-1,2,5]) for (const b of [-1,2,5]) for (const c of [-1,2,5]) { const as = Int32Array.from([a,b,c]); if (isValidAllocation(p, as)) { const sc = evaluateAllocation(p, as).score; if (sc[1] >= 6) console.log([a,b,c], sc); } }
}
