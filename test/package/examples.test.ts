// Every function of the public API has a TSDoc `@example`, and every example compiles against the
// package's own entry points, so the API reference never shows code that does not work.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { functionExamples, typeCheck } from './public-exports.js';

const ROOT = join(import.meta.dirname, '..', '..');
const found = functionExamples(ROOT);
// Inside the package (git-ignored .tmp-*), so that the examples resolve `node:` and zod's types.
const folder = mkdtempSync(join(ROOT, '.tmp-examples-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the API reference', () => {
  it('has an example for every public function', () => {
    expect(found.length).toBeGreaterThan(30);
    expect(
      found.filter((f) => f.examples.length === 0 || f.examples.includes('')).map((f) => `${f.entry} ${f.name}`),
    ).toEqual([]);
  });

  it('shows only examples that compile', () => {
    const files = found.flatMap((f, i) =>
      f.examples.map((code, j) => {
        const file = join(folder, `${f.name}-${i}-${j}.ts`);
        writeFileSync(file, code);
        return file;
      }),
    );
    expect(typeCheck(ROOT, files)).toEqual([]);
  });
});
