import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, constants as osConstants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchArgs } from './bench-args.js';
import { buildBaseline, describeCheckout, removeBaseline, resolveBaseline } from './baseline-worktree.js';
import { ChildRunner } from './child-runner.js';
import { figureSpecs, summarize, type MeasureOutput, type Round } from './compare-figures.js';
import { auditInputs, chooseInputs, writeAuditInputs, writeBatchInput } from './compare-inputs.js';
import { renderTable } from './compare-table.js';
import { measureRound, type RoundSetup, type Side } from './compare-round.js';
import { loadBuild } from './load-build.js';

type BaselineArgs = Extract<BenchArgs, { mode: 'baseline' }>;

/** Warm-up and timing per workload, and the batch's size. */
const TIMINGS = {
  full: { warmMs: 2000, sliceMs: 250, slices: 10, batch: 100_000 },
  quick: { warmMs: 1000, sliceMs: 150, slices: 6, batch: 10_000 },
} as const;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Merges the outputs of a build's measuring processes in one round. */
const merge = (outputs: readonly MeasureOutput[]): MeasureOutput => ({
  figures: Object.assign({}, ...outputs.map((o) => o.figures)),
  results: Object.assign({}, ...outputs.map((o) => o.results)),
  failures: Object.assign({}, ...outputs.map((o) => o.failures)),
});

/**
 * `npm run bench -- --baseline REF`: builds REF in a temporary worktree, then times both builds
 * on the same inputs, alternating, in rounds of fresh processes ({@link measureRound}); prints
 * the table (and writes `--json`). The worktree is removed however the run ends.
 */
export async function compareWithBaseline(args: BaselineArgs, repo: string): Promise<number> {
  const baseline = resolveBaseline(repo, args.ref);
  if ('error' in baseline) {
    process.stderr.write(`error: ${baseline.error}\n`);
    return 2;
  }
  const ours = describeCheckout(repo);
  log(`baseline: ${baseline.ref} (${baseline.chosen}) = ${baseline.commit.slice(0, 10)} ${baseline.subject}`);
  const timings = args.quick ? TIMINGS.quick : TIMINGS.full;
  const work = mkdtempSync(join(tmpdir(), 'credstack-bench-'));
  const tree = join(work, 'baseline');
  const runner = new ChildRunner();
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    runner.stopAll();
    removeBaseline(repo, tree);
    rmSync(work, { recursive: true, force: true, maxRetries: 5 });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping, removing the baseline worktree`);
    cleanup();
    process.exit(128 + osConstants.signals[signal]);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    log(`checking ${baseline.ref} out in ${tree}`);
    const dists: Record<Side, string> = {
      ours: join(repo, 'dist'),
      baseline: await buildBaseline(repo, baseline, tree, runner, log),
    };

    const chosen = chooseInputs(
      [
        { name: "this checkout's", root: repo },
        { name: `${baseline.ref}'s`, root: tree },
      ],
      { ours: await loadBuild(dists.ours), baseline: await loadBuild(dists.baseline) },
    );
    if ('error' in chosen) throw new Error(chosen.error);
    for (const why of chosen.passedOver) log(`inputs: not ${why}`);
    const source = `${chosen.source.name} rules/ and fixtures/`;
    log(`writing the inputs (from ${source}; a ${timings.batch.toLocaleString('en-US')}-transcript batch)`);
    const inputs = join(work, 'inputs.json');
    const batch = join(work, 'batch.ndjson');
    const rules = join(chosen.source.root, 'rules');
    writeAuditInputs(inputs, auditInputs(chosen.source.root, chosen.catalog));
    await writeBatchInput(batch, chosen.catalog, timings.batch);

    const setup: RoundSetup = { repo, runner, dists, rules, inputs, batch, work, timings };
    const specs = figureSpecs(timings.batch);
    const rounds: Round[] = [];
    const measured: Record<Side, MeasureOutput[]> = { ours: [], baseline: [] };
    for (let round = 1; round <= args.rounds; round++) {
      // Odd rounds time ours first, even rounds the baseline first: a drift in the machine's speed falls on both.
      const order: readonly [Side, Side] = round % 2 === 1 ? ['ours', 'baseline'] : ['baseline', 'ours'];
      const merged = await measureRound(setup, order);
      measured.ours.push(merged.ours);
      measured.baseline.push(merged.baseline);
      rounds.push({ ours: merged.ours.figures, baseline: merged.baseline.figures });
      const ratios = summarize(specs, [rounds.at(-1)!]).map((s) => `${s.spec.id} ${s.ratios[0]?.toFixed(2) ?? 'n/a'}`);
      log(`round ${round}/${args.rounds} (${order.join(' then ')}): ${ratios.join(', ')}`);
    }

    const summaries = summarize(specs, rounds);
    const all = { ours: merge(measured.ours), baseline: merge(measured.baseline) };
    const notes = [
      ...differences(all.ours, all.baseline),
      ...failures('ours', all.ours),
      ...failures(baseline.ref, all.baseline),
    ];
    process.stdout.write(
      [
        `credstack: ours (${ours.commit.slice(0, 10)}${ours.modified ? ' with uncommitted changes' : ''}) against ${baseline.ref} (${baseline.commit.slice(0, 10)} ${baseline.subject})`,
        `inputs: ${source}${chosen.passedOver.length > 0 ? ` (not ${chosen.passedOver.join('; not ')})` : ''}`,
        `${args.rounds} rounds (${args.quick ? 'quick' : 'full'}: each workload warmed ${timings.warmMs} CPU ms, then ${timings.slices} slices of ${timings.sliceMs} CPU ms per build, alternating, the median slice); Node ${process.version}, ${availableParallelism()} cores`,
        '',
        renderTable(summaries, baseline.ref),
        '',
        'ours and the baseline: medians over the rounds. ratio: above 1 ours is better (a rate: ours / baseline; a time or memory: baseline / ours),',
        "the median of the ratios taken within each round. Audits are timed in the process's CPU time (every thread), far steadier",
        "than wall time on a shared machine; the batch's records/s is wall time.",
        ...notes,
        '',
      ].join('\n'),
    );
    if (args.json) {
      const file = resolve(process.env.INIT_CWD ?? process.cwd(), args.json);
      const figures = summaries.map((s) => ({
        ...s.spec,
        ours: s.ours,
        baseline: s.baseline,
        ratios: s.ratios,
        median: s.median,
      }));
      writeFileSync(
        file,
        `${JSON.stringify({ ours, baseline, inputs: chosen.source.name, node: process.version, cores: availableParallelism(), rounds: args.rounds, quick: args.quick, figures, results: { ours: all.ours.results, baseline: all.baseline.results }, failures: { ours: all.ours.failures, baseline: all.baseline.failures } }, null, 2)}\n`,
      );
      log(`figures written to ${file}`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    cleanup();
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

/** Workloads whose results differ between the builds (a change of behaviour, not of speed). */
function differences(ours: MeasureOutput, baseline: MeasureOutput): string[] {
  return Object.keys(ours.results)
    .filter((id) => id in baseline.results && ours.results[id] !== baseline.results[id])
    .map((id) => `note: ${id}: the results differ: ours ${ours.results[id]}; baseline ${baseline.results[id]}`);
}

/** What a build could not measure, and why. */
function failures(name: string, output: MeasureOutput): string[] {
  return Object.entries(output.failures).map(([id, why]) => `note: ${name} could not run ${id}: ${why}`);
}
