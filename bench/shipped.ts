import { join } from 'node:path';
import { loadBuild } from './load-build.js';

/**
 * The built package (`npm run build`), typed as its sources. Benchmarks time what registrar
 * software and the CLI run: tsx, which runs the sources, has esbuild keep every function's name
 * (a call per closure made) and measured about 20 % slower on the degree audit.
 */
export const { credstack, credstackNode } = await loadBuild(join(import.meta.dirname, '..', 'dist'));
