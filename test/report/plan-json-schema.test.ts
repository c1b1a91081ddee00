import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { plan } from '../../src/pathways/plan.js';
import type { PlanResultJsonSchema } from '../../src/report/audit-json-schema.js';
import { type PlanResultJson, planResultJson } from '../../src/report/plan-json.js';
import { cli, readFixture, ROOT, shippedCatalog } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'plan-result.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const catalog = shippedCatalog();
const valid = (json: unknown) => {
  expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
};

describe('the plan JSON output matches its published schema (schemas/plan-result.schema.json)', () => {
  it.each([
    ['jon-first-term.json', 'cert-data-analytics', undefined],
    ['maya-2025-first-year.json', 'cert-data-engineering', { start: '2026-fall', maxCredits: 6 }],
    ['gia-badge-pathway.json', 'digital-gold', undefined],
    ['ada-bs-complete.json', 'bs-data-science', undefined],
  ] as const)('%s, a plan for %s (with terms: %o)', async (fixture, target, terms) => {
    const result = await plan(catalog, readFixture(fixture) as TranscriptInput, {
      target,
      alternatives: 2,
      ...(terms ? { terms } : {}),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    valid(JSON.parse(JSON.stringify(planResultJson(result.value))));
  });

  it('a program no plan completes: best null, with the reason', async () => {
    const result = await plan(catalog, readFixture('jon-first-term.json') as TranscriptInput, {
      target: 'cert-data-analytics',
      terms: { start: '2026-fall', maxCredits: 1 },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const json = JSON.parse(JSON.stringify(planResultJson(result.value)));
    expect(json.best).toBeNull();
    valid(json);
  });

  it('what credstack plan --format json prints, and rejects a field the schema does not know', async () => {
    const run = await cli(['plan', 'fixtures/gia-badge-pathway.json', '--target', 'digital-gold', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    valid(json);
    json.best.surprise = 1;
    expect(validate(json)).toBe(false);
  });

  it('the schema describes the type the JSON function returns (a type check: tsc fails when they part)', () => {
    expectTypeOf<z.output<typeof PlanResultJsonSchema>>().toExtend<PlanResultJson>();
  });
});
