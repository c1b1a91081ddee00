import fc from 'fast-check';
import type { Catalog } from '../src/model/catalog.js';
import type { TranscriptInput } from '../src/model/transcript.js';

/**
 * A family of contested instances: a general-education style program of `leaves` requirements,
 * each "N credits tagged t_k" (some counted by items), and a transcript of `items` courses each
 * carrying 2 to 4 of those tags: every course could go to several requirements.
 */
export function contestedInstance(
  seed: number,
  leaves: number,
  items: number,
): { catalog: Catalog; transcript: TranscriptInput } {
  const random = fc.sample(
    fc.array(fc.integer({ min: 0, max: 1_000_000 }), {
      minLength: items * 6 + leaves * 2,
      maxLength: items * 6 + leaves * 2,
    }),
    { seed, numRuns: 1 },
  )[0]!;
  let cursor = 0;
  const next = (n: number) => random[cursor++ % random.length]! % n;
  const tags = Array.from({ length: leaves }, (_, k) => `t${k}`);
  const credentials = Array.from({ length: items }, (_, i) => {
    const own = new Set<string>();
    const width = 2 + next(3);
    while (own.size < width) own.add(tags[next(leaves)]!);
    return {
      id: `C-${i}`,
      kind: 'course' as const,
      title: `Course ${i}`,
      code: `GEN ${100 + i}`,
      credits: { value: 3 + next(2) },
      tags: [...own].sort(),
    };
  });
  const requirements = tags.map((tag, k) => ({
    id: `area-${k}`,
    where: { all: [{ fact: 'tags', operator: 'contains', value: tag }] },
    ...(k % 3 === 2 ? { count: 1 + next(2) } : { credits: 3 * (1 + next(2)) }),
  }));
  const catalog = {
    institution: { id: 'bench', name: 'Bench University' },
    settings: { unit: 'semester', conversions: {}, gradeScale: { A: 4, B: 3, C: 2, F: 0 }, passingGrades: [] },
    credentials,
    programs: [
      {
        id: 'gen-ed',
        kind: 'certificate' as const,
        title: 'General Education',
        requirements: { id: 'root', all: requirements },
      },
    ],
    rules: [],
  } as Catalog;
  const transcript = {
    learner: { id: `bench-${seed}` },
    asOf: '2026-05-15',
    awards: credentials.map((c, i) => ({ id: `a${i}`, credential: c.id, earned: '2025-05-10', grade: 'B' })),
  };
  return { catalog, transcript };
}
