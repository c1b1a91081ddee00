import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, CatalogPart } from '../../src/model/catalog.js';
import { inputJsonSchemas } from '../../src/model/json-schemas.js';
import { outputJsonSchemas } from '../../src/report/output-json-schemas.js';
import { parseWith } from '../../src/model/parse.js';
import { Transcript } from '../../src/model/transcript.js';
import { fixture, readFixture, ROOT, shippedCatalog } from '../helpers.js';

const transcripts = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));

describe('schemas', () => {
  it.each(transcripts)('%s parses, and its parsed form parses to itself', (name) => {
    const first = parseWith(Transcript, readFixture(name));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseWith(Transcript, JSON.parse(JSON.stringify(first.value)));
    expect(again).toEqual(first);
  });

  it('round-trips the shipped catalog as one object', () => {
    const catalog = shippedCatalog();
    const again = parseWith(Catalog, JSON.parse(JSON.stringify(catalog)));
    expect(again.ok && again.value).toEqual(catalog);
  });

  it('fills defaults: status completed, source institution', () => {
    const parsed = parseWith(Transcript, { learner: { id: 'x' }, awards: [{ id: 'a', credential: 'DATA-101' }] });
    expect(parsed.ok && parsed.value.awards[0]).toMatchObject({ status: 'completed', source: 'institution' });
  });

  it('names the path and what was expected', () => {
    const parsed = parseWith(
      Transcript,
      { learner: { id: 'x' }, awards: [{ id: 'a', credential: 'DATA-101', earned: '2025-13-01', grade: 4 }] },
      't.json',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.code, i.path.join('.'), i.file])).toEqual([
      ['invalid-date', 'awards.0.earned', 't.json'],
      ['invalid-shape', 'awards.0.grade', 't.json'],
    ]);
  });

  it('rejects duplicate award ids and exceptions naming unknown awards', () => {
    const parsed = parseWith(Transcript, {
      learner: { id: 'x' },
      awards: [
        { id: 'a', credential: 'X' },
        { id: 'a', credential: 'Y' },
      ],
      exceptions: [{ type: 'apply', program: 'p', requirement: 'r', award: 'zz', reason: 'why' }],
    });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path.join('.'))).toEqual(['awards.1.id', 'exceptions.0.award']);
  });

  it('tells a requirement by exactly one shape key', () => {
    const bad = parseWith(CatalogPart, {
      programs: [{ id: 'p', kind: 'certificate', title: 'P', requirements: { credential: 'a', program: 'b' } }],
    });
    expect(bad.ok ? '' : bad.issues[0]?.expected).toMatch(
      /exactly one of all, any, credential, where, program \(found credential, program\)/,
    );
  });

  it('publishes JSON Schemas that match the zod source (run `npm run schemas` after changing it)', () => {
    for (const [file, schema] of Object.entries({ ...inputJsonSchemas(), ...outputJsonSchemas() })) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8'));
      expect(committed, `schemas/${file} is stale`).toEqual(schema);
    }
  });

  it('has fixtures to test with', () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(10);
    expect(fixture('x')).toContain('fixtures');
  });
});
