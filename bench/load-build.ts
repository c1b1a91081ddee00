import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A built package's public API (`dist/index.js` and `dist/node.js`), typed as this checkout's sources. */
export interface Build {
  readonly credstack: typeof import('../src/index.js');
  readonly credstackNode: typeof import('../src/node.js');
}

/**
 * Loads the built package in `dist` (`npm run build`) as built: not transformed by tsx, which
 * runs the benchmarks (see `as-built-hooks.ts`). Benchmarks time only this public API,
 * so the same code times this checkout's build and an older one (`--baseline`).
 */
export async function loadBuild(dist: string): Promise<Build> {
  if (!existsSync(join(dist, 'index.js'))) throw new Error(`build first (npm run build): no ${join(dist, 'index.js')}`);
  register('./as-built-hooks.ts', import.meta.url, { data: { build: pathToFileURL(join(dist, '/')).href } });
  const [credstack, credstackNode] = await Promise.all([
    import(pathToFileURL(join(dist, 'index.js')).href),
    import(pathToFileURL(join(dist, 'node.js')).href),
  ]);
  return { credstack, credstackNode };
}
