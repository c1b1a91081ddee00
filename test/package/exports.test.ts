// The public API is a list (src/index.ts, src/node.ts, src/example-catalog.ts): this test fails
// when a name is added to it or dropped from it without exports.snapshot.json changing with it,
// so a change to the package's surface is always a deliberate, reviewed edit of that file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as catalog from '../../src/example-catalog.js';
import * as credstack from '../../src/index.js';
import * as node from '../../src/node.js';
import { declaredExports, ENTRY_POINTS, type EntryPoint, type ExportList } from './public-exports.js';

const ROOT = join(import.meta.dirname, '..', '..');
const snapshot = JSON.parse(readFileSync(join(import.meta.dirname, 'exports.snapshot.json'), 'utf8')) as Record<
  EntryPoint,
  ExportList
>;
const runtime: Record<EntryPoint, object> = { credstack, 'credstack/node': node, 'credstack/catalog': catalog };
const HINT = 'the public API changed: if that is intended, update test/package/exports.snapshot.json';

describe('the public API', () => {
  it('covers every entry point', () => {
    expect(Object.keys(snapshot).sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  for (const entry of Object.keys(ENTRY_POINTS) as EntryPoint[]) {
    it(`${entry}: exports at run time exactly the values listed`, () => {
      expect(Object.keys(runtime[entry]).sort(), HINT).toEqual(snapshot[entry].values);
    });
  }

  it('exports exactly the types listed, and the values TypeScript sees are those at run time', () => {
    const declared = declaredExports(ROOT);
    for (const entry of Object.keys(ENTRY_POINTS) as EntryPoint[]) {
      expect(declared[entry].types, `${entry}: ${HINT}`).toEqual(snapshot[entry].types);
      expect(declared[entry].values, `${entry}: ${HINT}`).toEqual(snapshot[entry].values);
    }
  });

  it('keeps the internals out', () => {
    const everything = Object.values(snapshot).flatMap((list) => [...list.values, ...list.types]);
    for (const internal of ['solveAllocation', 'eachComparison', 'ok', 'fail', 'recordLine', 'MAX_DEPTH', 'parseWith'])
      expect(everything).not.toContain(internal);
  });
});
