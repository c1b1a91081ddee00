import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type EXPLANATION_CODES, type Explanation, REASON_CODES, type ReasonCode } from '../../src/explain/reasons.js';
import { audit } from '../../src/audit/audit.js';
import { parseWith } from '../../src/model/parse.js';
import { Transcript, type TranscriptInput } from '../../src/model/transcript.js';
import { auditReportJson } from '../../src/report/audit-json.js';
import { AuditReportJsonSchema } from '../../src/report/audit-json-schema.js';
import { cli, readFixture, ROOT, shippedCatalog } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'audit-result.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const fixtures = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));
const catalog = shippedCatalog();
const programs = [...new Set(catalog.programs.map((p) => p.id))];

describe('the audit JSON output matches its published schema (schemas/audit-result.schema.json)', () => {
  it.each(fixtures)('%s: every program of the shipped catalog, and its what-if', (name) => {
    const transcript = parseWith(Transcript, readFixture(name));
    if (!transcript.ok) throw new Error(name);
    for (const includePlanned of [false, true]) {
      // A transcript without an audit date (farah) is audited as of a fixed one.
      const asOf = transcript.value.asOf ? {} : { asOf: '2026-05-15' };
      const report = audit(catalog, readFixture(name) as TranscriptInput, { programs, includePlanned, ...asOf });
      if (!report.ok) throw new Error(JSON.stringify(report.issues));
      const json = JSON.parse(JSON.stringify(auditReportJson(report.value)));
      expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(AuditReportJsonSchema.safeParse(json).success).toBe(true);
    }
  });

  it('the CLI output of converted badges, notices included', async () => {
    const run = await cli(['audit', 'fixtures/badges/clr-farah.json', '--format', 'json', '--as-of', '2026-05-15']);
    const json = JSON.parse(run.stdout);
    expect(json.notices?.length).toBeGreaterThan(0);
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects a field the schema does not know (the schema is strict, so new output fields need it)', () => {
    const report = audit(catalog, readFixture('ada-bs-complete.json') as TranscriptInput, {
      programs: ['bs-data-science'],
    });
    if (!report.ok) throw new Error('audit');
    const json = JSON.parse(JSON.stringify(auditReportJson(report.value)));
    json.audits[0].requirements.surprise = 1;
    expect(validate(json)).toBe(false);
  });
});

it('lists every reason and explanation code (a type check: tsc fails when one is missing)', () => {
  expectTypeOf<Exclude<ReasonCode, (typeof REASON_CODES)[number]>>().toBeNever();
  expectTypeOf<Exclude<Explanation['code'], (typeof EXPLANATION_CODES)[number]>>().toBeNever();
  expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
});
