import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { plan } from '../../src/pathways/plan.js';
import { cli, shippedCatalog } from '../helpers.js';

const catalog = shippedCatalog();
const TARGET = 'cert-data-analytics';
const good = () => ({
  learner: { id: 'l' },
  asOf: '2026-05-15',
  awards: [
    { id: 'a1', credential: 'DATA-101', grade: 'A', earned: '2025-12-15' },
    { id: 'a2', code: 'STAT 200', title: 'Statistics', credits: { value: 3 }, grade: 'B', earned: '2025-05-10' },
  ],
  exceptions: [{ type: 'waive', program: TARGET, requirement: 'sql', reason: 'AP' }],
});
type Transcript = ReturnType<typeof good> & Record<string, unknown>;
const changed = (change: (t: Transcript) => void): unknown => {
  const transcript = good() as Transcript;
  change(transcript);
  return transcript;
};
const award = (t: Transcript) => t.awards[0] as Record<string, unknown>;
const exception = (t: Transcript) => t.exceptions[0] as Record<string, unknown>;

/** Transcripts that are wrong in one place each: at parse, against the catalog, or in their exceptions. */
const BAD: Record<string, unknown> = {
  'awards null': changed((t) => (t.awards = null as never)),
  'awards an object': changed((t) => (t.awards = {} as never)),
  'awards a string': changed((t) => (t.awards = 'x' as never)),
  'no learner': changed((t) => delete (t as Partial<Transcript>).learner),
  'empty learner id': changed((t) => (t.learner.id = '')),
  'impossible asOf': changed((t) => (t.asOf = '2026-02-30')),
  'an extra top-level field': changed((t) => (t.extra = 1)),
  'an award null': changed((t) => (t.awards[0] = null as never)),
  'an unknown credential': changed((t) => (award(t).credential = 'NO-SUCH-COURSE')),
  'a grade off the scale': changed((t) => (award(t).grade = 'Z')),
  'an impossible earned date': changed((t) => (award(t).earned = '2025-13-01')),
  'an unknown status': changed((t) => (award(t).status = 'done')),
  'an unknown source': changed((t) => (award(t).source = 'somewhere')),
  'negative credits': changed((t) => (t.awards[1]!.credits = { value: -1 })),
  'a repeated award id': changed((t) => (t.awards[1]!.id = 'a1')),
  'an extra award field': changed((t) => (award(t).colour = 'red')),
  'an inline award without code or title': changed((t) => (t.awards[1] = { id: 'a2', credits: { value: 3 } } as never)),
  'expiry before earned': changed((t) => (award(t).expires = '2020-01-01')),
  'an exception for an unknown program': changed((t) => (exception(t).program = 'no-such-program')),
  'an exception for an unknown requirement': changed((t) => (exception(t).requirement = 'no-such-requirement')),
  'an exception of an unknown type': changed((t) => (exception(t).type = 'forgive')),
  'a substitution of an award not on the transcript': changed(
    (t) =>
      (t.exceptions[0] = {
        type: 'substitute',
        program: TARGET,
        requirement: 'sql',
        award: 'zz',
        reason: 'r',
      } as never),
  ),
  'a partial waiver of a requirement not in credits': changed((t) => (exception(t).credits = 3)),
};

describe('plan and audit read a transcript the same way', () => {
  it('the transcript the bad ones are made from is good', async () => {
    expect(audit(catalog, good() as never, { programs: [TARGET] }).ok).toBe(true);
    expect((await plan(catalog, good() as never, { target: TARGET })).ok).toBe(true);
  });

  it.each(Object.keys(BAD))('%s: plan reports what audit reports, path included', async (name) => {
    const audited = audit(catalog, BAD[name] as never, { programs: [TARGET] });
    const planned = await plan(catalog, BAD[name] as never, { target: TARGET });
    expect(audited.ok).toBe(false);
    expect(planned.ok).toBe(false);
    if (!audited.ok && !planned.ok) {
      expect(planned.issues).toEqual(audited.issues);
      expect(planned.issues.every((issue) => issue.path.length > 0)).toBe(true);
    }
  });

  it.each([
    ['null', '$.awards: expected a value of type array, got null [invalid-shape]'],
    ['{}', '$.awards: expected a value of type array, got {} [invalid-shape]'],
  ])('the plan command with "awards": %s prints the path in one line and exits 1', async (awards, message) => {
    const file = join(mkdtempSync(join(tmpdir(), 'credstack-plan-')), 't.json');
    writeFileSync(file, `{ "learner": { "id": "l" }, "asOf": "2026-05-15", "awards": ${awards} }`);
    for (const args of [[], ['--what-if', join(import.meta.dirname, '../../fixtures/what-if/data-literacy.json')]]) {
      const run = await cli(['plan', file, '--target', TARGET, ...args]);
      expect(run).toMatchObject({ code: 1, stdout: '', stderr: `error: ${file} ${message}\n` });
    }
  });
});
