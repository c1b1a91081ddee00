import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import type { Catalog } from '../src/model/catalog.js';
import { readCatalog } from '../src/io/read-catalog.js';

export const ROOT = join(import.meta.dirname, '..');
export const fixture = (name: string) => join(ROOT, 'fixtures', name);
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));

let shipped: Catalog | undefined;
/** The shipped catalog in rules/, loaded once. */
export function shippedCatalog(): Catalog {
  if (!shipped) {
    const result = readCatalog(join(ROOT, 'rules'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    shipped = result.value;
  }
  return shipped;
}

/** Runs the CLI in-process and captures what it printed. */
export async function cli(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    cwd: ROOT,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
