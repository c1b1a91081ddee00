// credstack/catalog: the shipped example catalog as data, the same catalog `readCatalog('rules')` reads.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { exampleCatalog } from '../../src/example-catalog.js';
import { readCatalog } from '../../src/io/read-catalog.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('credstack/catalog', () => {
  it('holds every file of rules/, in the order readCatalog reads them', () => {
    const files = readdirSync(join(ROOT, 'rules'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json'))
      .map((file) => relative(ROOT, join(ROOT, 'rules', file)))
      .sort((a, b) => a.localeCompare(b));
    expect(exampleCatalog.map((source) => source.file)).toEqual(files);
  });

  it('loads to the catalog readCatalog reads from rules/', () => {
    const loaded = loadCatalog(exampleCatalog);
    expect(loaded.ok).toBe(true);
    expect(loaded).toEqual(readCatalog(join(ROOT, 'rules')));
  });
});
