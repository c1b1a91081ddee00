import type { Catalog } from '../model/catalog.js';
import { describeValue, fail, ok, type Result } from '../model/issue.js';
import type { MipTerm } from '../requirements/kind.js';
import type { LinearModel } from './linear-model.js';
import type { Candidate } from './plan-model.js';

/** A term-by-term plan's first term (`2026-fall`) and the most credits a term may take. */
export interface TermsOption {
  readonly start: string;
  readonly maxCredits?: number;
}

/** The terms a schedule may use, from the first: their codes, and each one's place in the catalog's year. */
export interface TermCalendar {
  readonly codes: (count: number) => string[];
  readonly seasonAt: (index: number) => string;
  /** Credits a term may take (Infinity for no cap). */
  readonly maxCredits: number;
}

/**
 * Reads `terms.start` against `settings.terms`: `YEAR-TERM` with a term of the catalog's. Terms
 * follow the catalog's order, the year counting up each time it starts over (so terms given in
 * calendar order, `["spring", "summer", "fall"]`, give calendar years: 2026-fall, 2027-spring).
 */
export function termCalendar(catalog: Catalog, terms: TermsOption): Result<TermCalendar> {
  const seasons = catalog.settings.terms ?? [];
  const match = /^(\d{4})-(.+)$/.exec(terms.start);
  const first = match ? seasons.indexOf(match[2]!) : -1;
  if (!match || first < 0)
    return fail([
      {
        code: 'invalid-shape',
        path: ['terms', 'start'],
        expected:
          seasons.length > 0
            ? `a first term written YEAR-TERM, a term of the catalog's (${seasons.join(', ')}) in the options`
            : 'no terms: the catalog has no settings.terms',
        received: describeValue(terms.start),
      },
    ]);
  const year = Number(match[1]);
  const seasonAt = (index: number) => seasons[(first + index) % seasons.length]!;
  return ok({
    seasonAt,
    codes: (count) =>
      Array.from({ length: count }, (_, i) => `${year + Math.floor((first + i) / seasons.length)}-${seasonAt(i)}`),
    maxCredits: terms.maxCredits ?? catalog.settings.maxCreditsPerTerm ?? Infinity,
  });
}

/** How the model schedules: each candidate's term variables, by term index. */
export interface Schedule {
  readonly horizon: number;
  /** The stage before the plan's own: fewest terms used. */
  readonly fewestTerms: readonly MipTerm[];
  /** The term index of each chosen candidate in a solution. */
  termOf(values: readonly number[], candidate: Candidate): number;
}

/**
 * A term by term schedule in the model over `horizon` terms: a 0/1 variable per candidate and
 * term it is offered in (one of them when the candidate is chosen), no more than the term's
 * credits in a term, and each candidate in a term after one that meets each of its prerequisites.
 */
export function scheduleRows(
  model: LinearModel,
  candidates: readonly Candidate[],
  prerequisites: ReadonlyMap<string, readonly (readonly string[])[]>,
  offered: (id: string) => readonly string[] | undefined,
  calendar: TermCalendar,
  horizon: number,
): Schedule {
  const at = new Map<string, number[]>();
  for (const c of candidates) {
    const seasons = offered(c.id);
    const slots = Array.from({ length: horizon }, (_, t) =>
      seasons === undefined || seasons.includes(calendar.seasonAt(t)) ? model.binary() : model.fixed(0),
    );
    at.set(c.id, slots);
    model.row(
      [...slots.map((variable) => ({ variable, coefficient: 1 })), { variable: c.variable, coefficient: -1 }],
      0,
      0,
    );
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const c of candidates)
    for (const meeting of prerequisites.get(c.id) ?? []) {
      const providers = meeting.filter((id) => byId.has(id));
      // In term t only when a provider is in a term before t.
      for (let t = 0; t < horizon; t++)
        model.row(
          [
            { variable: at.get(c.id)![t]!, coefficient: 1 },
            ...providers.flatMap((id) =>
              at
                .get(id)!
                .slice(0, t)
                .map((variable) => ({ variable, coefficient: -1 })),
            ),
          ],
          -Infinity,
          0,
        );
    }
  if (calendar.maxCredits < Infinity)
    for (let t = 0; t < horizon; t++)
      model.row(
        candidates.map((c) => ({ variable: at.get(c.id)![t]!, coefficient: c.credits.n / c.credits.d })),
        -Infinity,
        calendar.maxCredits,
      );
  // Terms used: used[t] ≥ every candidate in t, and a term is used only after the one before it.
  const used = Array.from({ length: horizon }, () => model.binary());
  for (let t = 0; t < horizon; t++) {
    for (const c of candidates)
      model.row(
        [
          { variable: at.get(c.id)![t]!, coefficient: 1 },
          { variable: used[t]!, coefficient: -1 },
        ],
        -Infinity,
        0,
      );
    if (t > 0)
      model.row(
        [
          { variable: used[t]!, coefficient: 1 },
          { variable: used[t - 1]!, coefficient: -1 },
        ],
        -Infinity,
        0,
      );
  }
  return {
    horizon,
    fewestTerms: used.map((variable) => ({ variable, coefficient: 1 })),
    termOf: (values, candidate) => at.get(candidate.id)!.findIndex((v) => values[v]! > 0.5),
  };
}

