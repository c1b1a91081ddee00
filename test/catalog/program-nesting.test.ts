import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { buildStackingGraph } from '../../src/catalog/stacking-graph.js';

/** Programs p0 ... p(n-1), each requiring the one before; p0 requires course c (or, closing a loop, p(n-1)). */
const chain = (n: number, loop = false) => ({
  institution: { id: 'x', name: 'X' },
  credentials: [{ id: 'c', kind: 'course', title: 'C', credits: { value: 3 } }],
  programs: Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    kind: 'certificate',
    title: `P${i}`,
    requirements: i > 0 ? { program: `p${i - 1}` } : loop ? { program: `p${n - 1}` } : { credential: 'c' },
  })),
});

describe('deeply nested programs, without recursion', () => {
  it('a chain of 4,000 nested programs loads, orders nested first and audits', () => {
    const loaded = loadCatalog([{ file: 'chain.json', json: chain(4000) }]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const graph = buildStackingGraph(loaded.value, '2026-05-15');
    const order = graph.programOrder();
    expect(order).toHaveLength(4000);
    expect(order.slice(0, 3)).toEqual(['p0', 'p1', 'p2']);
    expect(order.at(-1)).toBe('p3999');
    expect(graph.stacksInto('c').at(-1)).toMatchObject({ program: 'p3999' });
    const report = audit(
      loaded.value,
      { learner: { id: 'l' }, asOf: '2026-05-15', awards: [{ id: 'a', credential: 'c', earned: '2026-01-10' }] },
      { programs: ['p3999'] },
    );
    expect(report.ok && report.value.audits[0]).toMatchObject({ program: 'p3999', status: 'complete' });
  });

  it('a loop of 5,000 programs is one cycle issue, its path shortened in the middle', () => {
    const loaded = loadCatalog([{ file: 'loop.json', json: chain(5000, true) }]);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.issues).toEqual([
        {
          code: 'program-cycle',
          file: 'loop.json',
          path: ['programs', 0, 'requirements'],
          expected: 'programs that do not require one another in a loop',
          received:
            'p0 → p4999 → p4998 → p4997 → p4996 → p4995 → p4994 → p4993 → p4992 → p4991 → … 4989 more … → p1 → p0',
        },
      ]);
  });

  it('every loop is reported from its least id, along what each program requires; a program requiring itself too', () => {
    const program = (id: string, requires: string[]) => ({
      id,
      kind: 'certificate',
      title: id,
      requirements: { all: requires.map((r) => ({ program: r })) },
    });
    const loaded = loadCatalog([
      {
        file: 'loops.json',
        json: {
          institution: { id: 'x', name: 'X' },
          programs: [
            program('q-b', ['q-c']),
            program('q-c', ['q-a', 'q-b']),
            program('q-a', ['q-b']),
            program('self', ['self']),
            program('free', ['q-a']),
          ],
        },
      },
    ]);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.issues.map((i) => [i.path[1], i.received])).toEqual(
        expect.arrayContaining([
          [2, 'q-a → q-b → q-c → q-a'],
          [3, 'self → self'],
        ]),
      );
    if (!loaded.ok) expect(loaded.issues).toHaveLength(2);
  });
});
