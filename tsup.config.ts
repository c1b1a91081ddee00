import { defineConfig } from 'tsup';

/** The package's entry points: `credstack`, `credstack/node` and `credstack/catalog`. */
const library = { index: 'src/index.ts', node: 'src/node.ts', catalog: 'src/example-catalog.ts' };

// No source maps: the package ships no sources and its JavaScript is not minified, so a stack
// trace already points at readable code (maps were two thirds of the tarball).
export default defineConfig([
  {
    // ESM, the CLI among the entries so that it shares the library's chunks instead of bundling
    // its own copy of the core. The CLI's hashbang is the first line of src/cli/main.ts.
    entry: { ...library, cli: 'src/cli/main.ts', 'batch-worker': 'src/batch/batch-worker.ts' },
    format: ['esm'],
    clean: true,
    target: 'node20',
  },
  {
    // CJS, split too, so `credstack` and `credstack/node` share one copy of the core.
    entry: library,
    format: ['cjs'],
    splitting: true,
    shims: true,
    target: 'node20',
  },
  {
    entry: library,
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
]);
