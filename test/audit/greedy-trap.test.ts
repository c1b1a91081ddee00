import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { AllRequirement, CredentialRequirement, WhereRequirement } from '../../src/model/requirement.js';
import { readCatalog } from '../../src/io/read-catalog.js';
import { fixture, readFixture, requirement } from '../helpers.js';

const catalog = (() => {
  const result = readCatalog(fixture('catalogs/greedy-trap.json'));
  if (!result.ok) throw new Error('catalog');
  return result.value;
})();

/** What commercial audit systems do: each award, in transcript order, to the first requirement with room. */
function greedyFirstFit(cat: Catalog, awards: { credential: string }[]): Record<string, string[]> {
  const leaves = (cat.programs[0]!.requirements as AllRequirement).all as (CredentialRequirement & WhereRequirement)[];
  const placed: Record<string, string[]> = Object.fromEntries(leaves.map((l) => [l.id!, []]));
  const credits = (id: string) => cat.credentials.find((c) => c.id === id)!.credits!.value;
  const tags = (id: string) => cat.credentials.find((c) => c.id === id)!.tags ?? [];
  for (const { credential } of awards) {
    const leaf = leaves.find((l) => {
      const taken = placed[l.id!]!;
      const matches = l.credential
        ? l.credential === credential
        : tags(credential).includes((l.where as { all: { value: string }[] }).all[0]!.value);
      const room =
        l.credits !== undefined ? taken.reduce((s, c) => s + credits(c), 0) < l.credits : taken.length < (l.count ?? 1);
      return matches && room;
    });
    if (leaf) placed[leaf.id!]!.push(credential);
  }
  return placed;
}

describe('a transcript where greedy placement fails but a complete allocation exists', () => {
  const transcript = readFixture('greedy-trap-transcript.json') as { awards: { credential: string }[] };

  it('defeats greedy first-fit in transcript order', () => {
    const greedy = greedyFirstFit(catalog, transcript.awards);
    expect(greedy).toEqual({
      quantitative: ['STAT-201', 'MATH-110'],
      statistics: [],
      humanities: ['SOCI-150'],
      social: ['PSYC-101'],
    });
  });

  it('is complete under credstack: STAT 201 in statistics, SOCI 150 in social science', () => {
    const result = audit(catalog, transcript as never, { programs: ['cert-quant-society'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cert = result.value.audits[0]!;
    expect(cert.status).toBe('complete');
    expect(requirement(cert, 'quantitative').applied.map((a) => a.credential)).toEqual(['MATH-110', 'MATH-151']);
    expect(requirement(cert, 'statistics').applied.map((a) => a.credential)).toEqual(['STAT-201']);
    expect(requirement(cert, 'humanities').applied.map((a) => a.credential)).toEqual(['HIST-110']);
    expect(requirement(cert, 'social').applied.map((a) => a.credential)).toEqual(['SOCI-150', 'PSYC-101']);
  });
});
