import type { MeasureOutput } from './compare-figures.js';

/**
 * Messages between the comparison and a build's audit-measuring process (`measure-audits.ts`),
 * which stays up for a round so both builds' timings of a workload can alternate in short slices.
 */
export type AuditRequest =
  /** Audits `id`'s cases for `ms` of CPU time (whole passes, at least one): how many, in how much CPU time. */
  | { readonly kind: 'time'; readonly id: string; readonly ms: number }
  /** The contested family: each instance audited once to warm up, then timed a few times (the fastest). */
  | { readonly kind: 'contested' };

/** The reply to a `time` request. */
export interface Timed {
  readonly audits: number;
  /** The process's CPU time (user and system, every thread): far steadier than wall time on a loaded machine. */
  readonly cpuMs: number;
}

/** Sent once the build and inputs are loaded: the workloads it can time, their results' digests, and what it cannot run. */
export interface Ready extends Omit<MeasureOutput, 'figures'> {
  readonly workloads: readonly string[];
}
