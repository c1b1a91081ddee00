import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleProperties } from 'json-rules-engine';
import { prepareCatalog } from '../src/audit/prepare-catalog.js';
import { resolveAwards } from '../src/audit/resolve-awards.js';
import { Transcript } from '../src/model/transcript.js';
import { createEngine } from '../src/rules/reference-engine.js';
import { contestedInstance } from './contested-family.js';
import { credstack, credstackNode } from './shipped.js';

const { audit } = credstack;
const { readCatalog } = credstackNode;

const root = join(import.meta.dirname, '..');
const catalog = (() => {
  const result = readCatalog(join(root, 'rules'));
  if (!result.ok) throw new Error('the shipped catalog does not load');
  return result.value;
})();
const ada = JSON.parse(readFileSync(join(root, 'fixtures', 'ada-bs-complete.json'), 'utf8'));

/** Runs `run` for a second to let the JIT settle, then counts runs for `minMs`. */
function timeIt(run: () => void, minMs = 3000): { perSecond: number; meanMs: number; runs: number } {
  for (const warm = performance.now(); performance.now() - warm < 1000; ) run();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    runs++;
  }
  const elapsed = performance.now() - start;
  return { perSecond: Math.round((runs / elapsed) * 1000), meanMs: elapsed / runs, runs };
}

console.log('credstack benchmarks (the built package, one core, Node %s)\n', process.version);

const degree = timeIt(() => {
  const result = audit(catalog, ada, { programs: ['bs-data-science'] });
  if (!result.ok || result.value.audits[0]!.status !== 'complete') throw new Error('the degree audit changed');
});
console.log(
  `BS Data Science, 40-award transcript (with its nested certificates): ${degree.perSecond} audits/s (${(degree.meanMs * 1000).toFixed(0)} µs each; target ≥ 5000/s)`,
);

let worst = { ms: 0, label: '' };
let total = 0;
let count = 0;
let notOptimal = 0;
for (const [leaves, items] of [
  [6, 12],
  [8, 20],
  [10, 30],
  [12, 40],
  [14, 50],
] as const) {
  for (let seed = 1; seed <= 20; seed++) {
    const { catalog: c, transcript } = contestedInstance(seed * 7919 + leaves, leaves, items);
    audit(c, transcript, { programs: ['gen-ed'] });
    const start = performance.now();
    const result = audit(c, transcript, { programs: ['gen-ed'] });
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    if (!result.value.audits[0]!.optimal) notOptimal++;
    total += ms;
    count++;
    if (ms > worst.ms) worst = { ms, label: `${leaves} overlapping requirements, ${items} courses, seed ${seed}` };
  }
}
console.log(
  `Contested family (${count} instances, 6–14 overlapping requirements, 12–50 courses with 2–4 tags each): worst ${worst.ms.toFixed(1)} ms (${worst.label}), mean ${(total / count).toFixed(2)} ms, ${notOptimal} not proven optimal; target ≤ 50 ms`,
);

// The credit rules' share of an audit: compiled predicates (what audits run) against json-rules-engine itself.
{
  const prepared = prepareCatalog(catalog, ada.asOf);
  const resolved = resolveAwards(prepared, Transcript.parse(ada));
  if (!resolved.ok) throw new Error('resolve');
  const programs = prepared.programsNeeded(['bs-data-science']);
  const compiled = timeIt(() => {
    for (const award of resolved.value) {
      const general = prepared.creditRules.general(award.facts);
      for (const program of programs) prepared.creditRules.inProgram(general, award.facts, program);
    }
  }, 2000);
  const engine = createEngine(prepared.context, catalog.rules as unknown as RuleProperties[]);
  const factsOf = resolved.value.map((a) =>
    Object.fromEntries(Object.entries(a.facts).filter(([, v]) => v !== undefined)),
  );
  let engineRuns = 0;
  const engineStart = performance.now();
  while (performance.now() - engineStart < 3000) {
    for (const facts of factsOf) for (const program of programs) await engine.run({ ...facts, program });
    engineRuns++;
  }
  const engineMs = (performance.now() - engineStart) / engineRuns;
  const auditMs = degree.meanMs;
  console.log(
    `Credit rules for one degree audit (${resolved.value.length} awards × ${programs.length} programs, ${catalog.rules.length} rules): compiled and memoised ${(compiled.meanMs * 1000).toFixed(0)} µs (${((compiled.meanMs / auditMs) * 100).toFixed(0)}% of the audit); json-rules-engine per award and program ${(engineMs * 1000).toFixed(0)} µs (would be ${((engineMs / (auditMs - compiled.meanMs + engineMs)) * 100).toFixed(0)}% of the audit, ${(engineMs / compiled.meanMs).toFixed(0)}× slower)`,
  );
}
