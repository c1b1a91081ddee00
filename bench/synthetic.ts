import fc from 'fast-check';
import type { Catalog } from '../src/model/catalog.js';
import type { AwardInput, TranscriptInput } from '../src/model/transcript.js';

const GRADES = ['A', 'A', 'A-', 'B+', 'B', 'B', 'B-', 'C+', 'C', 'C', 'C-', 'D', 'F', 'P'];
const TERMS = [
  '2019-12-15',
  '2020-05-10',
  '2020-12-15',
  '2021-05-10',
  '2021-12-15',
  '2022-05-10',
  '2022-12-15',
  '2023-05-10',
  '2023-12-15',
  '2024-05-10',
  '2024-12-15',
  '2025-05-10',
  '2025-12-15',
  '2026-05-10',
];

/** A small, fast, seeded generator (mulberry32): the same seed gives the same batch. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic synthetic transcript for the shipped catalog: mostly institution courses with a
 * spread of grades, some micro-credentials and badges, now and then an industry certification,
 * transfer work in quarter hours, prior learning, retakes, and courses in progress.
 */
export function syntheticTranscript(catalog: Catalog, seed: number, awards: number): TranscriptInput {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const courses = catalog.credentials.filter((c) => c.kind === 'course');
  const micro = catalog.credentials.filter((c) => c.kind === 'micro-credential' || c.kind === 'badge');
  const external = catalog.credentials.filter((c) => c.kind === 'certification');
  const list: AwardInput[] = [];
  for (let i = 0; i < awards; i++) {
    const roll = next();
    const earned = pick(TERMS);
    const id = `a${i + 1}`;
    if (roll < 0.62)
      list.push({
        id,
        credential: pick(courses).id,
        earned,
        grade: pick(GRADES),
        source: 'institution',
        ...(earned > '2026-01-01' && next() < 0.5 ? { status: 'in-progress' as const } : {}),
      });
    else if (roll < 0.82)
      list.push({ id, credential: pick(micro).id, earned, source: 'institution', issuer: 'riverbend' });
    else if (roll < 0.88) {
      const cert = pick(external);
      list.push({
        id,
        credential: cert.id,
        earned,
        source: 'external',
        ...(cert.issuer ? { issuer: cert.issuer } : {}),
      });
    } else if (roll < 0.97)
      list.push({
        id,
        code: `GEN ${1000 + Math.floor(next() * 900)}`,
        title: 'Transfer elective',
        subject: 'GEN',
        number: 1000 + i,
        credits: { value: 4.5, unit: 'quarter' },
        earned,
        grade: pick(GRADES),
        source: 'transfer',
        issuer: 'lakeside-cc',
        tags: next() < 0.5 ? [pick(['gen-ed-humanities', 'gen-ed-social', 'gen-ed-science'])] : [],
      });
    else
      list.push({
        id,
        credential: 'pla-it-portfolio',
        credits: { value: 3 + Math.floor(next() * 12), unit: 'semester' },
        earned,
        source: 'prior-learning',
      });
  }
  return { learner: { id: `s-${seed}` }, asOf: '2026-05-15', awards: list };
}

/** NDJSON of `count` synthetic transcripts of 10 to 60 awards (seeded). */
export function* syntheticBatch(catalog: Catalog, count: number, seed = 1): Generator<string> {
  const lengths = random(seed * 7919);
  for (let i = 0; i < count; i++)
    yield JSON.stringify(syntheticTranscript(catalog, seed * 1_000_003 + i, 10 + Math.floor(lengths() * 51)));
}

/** The catalog with every program cloned `times` over (ids suffixed, nested references kept within each copy). */
export function multipliedCatalog(catalog: Catalog, times: number): Catalog {
  const programs = [...catalog.programs];
  for (let copy = 1; copy < times; copy++) {
    const rename = (id: string) => (catalog.programs.some((p) => p.id === id) ? `${id}~${copy}` : id);
    for (const program of catalog.programs) {
      const text = JSON.stringify(program).replace(
        /"(program|credential)":"([^"]+)"/g,
        (_, key: string, id: string) => `"${key}":"${rename(id)}"`,
      );
      programs.push({
        ...(JSON.parse(text) as typeof program),
        id: `${program.id}~${copy}`,
        policy: program.policy ? { ...program.policy, sharing: [], exclusiveWith: [] } : program.policy,
      });
    }
  }
  return { ...catalog, programs };
}

export { fc };
