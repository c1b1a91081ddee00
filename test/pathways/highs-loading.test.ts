import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Every source file under src/, with its text. */
function sources(dir = join(ROOT, 'src')): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [{ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

describe('HiGHS is loaded by plans only', () => {
  it("the one runtime reference to 'highs' is the dynamic import of src/pathways/highs-solver.ts", () => {
    // Type imports are erased from the build.
    const references = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/^.*['"]highs['"].*$/gm)]
        .filter((m) => !m[0].startsWith('import type '))
        .map((m) => `${file}: ${m[0].trim()}`),
    );
    expect(references).toEqual([
      "src/pathways/highs-solver.ts: loading ??= import('highs').then((module) => module.default());",
    ]);
  });

  it('the audit never reaches the solver module', () => {
    const reaching = sources()
      .filter(({ text }) => text.includes('highs-solver.js'))
      .map(({ file }) => file)
      .sort();
    expect(reaching).toEqual(['src/pathways/plan-search.ts', 'src/pathways/plan.ts']);
  });
});
