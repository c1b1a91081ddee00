import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Catalog } from '../src/model/catalog.js';
import type { TranscriptInput } from '../src/model/transcript.js';
import { contestedInstance } from './contested-family.js';
import { syntheticBatch, syntheticTranscript } from './synthetic.js';

/** Synthetic transcript lengths timed, and how many transcripts of each (about the same work per pass). */
export const SYNTHETIC = [
  { awards: 10, transcripts: 200 },
  { awards: 40, transcripts: 100 },
  { awards: 200, transcripts: 20 },
] as const;

/** The inputs every build audits: written once, read by each measuring process. */
export interface AuditInputs {
  /** The catalog folder (this checkout's shipped catalog). */
  readonly rules: string;
  readonly ada: TranscriptInput;
  /** 15 awards for the Minor in Business Analytics. */
  readonly single: TranscriptInput;
  /** Awards per transcript (as a string key) to transcripts. */
  readonly synthetic: Readonly<Record<string, readonly TranscriptInput[]>>;
  /** The contested family: catalog documents, not loaded catalogs, so each build loads them itself. */
  readonly contested: readonly {
    readonly label: string;
    readonly catalog: unknown;
    readonly transcript: TranscriptInput;
  }[];
}

/** The contested family's sizes (overlapping requirements, courses), 20 seeds each: the instances of `bench/run.ts`. */
const CONTESTED_SIZES = [
  [6, 12],
  [8, 20],
  [10, 30],
  [12, 40],
  [14, 50],
] as const;

/** Builds the audit inputs from this checkout's catalog and fixtures. */
export function auditInputs(root: string, catalog: Catalog): AuditInputs {
  const ada = JSON.parse(readFileSync(join(root, 'fixtures', 'ada-bs-complete.json'), 'utf8')) as TranscriptInput;
  // Ada's first 14 awards and her project management course: what the minor asks for, and some more.
  const single = { ...ada, awards: [...ada.awards.slice(0, 14), ada.awards.find((a) => a.credential === 'BUSN-210')!] };
  const synthetic = Object.fromEntries(
    SYNTHETIC.map(({ awards, transcripts }) => [
      String(awards),
      Array.from({ length: transcripts }, (_, i) => syntheticTranscript(catalog, i + 1, awards)),
    ]),
  );
  const contested = CONTESTED_SIZES.flatMap(([leaves, items]) =>
    Array.from({ length: 20 }, (_, s) => {
      const { catalog: c, transcript } = contestedInstance((s + 1) * 7919 + leaves, leaves, items);
      return { label: `${leaves} requirements, ${items} courses, seed ${s + 1}`, catalog: c, transcript };
    }),
  );
  return { rules: join(root, 'rules'), ada, single, synthetic, contested };
}

/** Writes the audit inputs as JSON to `file`. */
export function writeAuditInputs(file: string, inputs: AuditInputs): void {
  writeFileSync(file, JSON.stringify(inputs));
}

/** Writes `count` seeded synthetic transcripts as NDJSON (the batch input). */
export async function writeBatchInput(file: string, catalog: Catalog, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (const line of syntheticBatch(catalog, count)) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}
