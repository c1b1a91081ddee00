import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credstack, credstackNode } from './shipped.js';
import { multipliedCatalog, syntheticBatch, syntheticTranscript } from './synthetic.js';

const { audit } = credstack;
const { readCatalog } = credstackNode;

const root = join(import.meta.dirname, '..');
const catalog = (() => {
  const result = readCatalog(join(root, 'rules'));
  if (!result.ok) throw new Error('the shipped catalog does not load');
  return result.value;
})();
const cli = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'credstack-bench-'));

async function writeBatch(count: number): Promise<string> {
  const file = join(work, `batch-${count}.ndjson`);
  const out = createWriteStream(file);
  for (const line of syntheticBatch(catalog, count)) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  return file;
}

function runBatch(file: string, workers: number, program = 'bs-data-science'): { seconds: number; line: string } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [cli, 'batch', file, '--program', program, '--workers', String(workers), '--out', join(work, 'out.ndjson')],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const seconds = (performance.now() - started) / 1000;
  const line = run.stderr.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
  return { seconds, line };
}

console.log(
  'credstack batch benchmarks (synthetic transcripts of the shipped catalog, seeded; %d cores)\n',
  (await import('node:os')).availableParallelism(),
);

for (const count of [1_000, 10_000, 100_000]) {
  const file = await writeBatch(count);
  for (const workers of [1, 2]) {
    const { seconds, line } = runBatch(file, workers);
    console.log(
      `${count.toLocaleString('en-US').padStart(7)} transcripts, ${workers} worker${workers > 1 ? 's' : ' '}: ${seconds.toFixed(1).padStart(5)} s, ${Math.round(
        count / seconds,
      )
        .toLocaleString('en-US')
        .padStart(6)}/s  (${line.replace(/^batch: /, '')})`,
    );
  }
  rmSync(file);
}

console.log('\nTranscript length (BS Data Science, one thread, in-process):');
for (const length of [10, 50, 100, 200]) {
  const transcripts = Array.from({ length: 200 }, (_, i) => syntheticTranscript(catalog, i + 1, length));
  transcripts.forEach((t) => audit(catalog, t, { programs: ['bs-data-science'] }));
  const started = performance.now();
  let worst = 0;
  for (const t of transcripts) {
    const s = performance.now();
    audit(catalog, t, { programs: ['bs-data-science'] });
    worst = Math.max(worst, performance.now() - s);
  }
  const each = (performance.now() - started) / transcripts.length;
  console.log(
    `  ${String(length).padStart(3)} awards: ${(each * 1000).toFixed(0).padStart(5)} µs per audit (worst ${worst.toFixed(1)} ms)`,
  );
}

console.log('\nCatalog size (every program audited, 30-award transcripts, one thread):');
for (const times of [1, 10]) {
  const big = multipliedCatalog(catalog, times);
  const transcripts = Array.from({ length: 100 }, (_, i) => syntheticTranscript(catalog, i + 1, 30));
  transcripts.forEach((t) => audit(big, t, { all: true }));
  const started = performance.now();
  for (const t of transcripts) audit(big, t, { all: true });
  const each = (performance.now() - started) / transcripts.length;
  console.log(
    `  ${big.programs.length} programs: ${each.toFixed(2)} ms per transcript (${((each / big.programs.length) * 1000).toFixed(0)} µs per program audit)`,
  );
}
rmSync(work, { recursive: true, force: true });
