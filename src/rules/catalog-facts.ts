import type { Catalog } from '../model/catalog.js';
import type { Credential } from '../model/credential.js';
import type { Program } from '../model/program.js';
import { SOURCES } from '../model/transcript.js';
import type { Facts } from './compile-condition.js';

/** The best grade of a scale: the one with the most points. */
export function bestGrade(catalog: Catalog): string | undefined {
  const graded = Object.entries(catalog.settings.gradeScale).filter((e): e is [string, number] => e[1] !== null);
  return graded.sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Facts of a catalog credential as if a learner had just earned it with the best grade, once
 * for each source: what "can this count toward that" questions are asked of.
 */
export function hypotheticalFacts(catalog: Catalog, credential: Credential | Program, asOf: string): Facts[] {
  const grade = bestGrade(catalog);
  return SOURCES.map((source) => ({
    id: credential.id,
    code: credential.code,
    subject: credential.subject,
    number: credential.number,
    kind: credential.kind,
    title: credential.title,
    issuer: credential.issuer,
    level: credential.level,
    tags: credential.tags ?? [],
    credits: credential.credits?.value,
    unit: credential.credits?.unit ?? catalog.settings.unit,
    grade,
    source,
    status: 'completed',
    earned: asOf,
    asOf,
  }));
}