/**
 * A plan's credentials placed greedily: in prerequisite order, each in the first term it is
 * offered in after what meets its prerequisites and with room; of two orders (the longest chain
 * first, then that with the most credits first among equal chains), the one using fewer terms.
 * Undefined when one can never be placed (more credits than a term takes, no term, a cycle).
 */
export function greedySchedule(
  chosen: readonly Candidate[],
  prerequisites: ReadonlyMap<string, readonly (readonly string[])[]>,
  offered: (id: string) => readonly string[] | undefined,
  calendar: TermCalendar,
  seasons: number,
): Map<string, number> | undefined {
  const [chain, packed] = [false, true].map((byCredits) =>
    placeGreedily(chosen, prerequisites, offered, calendar, seasons, byCredits),
  );
  return !chain || (packed && termsUsed(packed) < termsUsed(chain)) ? packed : chain;
}

function placeGreedily(
  chosen: readonly Candidate[],
  prerequisites: ReadonlyMap<string, readonly (readonly string[])[]>,
  offered: (id: string) => readonly string[] | undefined,
  calendar: TermCalendar,
  seasons: number,
  byCredits: boolean,
): Map<string, number> | undefined {
  const termOf = new Map<string, number>();
  const load: number[] = [];
  const pending = [...chosen];
  // How many credentials of the plan wait, one after another, on each (through its prerequisites).
  const depths = new Map<string, number>();
  const depth = (id: string, trail = new Set<string>()): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    if (trail.has(id)) return 0;
    trail.add(id);
    let most = 0;
    for (const c of chosen)
      if ((prerequisites.get(c.id) ?? []).some((meeting) => meeting.includes(id)))
        most = Math.max(most, 1 + depth(c.id, trail));
    trail.delete(id);
    depths.set(id, most);
    return most;
  };
  const placedAfter = (id: string) =>
    Math.max(
      0,
      ...(prerequisites.get(id) ?? []).map((meeting) =>
        Math.min(...meeting.filter((m) => termOf.has(m)).map((m) => termOf.get(m)! + 1)),
      ),
    );
  while (pending.length > 0) {
    // Of those ready, the one with the longest chain after it, then (byCredits) the most credits,
    // which pack worst, then in id order.
    let ready = -1;
    const credit = (c: Candidate) => c.credits.n / c.credits.d;
    pending.forEach((c, i) => {
      if (!(prerequisites.get(c.id) ?? []).every((meeting) => meeting.some((id) => termOf.has(id)))) return;
      const best = pending[ready];
      if (
        !best ||
        depth(c.id) > depth(best.id) ||
        (byCredits && depth(c.id) === depth(best.id) && credit(c) > credit(best))
      )
        ready = i;
    });
    if (ready < 0) return undefined;
    const c = pending.splice(ready, 1)[0]!;
    const credits = c.credits.n / c.credits.d;
    const seasonsOffered = offered(c.id);
    const fits = (t: number) =>
      (seasonsOffered === undefined || seasonsOffered.includes(calendar.seasonAt(t))) &&
      (load[t] ?? 0) + credits <= calendar.maxCredits;
    const after = placedAfter(c.id);
    // Within this many terms a term it is offered in has room, if any ever does.
    const last = after + seasons * (chosen.length + 1);
    let t = after;
    while (t < last && !fits(t)) t++;
    if (t === last) return undefined;
    termOf.set(c.id, t);
    load[t] = (load[t] ?? 0) + credits;
  }
  return termOf;
}

/** Terms a schedule uses: its last term's index, plus one. */
export const termsUsed = (schedule: ReadonlyMap<string, number>) =>
  Math.max(0, ...[...schedule.values()].map((t) => t + 1));
