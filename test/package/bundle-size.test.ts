import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_ENTRY,
  type BrowserBundle,
  browserBundle,
  bundledFiles,
  bytesByOrigin,
  gzippedSize,
} from './bundle-size.js';

/** The budget of a browser page's audit (issue 16): load a catalog, audit, render text and JSON. */
const BUDGET_GZIPPED = 60 * 1024;

describe('the browser bundle of an audit', () => {
  let bundle: BrowserBundle;
  beforeAll(async () => {
    bundle = await browserBundle(AUDIT_ENTRY);
  });

  it(`stays within ${BUDGET_GZIPPED / 1024} KB gzipped`, async ({ annotate }) => {
    const { code, metafile } = bundle;
    const gzipped = gzippedSize(code);
    const origins = bytesByOrigin(metafile)
      .slice(0, 8)
      .map(([origin, bytes]) => `${origin} ${(bytes / 1024).toFixed(1)} KB`)
      .join(', ');
    await annotate(
      `${(code.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_GZIPPED / 1024} KB); minified by origin: ${origins}`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIPPED);
  });

  it('leaves out what an audit does not run: the reference rule engine, the plan solver, zod locales', () => {
    const origins = new Map(bytesByOrigin(bundle.metafile));
    for (const absent of ['json-rules-engine', 'jsonpath-plus', 'eventemitter2', 'highs'])
      expect(origins.has(absent)).toBe(false);
    const files = bundledFiles(bundle.metafile).map(([file]) => file);
    expect(files.filter((file) => /zod\/v4\/locales\/(?!en\.js)/.test(file))).toEqual([]);
    expect(files.filter((file) => /zod\/v4\/classic\//.test(file))).toEqual([]);
  });
});
