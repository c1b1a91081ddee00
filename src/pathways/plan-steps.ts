/** One step of a plan: credentials that can be earned together once the steps before are done. */
export interface PlanStep {
  readonly step: number;
  /** The term (a term-by-term plan): its code, `2026-fall`, and the credits taken in it. */
  readonly term?: string;
  readonly credits?: number;
  readonly credentials: readonly string[];
}

/**
 * Steps in prerequisite order: a credential goes in the first step after, for each of its
 * prerequisites nothing held meets, the earliest planned credential that meets it (`unmet(id)`:
 * those prerequisites, each as the credentials that would meet it).
 */
export function orderByPrerequisites(
  chosen: readonly string[],
  unmet: (id: string) => readonly (readonly string[])[],
): PlanStep[] {
  const planned = new Set(chosen);
  const stepOf = new Map<string, number>();
  const resolveStep = (id: string, trail: Set<string>): number => {
    const known = stepOf.get(id);
    if (known !== undefined) return known;
    if (trail.has(id)) return 0;
    trail.add(id);
    let after = 0;
    for (const meeting of unmet(id)) {
      const steps = meeting.filter((c) => planned.has(c)).map((c) => resolveStep(c, trail));
      if (steps.length > 0) after = Math.max(after, Math.min(...steps));
    }
    trail.delete(id);
    stepOf.set(id, after + 1);
    return after + 1;
  };
  for (const id of chosen) resolveStep(id, new Set());
  const steps = new Map<number, string[]>();
  for (const id of chosen) {
    const step = stepOf.get(id)!;
    (steps.get(step) ?? steps.set(step, []).get(step)!).push(id);
  }
  return [...steps].sort((a, b) => a[0] - b[0]).map(([step, ids]) => ({ step, credentials: ids.sort() }));
}
