import type { Catalog } from '../model/catalog.js';
import type { Program } from '../model/program.js';

/**
 * Catalog years (SPEC section 4): programs that share an id are the versions of one program, each
 * in force over its `effective` range. These functions pick the version a learner follows.
 */

/** Whether `date` falls in a version's `effective` range (both ends included). */
export function inForce(program: Program, date: string): boolean {
  const { from, to } = program.effective ?? {};
  return (from === undefined || from <= date) && (to === undefined || date <= to);
}

/**
 * The version of each program in force on `date`, in catalog order of first appearance. Where no
 * version is in force, the latest that began before the date, else the earliest: the audit then
 * says the learner's catalog date is outside the program's catalog years.
 */
export function versionsOn(catalog: Catalog, date: string): readonly Program[] {
  const groups = versionGroups(catalog);
  return groups === undefined
    ? catalog.programs
    : groups.map((versions) => (versions.length === 1 ? versions[0]! : versionOn(versions, date)));
}

const groupsOf = new WeakMap<Catalog, readonly (readonly Program[])[] | undefined>();

/** The programs grouped by id (memoised per catalog), or undefined when no program has versions. */
function versionGroups(catalog: Catalog): readonly (readonly Program[])[] | undefined {
  if (groupsOf.has(catalog)) return groupsOf.get(catalog);
  const byId = new Map<string, Program[]>();
  for (const program of catalog.programs) {
    const versions = byId.get(program.id);
    if (versions) versions.push(program);
    else byId.set(program.id, [program]);
  }
  const groups = byId.size === catalog.programs.length ? undefined : [...byId.values()];
  groupsOf.set(catalog, groups);
  return groups;
}

function versionOn(versions: readonly Program[], date: string): Program {
  const byStart = [...versions].sort((a, b) => (a.effective?.from ?? '').localeCompare(b.effective?.from ?? ''));
  return (
    byStart.find((v) => inForce(v, date)) ??
    byStart.filter((v) => (v.effective?.from ?? '') <= date).at(-1) ??
    byStart[0]!
  );
}

/** Two versions' ranges overlap: they cannot both be versions of one program. */
export function overlap(a: Program, b: Program): boolean {
  const [aFrom, aTo] = [a.effective?.from ?? '', a.effective?.to ?? '\uffff'];
  const [bFrom, bTo] = [b.effective?.from ?? '', b.effective?.to ?? '\uffff'];
  return aFrom <= bTo && bFrom <= aTo;
}
