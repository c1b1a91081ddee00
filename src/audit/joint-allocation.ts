import type { KeptOut } from './credit-items.js';
import type { Program } from '../model/program.js';
import type { ProgramAudit, RequirementResult } from './audit-result.js';

/** How two programs audited together may overlap (SPEC section 5). */
export interface Overlap {
  readonly a: string;
  readonly b: string;
  readonly exclusive: boolean;
  readonly maxCredits?: number;
  readonly maxCount?: number;
}

/** Awards that count in one program's audit, with the credits each counts for. */
export type Counted = ReadonlyMap<string, number>;

/** Awards kept out of programs: program → award → why. */
export type Restrictions = ReadonlyMap<string, ReadonlyMap<string, KeptOut>>;

/** One run of the programs under restrictions. */
export interface JointRun {
  readonly audits: ReadonlyMap<string, ProgramAudit>;
  readonly counted: ReadonlyMap<string, Counted>;
}

/** The overlap rules among the programs audited together (the tighter of both directions). */
export function overlapsAmong(programs: readonly Program[]): Overlap[] {
  if (programs.length < 2) return []; // an overlap is between two programs audited together
  const ids = new Set(programs.map((p) => p.id));
  const found = new Map<string, Overlap>();
  for (const program of programs) {
    const policy = program.policy ?? {};
    const add = (other: string, exclusive: boolean, maxCredits?: number, maxCount?: number) => {
      if (!ids.has(other) || other === program.id) return;
      const [a, b] = [program.id, other].sort() as [string, string];
      const key = `${a}|${b}`;
      const previous = found.get(key);
      const min = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.min(x, y));
      found.set(key, {
        a,
        b,
        exclusive: exclusive || previous?.exclusive === true,
        ...(min(maxCredits, previous?.maxCredits) !== undefined
          ? { maxCredits: min(maxCredits, previous?.maxCredits)! }
          : {}),
        ...(min(maxCount, previous?.maxCount) !== undefined ? { maxCount: min(maxCount, previous?.maxCount)! } : {}),
      });
    };
    for (const other of policy.exclusiveWith ?? []) add(other, true);
    for (const share of policy.sharing ?? []) add(share.with, false, share.maxCredits, share.maxCount);
  }
  return [...found.values()].sort((x, y) => `${x.a}|${x.b}`.localeCompare(`${y.a}|${y.b}`));
}

/** Awards counted in both programs of an overlap, when that breaks its rule; else none. */
function violation(overlap: Overlap, counted: ReadonlyMap<string, Counted>): string[] {
  const inA = counted.get(overlap.a) ?? new Map();
  const inB = counted.get(overlap.b) ?? new Map();
  const shared = [...inA.keys()].filter((award) => inB.has(award)).sort();
  if (shared.length === 0) return [];
  if (overlap.exclusive) return shared;
  const credits = shared.reduce((sum, award) => sum + Math.min(inA.get(award)!, inB.get(award)!), 0);
  const over =
    (overlap.maxCount !== undefined && shared.length > overlap.maxCount) ||
    (overlap.maxCredits !== undefined && credits > overlap.maxCredits + 1e-9);
  return over ? shared : [];
}

/** A score of the programs together: complete ones, then in progress, then requirements met where incomplete. Restricting awards never raises it. */
function score(audits: ReadonlyMap<string, ProgramAudit>): [number, number, number] {
  let complete = 0;
  let progress = 0;
  let met = 0;
  for (const audit of audits.values()) {
    if (audit.status === 'complete') complete++;
    else if (audit.status === 'in-progress') progress++;
    else met += metNodes(audit.requirements) + audit.policies.filter((p) => p.status === 'complete').length;
  }
  return [complete, progress, met];
}

const metNodes = (node: RequirementResult): number =>
  Number(node.status !== 'incomplete') + (node.children ?? []).reduce((s, c) => s + metNodes(c), 0);
const compare = (x: readonly number[], y: readonly number[]) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;

/**
 * Joint allocation across programs audited together (SPEC section 5): where `exclusiveWith` or
 * `sharing` is broken by the programs' independent allocations, a branch and bound keeps shared
 * awards out of one program or the other (each restriction can only lower the programs' optimum,
 * so a restricted run bounds everything below it) and returns the best run that keeps every rule.
 * Among runs as good, the search may keep out more awards than the rules need: each restriction
 * of the best run is then lifted in turn while the run still keeps every rule and scores as well,
 * so an award is kept out of a program only when it must be. Past `budget` runs it returns the
 * best found and says the result may not be optimal.
 */
export function allocateJointly(
  overlaps: readonly Overlap[],
  first: JointRun,
  run: (restrictions: Restrictions) => JointRun,
  budget = 256,
): { run: JointRun; optimal: boolean } {
  const broken = (r: JointRun) =>
    overlaps.map((o) => ({ overlap: o, awards: violation(o, r.counted) })).find((v) => v.awards.length > 0);
  if (!broken(first)) return { run: first, optimal: true };
  let best: { run: JointRun; score: [number, number, number]; restrictions: Restrictions } | undefined;
  const seen = new Set<string>();
  let runs = 0;
  let exhausted = false;
  const search = (restrictions: Restrictions, current: JointRun) => {
    const bound = score(current.audits);
    if (best && compare(bound, best.score) <= 0) return;
    const conflict = broken(current);
    if (!conflict) {
      best = { run: current, score: bound, restrictions };
      return;
    }
    const { overlap, awards } = conflict;
    const choices = overlap.exclusive ? awards.slice(0, 1) : awards;
    for (const award of choices)
      for (const [keep, drop] of [
        [overlap.a, overlap.b],
        [overlap.b, overlap.a],
      ] as const) {
        const next = copyRestrictions(restrictions);
        const forProgram = next.get(drop) ?? next.set(drop, new Map()).get(drop)!;
        forProgram.set(award, {
          code: overlap.exclusive ? 'exclusive-programs' : 'over-sharing',
          keptIn: keep,
          a: overlap.a,
          b: overlap.b,
        });
        const key = [...next]
          .map(([p, m]) => `${p}:${[...m.keys()].sort().join(',')}`)
          .sort()
          .join(';');
        if (seen.has(key)) continue;
        seen.add(key);
        if (++runs > budget) {
          exhausted = true;
          return;
        }
        search(next, run(next));
      }
  };
  search(new Map(), first);
  if (!best) return { run: first, optimal: false };
  return { run: lifted(best, broken, run), optimal: !exhausted };
}

/** A copy of restrictions to change: each program's map its own. */
function copyRestrictions(restrictions: Restrictions): Map<string, Map<string, KeptOut>> {
  return new Map([...restrictions].map(([program, kept]) => [program, new Map(kept)]));
}

/** The best run with every restriction lifted, in turn, that it does not need (see {@link allocateJointly}). */
function lifted(
  best: { run: JointRun; score: [number, number, number]; restrictions: Restrictions },
  broken: (run: JointRun) => unknown,
  run: (restrictions: Restrictions) => JointRun,
): JointRun {
  let { restrictions, run: kept } = best;
  const key = ([program, award]: readonly [string, string]) => `${program}\u0000${award}`;
  const each = [...restrictions].flatMap(([program, awards]) => [...awards.keys()].map((a) => [program, a] as const));
  for (const [program, award] of each.sort((x, y) => (key(x) < key(y) ? -1 : 1))) {
    const fewer = copyRestrictions(restrictions);
    fewer.get(program)!.delete(award);
    const candidate = run(fewer);
    if (broken(candidate) || compare(score(candidate.audits), best.score) < 0) continue;
    restrictions = fewer;
    kept = candidate;
  }
  return kept;
}
