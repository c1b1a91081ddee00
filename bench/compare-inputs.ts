import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Catalog } from '../src/model/catalog.js';
import type { TranscriptInput } from '../src/model/transcript.js';
import { contestedInstance } from './contested-family.js';
import type { Side } from './compare-round.js';
import type { Build } from './load-build.js';
import { syntheticBatch, syntheticTranscript } from './synthetic.js';

/** Synthetic transcript lengths timed, and how many transcripts of each (about the same work per pass). */
export const SYNTHETIC = [
  { awards: 10, transcripts: 200 },
  { awards: 40, transcripts: 100 },
  { awards: 200, transcripts: 20 },
] as const;

/** The inputs every build audits: written once, read by each measuring process. */
export interface AuditInputs {
  /** The catalog folder (the chosen inputs' `rules/`: {@link chooseInputs}). */
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

/** A checkout whose `rules/` and `fixtures/` may give the inputs. */
export interface InputSource {
  /** Whose they are, as the bench output names them ("this checkout's", "919b012's"). */
  readonly name: string;
  readonly root: string;
}

/** The inputs chosen: where from, the catalog as this checkout's build loads it, and why earlier sources were passed over. */
export interface ChosenInputs {
  readonly source: InputSource;
  readonly catalog: Catalog;
  readonly passedOver: readonly string[];
}

const readAda = (root: string): TranscriptInput =>
  JSON.parse(readFileSync(join(root, 'fixtures', 'ada-bs-complete.json'), 'utf8')) as TranscriptInput;

/** Ada's first 14 awards and her project management course: what the minor asks for, and some more. */
const minorTranscript = (ada: TranscriptInput): TranscriptInput => ({
  ...ada,
  awards: [...ada.awards.slice(0, 14), ada.awards.find((a) => a.credential === 'BUSN-210')!],
});

/** The catalog of `root` as `build` loads it, when `build` can time its inputs; else why not (the catalog does not load, or Ada's audits fail). */
function readInputs(build: Build, root: string): { readonly catalog: Catalog } | { readonly error: string } {
  const catalog = build.credstackNode.readCatalog(join(root, 'rules'));
  if (!catalog.ok) return { error: build.credstack.issueText(catalog.issues[0]!) };
  let ada: TranscriptInput;
  try {
    ada = readAda(root);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  for (const [transcript, program] of [
    [ada, 'bs-data-science'],
    [minorTranscript(ada), 'minor-business-analytics'],
  ] as const) {
    const result = build.credstack.audit(catalog.value, transcript, { programs: [program] });
    if (!result.ok) return { error: `${program}: ${build.credstack.issueText(result.issues[0]!)}` };
  }
  return { catalog: catalog.value };
}

/**
 * The first of `sources` whose catalog and fixtures both builds read (a newer catalog may use
 * constructs an older build rejects, and both builds must time the same work), or an error
 * saying why none would do.
 */
export function chooseInputs(
  sources: readonly InputSource[],
  builds: Readonly<Record<Side, Build>>,
): ChosenInputs | { readonly error: string } {
  const passedOver: string[] = [];
  for (const source of sources) {
    const ours = readInputs(builds.ours, source.root);
    const baseline = readInputs(builds.baseline, source.root);
    if ('catalog' in ours && 'catalog' in baseline) return { source, catalog: ours.catalog, passedOver };
    const why = [
      ...('error' in ours ? [`ours cannot read them (${ours.error})`] : []),
      ...('error' in baseline ? [`the baseline cannot read them (${baseline.error})`] : []),
    ];
    passedOver.push(`${source.name} rules/ and fixtures/: ${why.join('; ')}`);
  }
  return { error: `no inputs both builds read: ${passedOver.join('; ')}` };
}

/** Builds the audit inputs from the catalog and fixtures under `root` (`catalog`: its `rules/`, loaded). */
export function auditInputs(root: string, catalog: Catalog): AuditInputs {
  const ada = readAda(root);
  const single = minorTranscript(ada);
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
