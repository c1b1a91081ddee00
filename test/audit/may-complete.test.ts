import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { AuditOptionsSchema, auditInput } from '../../src/audit/audit-input.js';
import { creditItems } from '../../src/audit/credit-items.js';
import { mayComplete } from '../../src/audit/may-complete.js';
import { resolveAwards } from '../../src/audit/resolve-awards.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { readFixture, requirement, shippedCatalog, testCatalog, testCourse } from '../helpers.js';
import { runs } from '../setup/fuzz.js';
import { awardOf } from './transcript-arbitraries.js';

const catalog = shippedCatalog();

/** Whether the program might complete on the transcript, and its status audited alone (programs that nest none). */
function checked(transcript: TranscriptInput, id: string) {
  const input = auditInput(catalog, transcript, {}, AuditOptionsSchema);
  if (!input.ok) throw new Error(JSON.stringify(input.issues));
  const { prepared, catalogDate } = input.value;
  const awards = resolveAwards(prepared, input.value.transcript);
  if (!awards.ok) throw new Error(JSON.stringify(awards.issues));
  const target = prepared.programs.get(id)!;
  const items = creditItems(prepared, target, awards.value, { includePlanned: false, catalogDate });
  const result = audit(catalog, transcript, { programs: [id] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { may: mayComplete(target.tree, items), status: result.value.audits[0]!.status };
}

/**
 * Programs of the shipped catalog whose requirements name no other program (their items are the
 * transcript's) and have no `when` (the audit asks mayComplete only then), each with the catalog
 * credentials that would meet its leaves (what a transcript that may complete it holds).
 */
const flat = (() => {
  const input = auditInput(catalog, { learner: { id: 'x' }, asOf: '2026-05-15', awards: [] }, {}, AuditOptionsSchema);
  if (!input.ok) throw new Error('the empty transcript does not parse');
  return [...input.value.prepared.programs.values()]
    .filter((p) => p.tree.specs.every((spec) => !spec?.nested) && p.tree.when.every((test) => !test))
    .map((p) => ({
      id: p.program.id,
      options: [...new Set(p.tree.leaves.flatMap((leaf) => p.optionsOf(p.tree.nodes[leaf]!, () => true, 20)))],
    }));
})();

/** A program and a transcript of 1 to 12 awards, mostly of credentials that meet its leaves. */
const programAndTranscript = fc.constantFrom(...flat).chain(({ id, options }) =>
  fc
    .array(fc.constantFrom(...options, ...catalog.credentials.slice(0, 4).map((c) => c.id)), {
      minLength: 1,
      maxLength: 12,
    })
    .chain((ids) => fc.tuple(...ids.map((c) => awardOf(catalog, c))))
    .map((awards) => ({
      id,
      transcript: {
        learner: { id: 's-prop' },
        asOf: '2026-05-15',
        awards: awards.map((a, i) => ({ ...a, id: `a${i}` })),
      } satisfies TranscriptInput,
    })),
);

describe('mayComplete: a necessary condition for a program to complete', () => {
  it('holds for the Data Analytics Certificate Ada completes, not once an award of one leaf is gone', () => {
    const ada = readFixture('ada-bs-complete.json') as TranscriptInput;
    expect(checked(ada, 'cert-data-analytics')).toEqual({ may: true, status: 'complete' });
    // a22 is her Python micro-credential: the python leaf has nothing left.
    const without = { ...ada, awards: ada.awards.filter((a) => a.id !== 'a22') };
    expect(checked(without, 'cert-data-analytics')).toEqual({ may: false, status: 'incomplete' });
  });

  test.prop([programAndTranscript], { numRuns: runs(200) })(
    'a program it rules out is incomplete when audited (programs that nest none)',
    ({ id, transcript }) => {
      const { may, status } = checked(transcript, id);
      if (!may) expect(status).toBe('incomplete');
    },
  );
});

describe('a nested program with `when` conditions is always allocated', () => {
  // The certificate's one requirement applies only to learners who declare "zzz": for others it
  // is closed, and the certificate's `all` needs only the requirements that apply, none.
  const nested = testCatalog({
    credentials: [testCourse('A-1')],
    programs: [
      {
        id: 'cert',
        kind: 'certificate',
        title: 'Certificate',
        requirements: {
          id: 'root',
          all: [{ id: 'x', credential: 'A-1', when: { fact: 'declared', operator: 'contains', value: 'zzz' } }],
        },
      },
      { id: 'deg', kind: 'degree', title: 'Degree', requirements: { all: [{ id: 'track', program: 'cert' }] } },
    ],
    gradeScale: { A: 4 },
  });

  it('a certificate whose requirements do not apply counts for its degree, held awards or not', () => {
    const result = audit(nested, { learner: { id: 's' }, asOf: '2026-05-01', awards: [] }, { programs: ['deg'] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(requirement(result.value.audits[0]!, 'track')).toMatchObject({
      status: 'complete',
      applied: [{ award: 'program:cert', components: [] }],
    });
  });
});
