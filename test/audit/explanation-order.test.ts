import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { readFixture, shippedCatalog } from '../helpers.js';

const permutations = <T>(list: readonly T[]): T[][] =>
  list.length <= 1
    ? [[...list]]
    : list.flatMap((first, i) =>
        permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest]),
      );

describe('explanations', () => {
  it("do not depend on the order of the transcript's exceptions (every order of hugo's four)", () => {
    const transcript = readFixture('hugo-exceptions.json') as { exceptions: unknown[] };
    const reportFor = (exceptions: unknown[]) => {
      const result = audit(shippedCatalog(), { ...transcript, exceptions } as never, {
        programs: ['aas-it', 'cert-project-leadership'],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.value;
    };
    const first = reportFor(transcript.exceptions);
    const aas = first.audits.find((a) => a.program === 'aas-it')!;
    // Worked out from the fixture: the two waivers by requirement id, then the substitution.
    const exceptions = aas.explanations.filter((e) => e.code === 'waive' || e.code === 'substitute');
    expect(exceptions.map((e) => [e.code, e.requirement, 'award' in e ? e.award : undefined])).toEqual([
      ['waive', 'gen-ed', undefined],
      ['waive', 'technical-electives', undefined],
      ['substitute', 'CSCI-240', 'h3'],
    ]);
    const orders = permutations(transcript.exceptions);
    expect(orders).toHaveLength(24);
    for (const exceptions of orders) expect(reportFor(exceptions)).toEqual(first);
  });
});
