import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseBenchArgs, USAGE } from './bench-args.js';
import { compareWithBaseline } from './compare.js';

/**
 * `npm run bench`: the current figures (`bench/run.ts`, `bench/plans.ts`, then `bench/batch.ts`, each in its own
 * process); `npm run bench -- --baseline [REF]`: every figure against REF's build, in one run.
 */
const args = parseBenchArgs(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`error: ${args.error}\n${USAGE}\n`);
  process.exit(2);
}
if (args.mode === 'baseline') process.exitCode = await compareWithBaseline(args, join(import.meta.dirname, '..'));
else
  for (const script of ['run.ts', 'plans.ts', 'batch.ts']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], {
      stdio: 'inherit',
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
