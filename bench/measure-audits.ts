import { readFileSync } from 'node:fs';
import type { AuditReport } from '../src/audit/audit-result.js';
import type { Catalog } from '../src/model/catalog.js';
import type { Result } from '../src/model/issue.js';
import type { TranscriptInput } from '../src/model/transcript.js';
import type { MeasureOutput } from './compare-figures.js';
import type { AuditInputs } from './compare-inputs.js';
import { loadBuild } from './load-build.js';
import { Tally } from './tally.js';

/**
 * One build's in-process figures, in a process of its own (`--baseline`): the argument is a JSON
 * `{ dist, inputs, warmMs, durationMs }`; prints a {@link MeasureOutput} line. Only the build's
 * public API is used, so any build of credstack can be timed on the same inputs.
 */
const config = JSON.parse(process.argv[2]!) as { dist: string; inputs: string; warmMs: number; durationMs: number };
const { credstack, credstackNode } = await loadBuild(config.dist);
const inputs = JSON.parse(readFileSync(config.inputs, 'utf8')) as AuditInputs;
const output = { figures: {} as Record<string, number>, results: {} as Record<string, string>, failures: {} as Record<string, string> };

interface Case {
  readonly catalog: Catalog;
  readonly transcript: TranscriptInput;
  readonly programs: readonly string[];
}

const auditCase = (c: Case): Result<AuditReport> => credstack.audit(c.catalog, c.transcript, { programs: c.programs });

/** A digest of results: each program's status, the credits applied, the issue codes of failed audits. */
function digest(results: readonly Result<AuditReport>[]): string {
  const tally = new Tally();
  let credits = 0;
  for (const result of results) {
    if (!result.ok) tally.add(`error ${result.issues.map((i) => i.code).join('+')}`);
    else
      for (const a of result.value.audits) {
        tally.add(`${a.program} ${a.status}`);
        credits += a.credits.applied;
      }
  }
  return `${tally}; ${Math.round(credits * 1000) / 1000} credits`;
}

/** Audits per second over whole passes of `cases`, after warming up for `warmMs`. */
function throughput(cases: readonly Case[]): number {
  const pass = () => {
    for (const c of cases) auditCase(c);
  };
  for (const start = performance.now(); performance.now() - start < config.warmMs; ) pass();
  let passes = 0;
  const start = performance.now();
  do {
    pass();
    passes++;
  } while (performance.now() - start < config.durationMs);
  return (passes * cases.length) / ((performance.now() - start) / 1000);
}

/** Runs one workload; what fails is reported for it, and the others still run. */
function workload(id: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    output.failures[id] = error instanceof Error ? error.message : String(error);
  }
}

/** Times audits per second of `cases` under figure `id`, with the results' digest. */
function timeCases(id: string, cases: () => readonly Case[]): void {
  workload(id, () => {
    const all = cases();
    output.results[id] = digest(all.map(auditCase));
    output.figures[id] = throughput(all);
  });
}

const shipped = credstackNode.readCatalog(inputs.rules);
const catalog = (): Catalog => {
  if (!shipped.ok) throw new Error(`the catalog does not load: ${credstack.issueText(shipped.issues[0]!)}`);
  return shipped.value;
};

timeCases('degree', () => [{ catalog: catalog(), transcript: inputs.ada, programs: ['bs-data-science'] }]);
timeCases('single', () => [{ catalog: catalog(), transcript: inputs.single, programs: ['minor-business-analytics'] }]);
for (const [awards, transcripts] of Object.entries(inputs.synthetic)) timeCases(`synthetic-${awards}`, () => transcripts.map((transcript) => ({ catalog: catalog(), transcript, programs: ['bs-data-science'] })));

// Each contested instance audited once to warm up, then timed once: the worst and the mean.
workload('contested', () => {
  const times: number[] = [];
  const results: Result<AuditReport>[] = [];
  for (const instance of inputs.contested) {
    const loaded = credstack.loadCatalog([{ file: instance.label, json: instance.catalog }]);
    if (!loaded.ok) throw new Error(`${instance.label}: ${credstack.issueText(loaded.issues[0]!)}`);
    const c = { catalog: loaded.value, transcript: instance.transcript, programs: ['gen-ed'] };
    auditCase(c);
    const start = performance.now();
    results.push(auditCase(c));
    times.push(performance.now() - start);
  }
  output.results.contested = digest(results);
  output.figures['contested-worst'] = Math.max(...times);
  output.figures['contested-mean'] = times.reduce((a, b) => a + b, 0) / times.length;
});

process.stdout.write(`${JSON.stringify(output satisfies MeasureOutput)}\n`);
