import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The built package (`npm run build`), typed as its sources. Benchmarks time what registrar
 * software and the CLI run: tsx, which runs the sources, has esbuild keep every function's name
 * (a call per closure made) and measured about 20 % slower on the degree audit.
 */
const dist = join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(dist, 'index.js'))) throw new Error('build first (npm run build): the benchmarks time the built package');
export const credstack: typeof import('../src/index.js') = await import(pathToFileURL(join(dist, 'index.js')).href);
export const credstackNode: typeof import('../src/node.js') = await import(pathToFileURL(join(dist, 'node.js')).href);
