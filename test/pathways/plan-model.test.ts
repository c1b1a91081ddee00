/**
 * Cases the random catalogs of plan-oracle.test.ts found: plans the what-if audit rejected (the
 * model lacked a constraint), or a plan the brute force found and the model missed (a row too
 * strict). Each now plans exactly, with no rejection.
 */
import { describe, expect, it } from 'vitest';
import type { TranscriptInput } from '../../src/model/transcript.js';
import { plan } from '../../src/pathways/plan.js';
import { testCatalog } from '../helpers.js';

const course = (id: string, credits: number) => ({
  id,
  kind: 'course',
  title: id,
  credits: { value: credits },
  tags: ['t'],
});
const noone: TranscriptInput = { learner: { id: 'l' }, asOf: '2026-05-15', awards: [] };
const residencyOnly = (leaf: Record<string, unknown>) =>
  testCatalog({
    credentials: [course('a', 4), course('b', 1), course('c', 1), course('d', 3)],
    programs: [
      {
        id: 'p',
        kind: 'certificate',
        title: 'P',
        policy: { residency: { minCredits: 5, sources: ['institution'] } },
        requirements: { id: 'leaf', where: { fact: 'tags', operator: 'contains', value: 't' }, ...leaf },
      },
    ],
    gradeScale: { A: 4 },
  });

describe('the model knows what the audit knows', () => {
  it('a credits leaf takes only needed items, so residency without total credits cannot be padded', async () => {
    // {a} counts 4 in residence, {b, c} 2, {d} 3: no set of needed items reaches 5.
    const result = await plan(residencyOnly({ credits: 2 }), noone, { target: 'p' });
    expect(result.ok && result.value).toMatchObject({
      reason: 'no combination of catalog credentials completes the program',
      rejected: [],
    });
  });

  it('a count leaf takes no more items than it needs', async () => {
    const result = await plan(residencyOnly({ count: 1 }), noone, { target: 'p' });
    expect(result.ok && result.value).toMatchObject({
      reason: 'no combination of catalog credentials completes the program',
      rejected: [],
    });
  });

  it("a nested program's awards count with it past a policy limit's count", async () => {
    const b = (id: string) => ({ id, kind: 'course', title: id, credits: { value: 1 }, tags: ['b'] });
    const catalog = testCatalog({
      credentials: [b('x'), b('y')],
      programs: [
        {
          id: 'q',
          kind: 'certificate',
          title: 'Q',
          requirements: { where: { fact: 'tags', operator: 'contains', value: 'b' }, count: 2 },
        },
        {
          id: 'p',
          kind: 'certificate',
          title: 'P',
          policy: { limits: [{ id: 'one-b', where: { fact: 'tags', operator: 'contains', value: 'b' }, maxCount: 1 }] },
          requirements: { all: [{ program: 'q' }] },
        },
      ],
      gradeScale: { A: 4 },
    });
    const result = await plan(catalog, noone, { target: 'p' });
    expect(result.ok && result.value.best).toMatchObject({ credentials: ['x', 'y'], proven: true });
  });
});
