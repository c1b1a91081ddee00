// Vitest global setup (vitest.config.ts `globalSetup`): builds the CLI once per test run, from the
// current sources, into a fresh folder of its own, so tests that start the CLI as a process never
// run a stale dist/ nor one that a concurrent run (or `npm run build`) is rewriting. The folder
// sits at the package root (.tmp-cli-*, git-ignored) because the CLI finds the shipped catalog by
// walking up to package.json; it is removed when the run ends. Tests get the path from
// `builtCli()` in test/helpers.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';
import configs from '../../tsup.config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built CLI script (cli.js, with its batch-worker.js beside it). */
    builtCli: string;
  }
}

const ROOT = join(import.meta.dirname, '..', '..');

export default async function buildCli(project: TestProject): Promise<() => void> {
  const cli = Array.isArray(configs)
    ? configs.find((c) => typeof c.entry === 'object' && !Array.isArray(c.entry) && 'cli' in c.entry)
    : undefined;
  if (!cli) throw new Error('tsup.config.ts has no build with a cli entry');
  const outDir = mkdtempSync(join(ROOT, '.tmp-cli-'));
  try {
    await build({ ...cli, outDir, sourcemap: false, config: false, silent: true });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('builtCli', join(outDir, 'cli.js'));
  return () => rmSync(outDir, { recursive: true, force: true });
}
