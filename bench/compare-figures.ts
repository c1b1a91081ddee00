/** Whether a bigger value of a figure is better (a rate) or worse (a time, memory). */
export type Better = 'higher' | 'lower';

/** A figure both builds report. */
export interface FigureSpec {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly better: Better;
  /** Decimals shown. */
  readonly digits: number;
}

/** One build's figures in one round (figure id to value); a figure the build could not measure is missing. */
export type Measures = Readonly<Record<string, number>>;

/** One round: both builds' figures. */
export interface Round {
  readonly ours: Measures;
  readonly baseline: Measures;
}

/** A figure over every round. */
export interface FigureSummary {
  readonly spec: FigureSpec;
  /** Per round; null where the build gave no figure. */
  readonly ours: readonly (number | null)[];
  readonly baseline: readonly (number | null)[];
  /** Per round; null where either build gave no figure. */
  readonly ratios: readonly (number | null)[];
  /** Medians over the rounds that have a value; null when none has. */
  readonly median: { readonly ours: number | null; readonly baseline: number | null; readonly ratio: number | null };
}

/** The figures of the comparison, in the order they are shown. */
export function figureSpecs(batchTranscripts: number): readonly FigureSpec[] {
  const batch = `${batchTranscripts.toLocaleString('en-US')}-transcript batch, BS, 2 workers`;
  return [
    {
      id: 'degree',
      label: 'degree audit: Ada, 40 awards, BS (nested certificates)',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 0,
    },
    {
      id: 'single',
      label: '15 awards, one program (Minor in Business Analytics)',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 0,
    },
    {
      id: 'degree-report',
      label: 'degree audit (Ada), the whole report read (as JSON)',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 0,
    },
    {
      id: 'single-report',
      label: 'the minor (15 awards), the whole report read (as JSON)',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 0,
    },
    {
      id: 'synthetic-10',
      label: 'synthetic 10-award transcripts, BS',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 0,
    },
    {
      id: 'synthetic-40',
      label: 'synthetic 40-award transcripts, BS',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 0,
    },
    {
      id: 'synthetic-200',
      label: 'synthetic 200-award transcripts, BS',
      unit: 'audits/CPU s',
      better: 'higher',
      digits: 1,
    },
    {
      id: 'contested-worst',
      label: 'contested family (100 instances, fastest of 5 runs each): worst',
      unit: 'CPU ms',
      better: 'lower',
      digits: 2,
    },
    {
      id: 'contested-mean',
      label: 'contested family (100 instances, fastest of 5 runs each): mean',
      unit: 'CPU ms',
      better: 'lower',
      digits: 3,
    },
    { id: 'batch-rate', label: batch, unit: 'records/s', better: 'higher', digits: 0 },
    { id: 'batch-cpu', label: `${batch}: CPU time, all threads`, unit: 'records/CPU s', better: 'higher', digits: 0 },
    { id: 'batch-peak', label: `${batch}: peak memory`, unit: 'MB', better: 'lower', digits: 0 },
  ];
}

/**
 * How much better ours is than the baseline: above 1 is better, below 1 worse, whatever the
 * figure (a rate: ours / baseline; a time or memory: baseline / ours).
 */
export function ratio(ours: number, baseline: number, better: Better): number {
  return better === 'higher' ? ours / baseline : baseline / ours;
}

/** The median (the mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Each figure over the rounds. The ratio is taken within each round (both builds measured
 * minutes apart on the same machine) and its median reported: not the ratio of the medians.
 */
export function summarize(specs: readonly FigureSpec[], rounds: readonly Round[]): FigureSummary[] {
  return specs.map((spec) => {
    const ours = rounds.map((r) => r.ours[spec.id] ?? null);
    const baseline = rounds.map((r) => r.baseline[spec.id] ?? null);
    const ratios = rounds.map((_, i) =>
      ours[i] !== null && baseline[i] !== null ? ratio(ours[i]!, baseline[i]!, spec.better) : null,
    );
    const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);
    return {
      spec,
      ours,
      baseline,
      ratios,
      median: { ours: median(present(ours)), baseline: median(present(baseline)), ratio: median(present(ratios)) },
    };
  });
}

/** What a measuring process prints (one JSON line on standard output). */
export interface MeasureOutput {
  readonly figures: Measures;
  /** Per workload, a digest of the results (statuses and credits), to check both builds agree. */
  readonly results: Readonly<Record<string, string>>;
  /** Per workload the build could not run, why. */
  readonly failures: Readonly<Record<string, string>>;
}
