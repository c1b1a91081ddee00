import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { explainAward } from '../../src/audit/explain-award.js';
import { type CatalogListing, listCatalog } from '../../src/catalog/list-catalog.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { awardExplanationJson } from '../../src/report/award-explanation.js';
import type { CatalogListingJsonSchema } from '../../src/report/listing-json-schema.js';
import { cli, readFixture, ROOT, shippedCatalog } from '../helpers.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = (file: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));
const listSchema = compiled('list-result.schema.json');
const explainSchema = compiled('explain-result.schema.json');
const valid = (validate: typeof listSchema, json: unknown) => {
  expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
};
const catalog = shippedCatalog();

describe('the list and explain JSON outputs match their published schemas', () => {
  it('credstack list --format json, whole and one part; a field the schema does not know fails', async () => {
    const whole = JSON.parse((await cli(['list', '--format', 'json'])).stdout);
    valid(listSchema, whole);
    valid(listSchema, JSON.parse((await cli(['list', 'programs', '--format', 'json'])).stdout));
    valid(listSchema, JSON.parse((await cli(['list', 'credentials', '--format', 'json'])).stdout));
    expect(whole).toEqual(JSON.parse(JSON.stringify(listCatalog(catalog))));
    whole.programs[0].surprise = 1;
    expect(listSchema(whole)).toBe(false);
  });

  it('every award of every fixture explained across the shipped catalog', () => {
    // Applied, fall-through and unused places, nested programs, double counting, exceptions.
    for (const fixture of [
      'ada-bs-complete.json',
      'hugo-exceptions.json',
      'iris-block-transfer.json',
      'tomas-electives-and-sharing.json',
      'eve-awards-that-do-not-count.json',
    ]) {
      const transcript = readFixture(fixture) as TranscriptInput & { awards: { id: string }[] };
      for (const { id } of transcript.awards) {
        const explained = explainAward(catalog, transcript, id);
        if (!explained.ok) throw new Error(JSON.stringify(explained.issues));
        valid(explainSchema, JSON.parse(JSON.stringify(awardExplanationJson(explained.value))));
      }
    }
  });

  it('credstack explain --format json; a field the schema does not know fails', async () => {
    const run = await cli(['explain', 'fixtures/ada-bs-complete.json', '--award', 'a05', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    valid(explainSchema, json);
    json.programs[0].surprise = 1;
    expect(explainSchema(json)).toBe(false);
  });

  // The explanation's reasons are a union of typed codes that the schema keeps open (code,
  // message and any parameters), so only the listing is type-checked against its schema.
  it('the listing schema describes the type listCatalog returns (a type check: tsc fails when they part)', () => {
    expectTypeOf<z.output<typeof CatalogListingJsonSchema>>().toExtend<Partial<CatalogListing>>();
  });
});
