import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credstack, credstackNode } from './shipped.js';
import { syntheticTranscript } from './synthetic.js';

/**
 * Plans (SPEC section 10) for every shipped program, in-process on the built package: from an
 * empty transcript, from each fixture transcript and from 30 seeded synthetic ones (20 awards).
 * Per program: the median and the worst time of the best plan alone, how many plans are proven,
 * how many the what-if audit rejected, and the median with the default three alternatives. A
 * first pass over the empty transcripts warms HiGHS up (its first solves in a process run
 * 5–10× slower while the WebAssembly is compiled to optimised code); it is not counted.
 */
const { plan } = credstack;
const root = join(import.meta.dirname, '..');
const catalog = (() => {
  const result = credstackNode.readCatalog(join(root, 'rules'));
  if (!result.ok) throw new Error('the shipped catalog does not load');
  return result.value;
})();
const asOf = '2026-05-15';
const fixtures = readdirSync(join(root, 'fixtures'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8')))
  .filter((t) => Array.isArray(t.awards));
const transcripts = [
  { learner: { id: 'empty' }, asOf, awards: [] },
  ...fixtures,
  ...Array.from({ length: 30 }, (_, i) => syntheticTranscript(catalog, 1000 + i, 20)),
];
const programs = [...new Set(catalog.programs.map((p) => p.id))].sort();

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (v: number) => `${v.toFixed(0)} ms`;

for (const target of programs) await plan(catalog, transcripts[0]!, { target, defaultAsOf: asOf });

console.log(
  `Plans, in-process (the built package, Node ${process.version}): ${transcripts.length} transcripts (empty, ${fixtures.length} fixtures, 30 synthetic) × ${programs.length} programs\n`,
);
console.log(
  '| program | plans found | best plan: median | max | proven (or none exists) | rejected by the audit | with 3 alternatives: median |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const all: number[] = [];
let provenAll = 0;

for (const target of programs) {
  const times: number[] = [];
  const withAlternatives: number[] = [];
  let proven = 0;
  let found = 0;
  let rejected = 0;
  for (const transcript of transcripts) {
    const started = performance.now();
    const result = await plan(catalog, transcript, { target, defaultAsOf: asOf, alternatives: 0 });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`plan refused a transcript: ${JSON.stringify(result.issues)}`);
    rejected += result.value.rejected.length;
    if (result.value.best) found++;
    // Proven: the cheapest plan, or that no plan exists (the model itself has no solution).
    if (result.value.best ? result.value.best.proven : result.value.reason?.startsWith('no combination')) proven++;
    const again = performance.now();
    await plan(catalog, transcript, { target, defaultAsOf: asOf });
    withAlternatives.push(performance.now() - again);
  }
  times.sort((a, b) => a - b);
  withAlternatives.sort((a, b) => a - b);
  all.push(...times);
  provenAll += proven;
  console.log(
    `| ${target} | ${found} of ${transcripts.length} | ${ms(quantile(times, 0.5))} | ${ms(times.at(-1)!)} | ${proven} of ${transcripts.length} | ${rejected} | ${ms(quantile(withAlternatives, 0.5))} |`,
  );
}
all.sort((a, b) => a - b);
console.log(
  `\nAll ${all.length} plans: median ${ms(quantile(all, 0.5))}, 90th percentile ${ms(quantile(all, 0.9))}, max ${ms(all.at(-1)!)}; ${provenAll} of ${all.length} proven (the cheapest plan, or that none exists)`,
);

// Term-by-term schedules for the degree (SPEC section 10): from fall 2026, 15 credits a term.
const scheduled: number[] = [];
let scheduledProven = 0;
let scheduledFound = 0;
for (const transcript of transcripts) {
  const started = performance.now();
  const result = await plan(catalog, transcript, {
    target: 'bs-data-science',
    defaultAsOf: asOf,
    alternatives: 0,
    terms: { start: '2026-fall', maxCredits: 15 },
  });
  scheduled.push(performance.now() - started);
  if (result.ok && result.value.best) {
    scheduledFound++;
    if (result.value.best.proven) scheduledProven++;
  }
}
scheduled.sort((a, b) => a - b);
console.log(
  `BS term schedules (from 2026-fall, 15 credits a term): median ${ms(quantile(scheduled, 0.5))}, max ${ms(scheduled.at(-1)!)}; ${scheduledProven} of ${scheduledFound} found proven`,
);
