import { describe, expect, it } from 'vitest';
import type { RequirementResult } from '../../src/audit/audit-result.js';
import { programAudit, requirement } from '../helpers.js';

const statusesUnder = (node: RequirementResult): string[] => [
  `${node.id}:${node.status}`,
  ...(node.children ?? []).flatMap(statusesUnder),
];

describe('not-needed: alternatives of an any whose need the others meet (SPEC 5)', () => {
  it("Ada's complete BS: the two tracks she did not need are not-needed, everything under them too, with no remaining", () => {
    const bs = programAudit('ada-bs-complete.json', 'bs-data-science');
    // Specialization is an any of three tracks needing one; the analytics track meets it.
    expect(statusesUnder(requirement(bs, 'specialization'))).toEqual([
      'specialization:complete',
      'track-analytics:complete',
      'track-cloud:not-needed',
      'cert-cloud-security:not-needed',
      // CSCI-340 is met (Ada holds it) but lies under an alternative that is not needed.
      'CSCI-340:not-needed',
      'track-engineering:not-needed',
    ]);
    const remaining = (node: RequirementResult): unknown[] => [
      ...(node.remaining ? [node.id] : []),
      ...(node.children ?? []).flatMap(remaining),
    ];
    expect(remaining(bs.requirements)).toEqual([]);
  });

  it('Maya midway: the open any says how many of which alternatives are left to choose; an all whose emphasis does not apply does not', () => {
    const bs = programAudit('maya-2025-first-year.json', 'bs-data-science');
    expect(requirement(bs, 'specialization').remaining).toMatchObject({
      choose: 1,
      of: ['track-analytics', 'track-cloud', 'track-engineering'],
    });
    expect(requirement(bs, 'root').remaining).not.toHaveProperty('choose');
  });
});
