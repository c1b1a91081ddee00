import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { jsonErrorOffset } from '../../src/model/json-error-position.js';
import { parseJsonText } from '../../src/model/parse.js';
import { shippedCatalog } from '../helpers.js';
import { runs } from '../setup/fuzz.js';

/** Arbitrary JSON, plus structural mutations of the shipped catalog (closer to real mistakes). */
const mutatedCatalog = fc.tuple(fc.nat(), fc.jsonValue()).map(([seed, replacement]) => {
  const catalog = JSON.parse(JSON.stringify(shippedCatalog())) as Record<string, unknown>;
  const paths: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      paths.push({ parent: node as Record<string, unknown>, key });
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(catalog);
  const target = paths[seed % paths.length]!;
  target.parent[target.key] = replacement;
  return catalog;
});

describe('the catalog loader on arbitrary input', () => {
  test.prop([fc.jsonValue()], { numRuns: runs(300) })('never throws on arbitrary JSON', (json) => {
    const result = loadCatalog([{ file: 'fuzz.json', json }]);
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok)
      for (const issue of result.issues)
        expect(issue).toMatchObject({
          code: expect.any(String),
          file: expect.any(String),
          expected: expect.any(String),
        });
  });

  test.prop([mutatedCatalog], { numRuns: runs(300) })(
    'never throws on a mutated catalog; failures are typed issues',
    (json) => {
      const result = loadCatalog([{ file: 'mutated.json', json }]);
      if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
    },
  );

  test.prop([fc.string(), fc.jsonValue()])('JSON syntax errors are located where JSON.parse fails', (noise, json) => {
    const text = JSON.stringify(json) + noise;
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    const parsed = parseJsonText(text, 'x.json');
    expect(parsed.ok).toBe(valid);
    if (!valid) expect(jsonErrorOffset(text)).toBeLessThanOrEqual(text.length);
  });
});

describe('hostile nesting', () => {
  it('reports a requirement tree nested thousands deep instead of overflowing the stack', () => {
    let requirements: unknown = { credential: 'c' };
    for (let i = 0; i < 5000; i++) requirements = { all: [requirements] };
    const result = loadCatalog([
      {
        file: 'deep.json',
        json: {
          institution: { id: 'x', name: 'X' },
          credentials: [{ id: 'c', kind: 'course', title: 'C' }],
          programs: [{ id: 'p', kind: 'certificate', title: 'P', requirements }],
        },
      },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        code: 'invalid-shape',
        file: 'deep.json',
        expected: 'nesting at most 200 levels deep',
      });
  });
});
