import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { creditsStillNeeded } from '../../src/audit/remaining.js';
import { auditFixture, fixture, programAudit, requirement, shippedCatalog } from '../helpers.js';

/** Issue 14: what an advising tool renders from the result without re-deriving it (SPEC section 8). */
describe('remaining.options', () => {
  it('are { credential, title, credits } objects, credits in the program unit after the credit rules', () => {
    const cloud = programAudit('gia-badge-pathway.json', 'cert-cloud-security', { asOf: '2026-05-15' });
    // AWS Cloud Practitioner carries no catalog credits: a credit rule grants it 1 semester credit.
    expect(requirement(cloud, 'foundations').remaining?.options).toEqual([
      { credential: 'mc-cloud-foundations', title: 'Cloud Foundations', credits: 1 },
      { credential: 'aws-cloud-practitioner', title: 'AWS Certified Cloud Practitioner', credits: 1 },
    ]);
    const engineering = programAudit('jon-first-term.json', 'cert-data-engineering');
    expect(requirement(engineering, 'analytics').remaining?.options).toEqual([
      { credential: 'cert-data-analytics', title: 'Data Analytics Certificate', credits: 6 },
    ]);
  });

  it('list a credential the learner only plans (Jon plans CSCI-110: still something to earn)', () => {
    const aas = programAudit('jon-first-term.json', 'aas-it');
    const options = requirement(aas, 'technical-electives').remaining?.options?.map((o) => o.credential);
    expect(options?.slice(0, 3)).toEqual(['CSCI-110', 'CSCI-210', 'CSCI-240']);
  });

  it('leave out a credential the learner holds and that may count', () => {
    // Ben holds DATA-320 (complete) and DATA-330 (in progress), applied to the electives already.
    const aas = programAudit('ben-stacking-certificates.json', 'aas-it', { asOf: '2026-05-15' });
    const options = requirement(aas, 'technical-electives').remaining?.options?.map((o) => o.credential);
    expect(options).toContain('DATA-310');
    expect(options).not.toContain('DATA-320');
    expect(options).not.toContain('DATA-330');
  });
});

describe('credits.applied', () => {
  it('does not read as full while requirements are open (Omar: 0 of 3 met was "28/12")', () => {
    const engineering = programAudit('omar-failing-grades.json', 'cert-data-engineering', { asOf: '2026-05-15' });
    expect(engineering.requirements.children!.map((c) => c.status)).toEqual(['incomplete', 'incomplete', 'incomplete']);
    // The three requirements need 6 + 3 + 3 credits of the 12: no room is left for fall-through.
    expect(engineering.credits).toEqual({ applied: 0, required: 12, unit: 'semester' });
    // The total-credits policy itself is met: 28 fall-through credits.
    expect(engineering.policies.find((p) => p.id === 'total-credits')).toMatchObject({ status: 'complete', have: 28 });
  });

  it('counts what is applied to requirements, and fall-through up to the room they leave', () => {
    // Priya: DATA-320 (3 credits) applied; the rest needs 6 + 3, so 12 − 3 − 9 leaves no room.
    const priya = programAudit('priya-catalog-what-if.json', 'cert-data-engineering', { asOf: '2026-05-15' });
    expect(priya.credits.applied).toBe(3);
    // Ben: every requirement met (one in progress): all of it counts.
    const ben = programAudit('ben-stacking-certificates.json', 'cert-data-engineering', { asOf: '2026-05-15' });
    expect(ben.credits.applied).toBe(12);
    // A degree leaves room for free electives: Omar's 28 credits all count toward the 120.
    const bs = programAudit('omar-failing-grades.json', 'bs-data-science', { asOf: '2026-05-15' });
    expect(bs.credits.applied).toBe(28);
  });
});

describe('credits.applied on every fixture and program', () => {
  const catalog = shippedCatalog();
  const programs = [...new Set(catalog.programs.map((p) => p.id))];
  it.each(readdirSync(fixture('.')).filter((f) => f.endsWith('.json')))('%s: open requirements, not full', (name) => {
    const report = auditFixture(name, programs, { asOf: '2026-05-15' });
    for (const a of report.audits)
      if (
        a.requirements.status === 'incomplete' &&
        a.credits.required !== null &&
        creditsStillNeeded(a.requirements) > 0
      )
        expect(a.credits.applied, a.program).toBeLessThan(a.credits.required);
  });
});
