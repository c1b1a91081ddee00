import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Module hooks (`module.register`, see `load-build.ts`) that load a build's files exactly as
 * built. The benchmarks run under tsx, whose own hooks would otherwise transform every JavaScript
 * file outside `node_modules` they load, the build included: esbuild with `keepNames` wraps each
 * named function in a `__name` call (about 20 % slower on the degree audit, more where closures
 * abound), so the timings would be of tsx's output, not of the package.
 */

/** URLs of the build folders (`file:///…/dist/`) loaded as built. */
const builds: string[] = [];

export function initialize(data: { readonly build: string }): void {
  builds.push(data.build);
}

type LoadResult = { format?: string; source?: string | Buffer; shortCircuit?: boolean };

export async function load(
  url: string,
  context: { format?: string },
  nextLoad: (url: string, context: { format?: string }) => Promise<LoadResult>,
): Promise<LoadResult> {
  if (!builds.some((build) => url.startsWith(build)) || !/\.(c|m)?js$/.test(new URL(url).pathname))
    return nextLoad(url, context);
  const format = url.endsWith('.cjs') ? 'commonjs' : 'module';
  return { format, source: await readFile(fileURLToPath(url)), shortCircuit: true };
}
