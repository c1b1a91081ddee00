import { describe, expect, it } from 'vitest';
import { appliedTo, explained, programAudit, readFixture, reasonsFor, requirement } from '../helpers.js';

/** Expected results below were worked out by hand from the fixtures and rules/. */
describe('audit scenarios on the shipped catalog', () => {
  describe('Ada: a complete BS in Data Science, 40 awards', () => {
    const bs = programAudit('ada-bs-complete.json', 'bs-data-science');

    it('is complete, with 127 credits (40 awards; 4.5 quarter hours of geography are 3)', () => {
      expect(bs.status).toBe('complete');
      expect(bs.optimal).toBe(true);
      expect(bs.credits).toEqual({ applied: 127, required: 120, unit: 'semester' });
    });

    it('places STAT 201 in the core and two other courses in mathematics', () => {
      expect(appliedTo(bs, 'STAT-201')).toEqual(['a11']);
      expect(appliedTo(bs, 'math')).toEqual(['a02', 'a07']);
    });

    it('counts the Data Analytics Certificate, earned from four micro-credentials, as the analytics track', () => {
      const track = requirement(bs, 'track-analytics');
      expect(track.status).toBe('complete');
      expect(track.applied).toEqual([
        {
          award: 'program:cert-data-analytics',
          credential: 'cert-data-analytics',
          credits: 6,
          components: ['a21', 'a22', 'a23', 'a24'],
        },
      ]);
      expect(requirement(bs, 'specialization').have).toEqual({ count: 1 });
    });

    it('counts the Google certificate for 12 credits under the external cap, and only once', () => {
      const external = bs.policies.find((p) => p.id === 'external-cap');
      expect(external).toMatchObject({ need: 30, have: 12 });
      expect(explained(bs)).toContainEqual(
        expect.objectContaining({
          award: 'a30',
          rule: 'ace-google-data-analytics',
          code: 'grant',
          credits: 12,
          message: expect.stringContaining('12 semester credits'),
        }),
      );
    });

    it('meets residency with institution credits only, and the GPA over every counted grade', () => {
      const transcript = readFixture('ada-bs-complete.json') as { awards: { grade?: string; source?: string }[] };
      const points: Record<string, number> = { A: 4, 'A-': 3.7, 'B+': 3.3, B: 3, C: 2, 'C+': 2.3 };
      const credits = [
        3, 3, 3, 3, 4, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 3, 3, 3, 4, 3, 12, 3, 3, 4, 4, 2, 3, 3,
        3, 3, 3,
      ];
      credits[20] = 2; // mc-sql
      credits[21] = 2; // mc-python
      let sum = 0;
      let graded = 0;
      transcript.awards.forEach((a, i) => {
        if (a.grade === undefined) return;
        sum += points[a.grade]! * credits[i]!;
        graded += credits[i]!;
      });
      expect(bs.policies.find((p) => p.id === 'residency')).toMatchObject({ status: 'complete', need: 30, have: 112 });
      expect(bs.policies.find((p) => p.id === 'min-gpa')?.have).toBeCloseTo(sum / graded, 2);
    });

    it('shows the writing-intensive overlay without using its courses up', () => {
      expect(requirement(bs, 'writing-intensive')).toMatchObject({ status: 'complete', shared: true });
      expect(appliedTo(bs, 'writing-intensive')).toEqual(['a06', 'a18']);
      expect(appliedTo(bs, 'writing')).toContain('a06');
    });
  });

  describe('Ben: a micro-credential series stacks into a certificate that stacks further', () => {
    it('completes the Data Analytics Certificate', () => {
      const cert = programAudit('ben-stacking-certificates.json', 'cert-data-analytics');
      expect(cert.status).toBe('complete');
      expect(cert.credits.applied).toBe(6);
    });

    it('has the Data Engineering Certificate in progress: DATA 330 is still under way', () => {
      const cert = programAudit('ben-stacking-certificates.json', 'cert-data-engineering');
      expect(cert.status).toBe('in-progress');
      expect(requirement(cert, 'analytics').status).toBe('complete');
      expect(requirement(cert, 'cloud-data')).toMatchObject({
        status: 'in-progress',
        applied: [{ award: 'b6', credential: 'DATA-330', credits: 3, inProgress: true }],
      });
      expect(cert.policies).toContainEqual({
        id: 'total-credits',
        label: 'Total credits',
        status: 'complete',
        need: 12,
        have: 12,
      });
    });
  });

  describe('Dev: an AAS with industry and prior-learning credit', () => {
    const aas = programAudit('dev-aas-prior-learning.json', 'aas-it');

    it('meets every requirement but is 5 credits short of 60', () => {
      expect(aas.requirements.status).toBe('complete');
      expect(aas.status).toBe('incomplete');
      expect(aas.credits.applied).toBe(55);
      expect(aas.policies.find((p) => p.id === 'total-credits')).toMatchObject({
        status: 'incomplete',
        need: 60,
        have: 55,
      });
    });

    it('caps prior learning at 15 of the 18 credits and says so', () => {
      expect(aas.policies.find((p) => p.id === 'prior-learning-cap')).toMatchObject({ need: 15, have: 15, clipped: 3 });
      expect(explained(aas)).toContainEqual({
        code: 'cap',
        award: 'd2',
        counted: 15,
        of: 18,
        limits: ['prior-learning-cap'],
        message: '15 of 18 credits count: over the limit prior-learning-cap',
      });
    });

    it('takes Security+ as CSCI 240 while current, and the IT Support certificate as 12 technical credits', () => {
      expect(requirement(aas, 'CSCI-240').applied).toEqual([
        { award: 'd5', credential: 'comptia-security-plus', credits: 3 },
      ]);
      expect(appliedTo(aas, 'technical-electives')).toEqual(['d1']);
      expect(appliedTo(aas, 'cloud-security')).toEqual(['program:cert-cloud-security']);
    });
  });

  describe('Eve: every reason an award does not count', () => {
    const bs = programAudit('eve-awards-that-do-not-count.json', 'bs-data-science');
    it.each([
      ['e1', 'below minimum grade C'],
      ['e2', 'expired on 2024-03-01'],
      ['e3', 'older than the 10 years recency window (earned 2014-12-15)'],
      ['e4', "denied by rule unaccredited-issuer: issuer is not on Riverbend's list of accredited issuers"],
      [
        'e5',
        'denied by rule no-pass-fail-in-bs-data-science: pass/fail courses do not count toward the BS in Data Science',
      ],
      ['e6', 'repeat of DATA-220: counted once (award e7 counts)'],
      ['e8', 'planned: counts only in what-if audits and plans'],
    ])('%s: %s', (award, reason) => {
      expect(reasonsFor(bs, award)).toEqual([reason]);
    });

    it('counts the better repeat, and MATH 110 where it fits', () => {
      expect(appliedTo(bs, 'DATA-220')).toEqual(['e7']);
      expect(appliedTo(bs, 'math')).toEqual(['e9']);
    });

    it('counts pass/fail toward programs the deny does not name', () => {
      const aas = programAudit('eve-awards-that-do-not-count.json', 'aas-it');
      expect(appliedTo(aas, 'gen-ed')).toContain('e5');
    });

    it('does not count awards in a program older than the recency window', () => {
      expect(reasonsFor(programAudit('eve-awards-that-do-not-count.json', 'aas-it'), 'e3')).toEqual([
        'older than the 10 years recency window (earned 2014-12-15)',
      ]);
    });
  });

  describe('Farid: quarter hours and ECTS', () => {
    const bs = programAudit('farid-transfer-units.json', 'bs-data-science');
    it('converts 4.5 quarter hours to 3 semester credits', () => {
      expect(requirement(bs, 'writing')).toMatchObject({ status: 'complete', have: { credits: 6 } });
      expect(requirement(bs, 'math')).toMatchObject({
        status: 'incomplete',
        have: { credits: 3 },
        remaining: { credits: 3 },
      });
    });
    it('converts 5 ECTS to 2.5 credits and tags it a data elective in the BS only (program-scoped rule)', () => {
      expect(requirement(bs, 'major-electives').applied).toContainEqual({
        award: 'f4',
        credential: 'eu-data-protection',
        credits: 2.5,
      });
      expect(bs.credits.applied).toBe(26.5);
      const aas = programAudit('farid-transfer-units.json', 'aas-it');
      expect(aas.fallThrough).toContainEqual({ award: 'f4', credential: 'eu-data-protection', credits: 2.5 });
      expect(aas.explanations.some((e) => 'rule' in e && e.rule === 'eu-data-protection-elective')).toBe(false);
    });
  });

  describe('Gia: a badge ladder with a duplicate and an expired badge', () => {
    it('earns bronze', () => expect(programAudit('gia-badge-pathway.json', 'digital-bronze').status).toBe('complete'));
    it('does not earn silver: a duplicate badge does not fill a second slot, and an expired one does not count', () => {
      const silver = programAudit('gia-badge-pathway.json', 'digital-silver');
      expect(silver.status).toBe('incomplete');
      expect(requirement(silver, 'two-of')).toMatchObject({
        have: { count: 1 },
        need: { count: 2 },
        remaining: { count: 1 },
      });
      expect(reasonsFor(silver, 'g3')).toEqual(['repeat of badge-collaboration: counted once (award g4 counts)']);
      expect(reasonsFor(silver, 'g5')).toEqual(['expired on 2025-11-01']);
    });
    it('does not earn gold, and says silver is what remains', () => {
      const gold = programAudit('gia-badge-pathway.json', 'digital-gold');
      expect(gold.status).toBe('incomplete');
      expect(requirement(gold, 'silver').remaining).toEqual({
        count: 1,
        options: [{ credential: 'digital-silver', title: 'Digital Skills: Silver', credits: 0 }],
      });
      expect(requirement(gold, 'showcase').status).toBe('complete');
    });
  });

  describe('Hugo: registrar exceptions', () => {
    const aas = programAudit('hugo-exceptions.json', 'aas-it');
    it('substitutes NETW 210 for CSCI 240, with its reason and who decided', () => {
      expect(requirement(aas, 'CSCI-240').applied).toEqual([
        {
          award: 'h3',
          title: 'Network Administration',
          credits: 3,
          exception: { type: 'substitute', reason: "NETW 210 covers CSCI 240's outcomes", by: 'chair-it' },
        },
      ]);
    });
    it('waives 6 of 15 general-education credits, and the technical electives whole', () => {
      expect(requirement(aas, 'gen-ed')).toMatchObject({
        status: 'complete',
        need: { credits: 9 },
        have: { credits: 9 },
        waived: { credits: 6, by: 'registrar-2' },
      });
      expect(requirement(aas, 'technical-electives')).toMatchObject({
        status: 'complete',
        applied: [],
        waived: { reason: 'apprenticeship completion (39-credit technical block)' },
      });
    });
    it('force-applies a transfer capstone in the certificate, which then stacks into the AAS', () => {
      const cert = programAudit('hugo-exceptions.json', 'cert-project-leadership');
      expect(cert.status).toBe('complete');
      expect(requirement(cert, 'capstone').applied[0]).toMatchObject({
        award: 'h9',
        exception: { type: 'apply', by: 'advisor-7' },
      });
      expect(requirement(aas, 'project-leadership').status).toBe('complete');
      expect(aas.credits.applied).toBe(22);
    });
  });

  describe('Iris: block transfer of a whole certificate', () => {
    it('counts the transferred Data Engineering Certificate as the engineering track, worth its 12 credits', () => {
      const bs = programAudit('iris-block-transfer.json', 'bs-data-science');
      expect(requirement(bs, 'track-engineering').applied).toEqual([
        { award: 'i1', credential: 'cert-data-engineering', credits: 12 },
      ]);
      expect(bs.policies.find((p) => p.id === 'residency')?.have).toBe(6);
    });
  });

  describe('Jon: in-progress and planned work', () => {
    const cert = programAudit('jon-first-term.json', 'cert-cloud-security');
    it('is in progress: met once the two in-progress micro-credentials finish', () => {
      expect(cert.status).toBe('in-progress');
      expect(requirement(cert, 'foundations').status).toBe('complete');
      expect(requirement(cert, 'network').status).toBe('in-progress');
    });
    it('does not count planned work, except in a what-if audit', () => {
      expect(reasonsFor(cert, 'j5')).toEqual(['planned: counts only in what-if audits and plans']);
      const aas = programAudit('jon-first-term.json', 'aas-it', { includePlanned: true });
      expect(appliedTo(aas, 'CSCI-110')).toEqual(['j5']);
    });
  });

  describe("Kim: outside the program's catalog years", () => {
    it('counts nothing before the AAS took effect', () => {
      const aas = programAudit('kim-catalog-year.json', 'aas-it');
      expect(aas.status).toBe('incomplete');
      expect(aas.unused).toEqual([
        { award: 'k1', credential: 'CSCI-110', reasons: [{ code: 'outside-catalog-years', from: '2023-08-01' }] },
        { award: 'k2', credential: 'CSCI-210', reasons: [{ code: 'outside-catalog-years', from: '2023-08-01' }] },
      ]);
      expect(reasonsFor(aas, 'k1')).toEqual(["outside the program's catalog years (in effect from 2023-08-01)"]);
    });
  });

  describe('Lena: equivalency rules', () => {
    it('takes an AWS certification as Cloud Foundations, completing the certificate', () => {
      const cert = programAudit('lena-equivalencies.json', 'cert-cloud-security');
      expect(cert.status).toBe('complete');
      expect(requirement(cert, 'foundations').applied).toEqual([
        { award: 'l2', credential: 'aws-cloud-practitioner', credits: 1 },
      ]);
    });
    it('takes military training as COMM 110', () => {
      const bs = programAudit('lena-equivalencies.json', 'bs-data-science');
      expect(requirement(bs, 'communication').applied).toEqual([
        { award: 'l1', credential: 'pla-military-comms', credits: 3 },
      ]);
      expect(bs.explanations).toContainEqual(
        expect.objectContaining({ award: 'l1', rule: 'jst-communications-as-comm-110', code: 'grant' }),
      );
    });
  });
});
