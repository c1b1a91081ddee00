import { join } from 'node:path';
import type { ChildRunner, Session } from './child-runner.js';
import { median, type MeasureOutput } from './compare-figures.js';
import type { Ready, Timed } from './measure-protocol.js';

/** The two builds compared. */
export type Side = 'ours' | 'baseline';

/** How long each workload is timed, in CPU time: a warm-up, then `slices` slices of `sliceMs` per build, alternating; the figure is the median slice. */
export interface Timings {
  readonly warmMs: number;
  readonly sliceMs: number;
  readonly slices: number;
}

/** What a round needs: the builds, the inputs, where to write, how to run children. */
export interface RoundSetup {
  readonly repo: string;
  readonly runner: ChildRunner;
  readonly dists: Readonly<Record<Side, string>>;
  /** The catalog folder both builds audit against (the batch's; the audits' is in `inputs`). */
  readonly rules: string;
  /** The audit inputs (JSON) and the batch input (NDJSON). */
  readonly inputs: string;
  readonly batch: string;
  readonly work: string;
  readonly timings: Timings;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const script = (name: string) => join(import.meta.dirname, name);

/**
 * One round of the comparison, `order` first. The in-process workloads: a process per build, both
 * up for the round, each workload timed in short slices alternating between them (A B B A …), so
 * both builds see the same machine within a second; each build's figure is its median slice (a
 * slice slowed by the machine, not the code, does not count). The batch: a process per build, one after
 * the other, so each peak memory is its own.
 */
export async function measureRound(
  setup: RoundSetup,
  order: readonly [Side, Side],
): Promise<Record<Side, MeasureOutput>> {
  const audits = await auditRound(setup, order);
  const batch: Partial<Record<Side, MeasureOutput>> = {};
  for (const side of order) batch[side] = await batchRun(setup, side);
  const merge = (side: Side): MeasureOutput => ({
    figures: { ...audits[side].figures, ...batch[side]!.figures },
    results: { ...audits[side].results, ...batch[side]!.results },
    failures: { ...audits[side].failures, ...batch[side]!.failures },
  });
  return { ours: merge('ours'), baseline: merge('baseline') };
}

async function auditRound(setup: RoundSetup, order: readonly [Side, Side]): Promise<Record<Side, MeasureOutput>> {
  const { timings } = setup;
  const output = { ours: empty(), baseline: empty() };
  const sessions = {} as Record<Side, Session>;
  for (const side of order)
    sessions[side] = setup.runner.start(
      process.execPath,
      [
        '--import',
        'tsx',
        script('measure-audits.ts'),
        JSON.stringify({ dist: setup.dists[side], inputs: setup.inputs }),
      ],
      setup.repo,
      `the ${side} build's audit timings`,
    );
  try {
    const ready = {} as Record<Side, Ready | undefined>;
    for (const side of order) {
      try {
        ready[side] = (await sessions[side].ready) as Ready;
        Object.assign(output[side].results, ready[side]!.results);
        Object.assign(output[side].failures, ready[side]!.failures);
      } catch (error) {
        output[side].failures.audits = message(error);
      }
    }
    const workloads = [...new Set(order.flatMap((side) => ready[side]?.workloads ?? []))];
    for (const id of workloads) {
      const sides = order.filter((side) => ready[side]?.workloads.includes(id));
      try {
        for (const side of sides) await sessions[side].request({ kind: 'time', id, ms: timings.warmMs });
        const rates: Record<Side, number[]> = { ours: [], baseline: [] };
        for (let slice = 0; slice < timings.slices; slice++)
          for (const side of slice % 2 === 0 ? sides : [...sides].reverse()) {
            const timed = (await sessions[side].request({ kind: 'time', id, ms: timings.sliceMs })) as Timed;
            rates[side].push((timed.audits / timed.cpuMs) * 1000);
          }
        for (const side of sides) output[side].figures[id] = median(rates[side])!;
      } catch (error) {
        for (const side of sides) output[side].failures[id] = message(error);
      }
    }
    for (const side of order) {
      if (!ready[side]) continue;
      try {
        const contested = (await sessions[side].request({ kind: 'contested' })) as MeasureOutput;
        for (const key of ['figures', 'results', 'failures'] as const) Object.assign(output[side][key], contested[key]);
      } catch (error) {
        output[side].failures.contested = message(error);
      }
    }
  } finally {
    await Promise.all(order.map((side) => sessions[side].close()));
  }
  return output;
}

/** One build's batch, in a process of its own. */
async function batchRun(setup: RoundSetup, side: Side): Promise<MeasureOutput> {
  const config = {
    dist: setup.dists[side],
    rules: setup.rules,
    input: setup.batch,
    out: join(setup.work, `out-${side}.ndjson`),
    workers: 2,
  };
  try {
    const stdout = await setup.runner.run(
      process.execPath,
      ['--import', 'tsx', script('measure-batch.ts'), JSON.stringify(config)],
      { cwd: setup.repo, showStderr: true },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as MeasureOutput;
  } catch (error) {
    return { figures: {}, results: {}, failures: { batch: message(error) } };
  }
}

function empty(): {
  figures: Record<string, number>;
  results: Record<string, string>;
  failures: Record<string, string>;
} {
  return { figures: {}, results: {}, failures: {} };
}
