import { readFileSync } from 'node:fs';
import type { AuditReport } from '../src/audit/audit-result.js';
import type { Catalog } from '../src/model/catalog.js';
import type { Result } from '../src/model/issue.js';
import type { TranscriptInput } from '../src/model/transcript.js';
import type { MeasureOutput } from './compare-figures.js';
import type { AuditInputs } from './compare-inputs.js';
import { loadBuild } from './load-build.js';
import type { AuditRequest, Ready, Timed } from './measure-protocol.js';
import { Tally } from './tally.js';

/**
 * One build's in-process timings, in a process of its own (`--baseline`): the argument is a JSON
 * `{ dist, inputs }`; it answers {@link AuditRequest}s over IPC until the comparison disconnects.
 * Only the build's public API is used, so any build of credstack can be timed on the same inputs.
 */
const config = JSON.parse(process.argv[2]!) as { dist: string; inputs: string };
const { credstack, credstackNode } = await loadBuild(config.dist);
const inputs = JSON.parse(readFileSync(config.inputs, 'utf8')) as AuditInputs;

interface Case {
  readonly catalog: Catalog;
  readonly transcript: TranscriptInput;
  readonly programs: readonly string[];
  /** The whole report read too (as JSON), not only what the digest reads: a build that makes its details lazily pays for them here. */
  readonly readReport?: true;
}

const auditCase = (c: Case): Result<AuditReport> => {
  const result = credstack.audit(c.catalog, c.transcript, { programs: c.programs });
  if (c.readReport) JSON.stringify(result);
  return result;
};

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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const ready = {
  workloads: [] as string[],
  results: {} as Record<string, string>,
  failures: {} as Record<string, string>,
};
const workloads = new Map<string, readonly Case[]>();
const shipped = credstackNode.readCatalog(inputs.rules);
const catalog = (): Catalog => {
  if (!shipped.ok) throw new Error(`the catalog does not load: ${credstack.issueText(shipped.issues[0]!)}`);
  return shipped.value;
};
/** Adds workload `id`: its cases audited once for the digest (and the first pass of warming up). */
const add = (id: string, cases: () => readonly Case[]) => {
  try {
    const all = cases();
    ready.results[id] = digest(all.map(auditCase));
    workloads.set(id, all);
    ready.workloads.push(id);
  } catch (error) {
    ready.failures[id] = message(error);
  }
};
add('degree', () => [{ catalog: catalog(), transcript: inputs.ada, programs: ['bs-data-science'] }]);
add('single', () => [{ catalog: catalog(), transcript: inputs.single, programs: ['minor-business-analytics'] }]);
add('degree-report', () => [
  { catalog: catalog(), transcript: inputs.ada, programs: ['bs-data-science'], readReport: true },
]);
add('single-report', () => [
  { catalog: catalog(), transcript: inputs.single, programs: ['minor-business-analytics'], readReport: true },
]);
for (const [awards, transcripts] of Object.entries(inputs.synthetic))
  add(`synthetic-${awards}`, () =>
    transcripts.map((transcript) => ({ catalog: catalog(), transcript, programs: ['bs-data-science'] })),
  );

/** This process's CPU time (user and system, every thread) in ms since `since`, or since it started. */
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** CPU time between two reads of the clock, at least: reading it (a system call) is not the audits' time. */
const CLOCK_READ_EVERY_MS = 2;

/**
 * Whole passes over a workload's cases for at least `ms` of CPU time (the same work however loaded
 * the machine); the CPU time they took. The clock is read after groups of passes, each group
 * doubled until it takes {@link CLOCK_READ_EVERY_MS}: one read per pass of a 60 µs audit was a
 * tenth of the time measured, and the same for both builds, so it pulled every ratio toward 1.
 */
function time(id: string, ms: number): Timed {
  const cases = workloads.get(id)!;
  let passes = 0;
  let used = 0;
  let group = 1;
  const cpu = process.cpuUsage();
  do {
    for (let pass = 0; pass < group; pass++) for (const c of cases) auditCase(c);
    passes += group;
    const before = used;
    used = cpuMs(cpu);
    if (used - before < CLOCK_READ_EVERY_MS) group *= 2;
  } while (used < ms);
  return { audits: passes * cases.length, cpuMs: used };
}

/** Timed audits of each contested instance: its time is the fastest (a shared machine only adds time). */
const CONTESTED_RUNS = 5;

/** The contested family, loaded (and audited once, for the digest and to warm up) with the other workloads. */
const contestedCases = (() => {
  try {
    const cases = inputs.contested.map((instance) => {
      const loaded = credstack.loadCatalog([{ file: instance.label, json: instance.catalog }]);
      if (!loaded.ok) throw new Error(`${instance.label}: ${credstack.issueText(loaded.issues[0]!)}`);
      return { catalog: loaded.value, transcript: instance.transcript, programs: ['gen-ed'] };
    });
    ready.results.contested = digest(cases.map(auditCase));
    return cases;
  } catch (error) {
    ready.failures.contested = message(error);
    return undefined;
  }
})();

/** The contested family, each instance's fastest CPU time: the worst and the mean. */
function contested(): MeasureOutput {
  if (!contestedCases) return { figures: {}, results: {}, failures: {} };
  const times = contestedCases.map((c) => {
    let fastest = Infinity;
    for (let run = 0; run < CONTESTED_RUNS; run++) {
      const start = process.cpuUsage();
      auditCase(c);
      fastest = Math.min(fastest, cpuMs(start));
    }
    return fastest;
  });
  return {
    figures: {
      'contested-worst': Math.max(...times),
      'contested-mean': times.reduce((a, b) => a + b, 0) / times.length,
    },
    results: {},
    failures: {},
  };
}

process.on('message', (request: AuditRequest) =>
  process.send!(request.kind === 'time' ? time(request.id, request.ms) : contested()),
);
process.on('disconnect', () => process.exit(0));
process.send!(ready satisfies Ready);
