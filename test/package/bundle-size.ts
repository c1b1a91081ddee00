import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ROOT } from '../helpers.js';

/** What a browser page of an audit imports from credstack: load a catalog, audit, render text and JSON. */
export const AUDIT_ENTRY = `import { audit, auditReportJson, auditToText, loadCatalog } from './src/index.ts';
export { audit, auditReportJson, auditToText, loadCatalog };`;

/** A browser bundle: its code, and esbuild's account of what went into it. */
export interface BrowserBundle {
  readonly code: string;
  readonly metafile: Metafile;
}

/**
 * Bundles `entry` (module source resolved from the package root) for the browser the way an
 * application's bundler would: ES module, minified, unused code shaken out.
 */
export async function browserBundle(entry: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    // highs (the plan solver, loaded on first use) is Emscripten output that imports node:module
    // under Node only; a browser bundler must leave that import out, as an application's would.
    external: ['node:module'],
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no output');
  return { code: output.text, metafile: result.metafile };
}

/** The size in bytes of `code` gzipped at the default level, as a server would send it. */
export const gzippedSize = (code: string): number => gzipSync(code).length;

/** The files with code in the bundle (esbuild reads more: what it shakes out), and their bytes in it. */
export function bundledFiles(metafile: Metafile): [string, number][] {
  return Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([file, { bytesInOutput }]): [string, number] => [file, bytesInOutput]),
  );
}

/** Bytes in the bundle by package (node_modules) or source folder, largest first. */
export function bytesByOrigin(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const [file, bytes] of bundledFiles(metafile)) {
    const origin = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, 2).join('/');
    totals.set(origin, (totals.get(origin) ?? 0) + bytes);
  }
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
