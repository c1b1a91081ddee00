import { describe, expect, it } from 'vitest';
import { programAudit, requirement } from '../helpers.js';

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
