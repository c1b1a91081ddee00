import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditReport, ProgramAudit, RequirementResult } from '../../src/audit/audit-result.js';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { shippedCatalog } from '../helpers.js';
import { runs } from '../setup/fuzz.js';
import { awardOf, transcriptOf } from './transcript-arbitraries.js';

const catalog = shippedCatalog();
const PROGRAMS = ['bs-data-science', 'aas-it', 'cert-data-engineering', 'digital-gold', 'minor-business-analytics'];
const run = (transcript: TranscriptInput): AuditReport => {
  const result = audit(catalog, transcript, { programs: PROGRAMS });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const nodes = (node: RequirementResult): RequirementResult[] => [node, ...(node.children ?? []).flatMap(nodes)];
const RANK = { incomplete: 0, 'in-progress': 1, complete: 2 } as const;
/** Whether the version of the program audited counts its GPA over every graded course. */
const gpaOverAllGraded = (a: ProgramAudit) =>
  catalog.programs.some(
    (p) => p.id === a.program && p.effective?.from === a.version?.from && p.policy?.gpa?.over === 'all-graded',
  );
/**
 * What adding an award may not lower: the status, and the requirements and policies met. A GPA
 * over every graded course is the one exception (SPEC section 4: an F may lower it), so there
 * it is set aside, with the status it may lower: the requirements' status stands for it.
 */
const standing = (a: ProgramAudit) => {
  const gpaAside = gpaOverAllGraded(a);
  const policies = a.policies.filter((p) => !(gpaAside && p.id === 'min-gpa'));
  return {
    // The root always applies: its status is an audit status.
    status: RANK[(gpaAside ? a.requirements.status : a.status) as keyof typeof RANK],
    met:
      nodes(a.requirements).filter((n) => n.status !== 'incomplete').length +
      policies.filter((p) => p.status === 'complete').length,
  };
};

describe('audit invariants on random transcripts of the shipped catalog', () => {
  test.prop([transcriptOf(catalog), fc.nat()], { numRuns: runs(60) })(
    'the same transcript in any order gives the same audit',
    (transcript, seed) => {
      const shuffled = {
        ...transcript,
        awards: [...transcript.awards].sort((a, b) => hash(a.id, seed) - hash(b.id, seed) || a.id.localeCompare(b.id)),
      };
      expect(run(shuffled)).toEqual(run(transcript));
    },
  );

  test.prop(
    [
      transcriptOf(catalog),
      fc.constantFrom(...catalog.credentials.map((c) => c.id)).chain((id) => awardOf(catalog, id)),
    ],
    { numRuns: runs(60) },
  )('adding an award never lowers a status, nor the requirements met at the same status', (transcript, extra) => {
    fc.pre(!transcript.awards.some((a) => a.credential === extra.credential));
    const before = run(transcript);
    const after = run({ ...transcript, awards: [...transcript.awards, { ...extra, id: 'extra' }] });
    before.audits.forEach((old, i) => {
      const [was, is] = [standing(old), standing(after.audits[i]!)];
      expect(is.status).toBeGreaterThanOrEqual(was.status);
      if (is.status === was.status) expect(is.met).toBeGreaterThanOrEqual(was.met);
    });
  });

  test.prop([transcriptOf(catalog)], { numRuns: runs(60) })(
    'no award is applied twice within a program, except to shared requirements and as a listed share allows',
    (transcript) => {
      for (const program of run(transcript).audits) {
        const applications = nodes(program.requirements)
          .filter((n) => !n.shared)
          .flatMap((n) => n.applied.map((a) => ({ at: n.id, ...a })));
        const used = applications.filter((a) => !a.alsoIn).flatMap((a) => a.components ?? [a.award]);
        expect(new Set(used).size).toBe(used.length);
        // A double count names the other place, and that place names it back.
        for (const a of applications.filter((x) => x.alsoIn)) {
          expect(used).not.toContain(a.award);
          for (const other of a.alsoIn!)
            expect(applications.some((b) => b.at === other && b.award === a.award && b.alsoIn?.includes(a.at))).toBe(
              true,
            );
        }
        const doubled = applications.filter((a) => a.alsoIn).map((a) => a.award);
        const fallThrough = program.fallThrough.map((f) => f.award);
        expect(fallThrough.filter((a) => used.includes(a) || doubled.includes(a))).toEqual([]);
      }
    },
  );

  test.prop([transcriptOf(catalog)], { numRuns: runs(60) })(
    'caps are never exceeded, and clipped credits are reported',
    (transcript) => {
      for (const program of run(transcript).audits) {
        for (const policy of program.policies) {
          if (policy.status !== undefined) continue;
          if (policy.need !== undefined) expect(policy.have).toBeLessThanOrEqual(policy.need);
          if (policy.maxCount !== undefined) expect(policy.count).toBeLessThanOrEqual(policy.maxCount);
        }
        const total = program.policies.find((p) => p.id === 'total-credits');
        // While requirements are open, fall-through counts in the headline only as far as they leave room.
        if (total && program.requirements.status !== 'incomplete') expect(total.have).toBe(program.credits.applied);
        else if (total) expect(program.credits.applied).toBeLessThanOrEqual(total.have!);
      }
    },
  );
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 2654435761);
  return h;
}
