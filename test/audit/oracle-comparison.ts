/**
 * Compares credstack's audit (through its public API only) with the independent oracle on one
 * case: the status, the requirements met when not complete, and the validity of the reported
 * allocation by the oracle's own rules.
 */
import { audit, loadCatalog } from '../../src/index.js';
import {
  checkReported,
  oracleVerdict,
  readModel,
  reportedScore,
  type NestedItems,
  type Problem,
  type ReportedAudit,
  type ReportedNode,
} from './independent-oracle.js';
import type { OracleCase } from './oracle-arbitraries.js';

/** What a comparison found; `undefined` from {@link compareCase} when the case is too big to enumerate. */
export interface Comparison {
  readonly problems: readonly Problem[];
  readonly allocations: number;
}

/** Audits each program of the case (nested first) and compares it with the oracle. */
export function compareCase(c: OracleCase, limit = 50_000): Comparison | undefined {
  const catalog = loadCatalog([{ file: 'oracle-case.json', json: c.catalog }]);
  if (!catalog.ok) throw new Error(`the generator made a catalog credstack rejects: ${JSON.stringify(catalog.issues)}`);
  const problems: Problem[] = [];
  const components = new Map<string, { status: string; awards: string[] }>();
  const nested: NestedItems = (program, pass) => {
    const found = components.get(program);
    if (!found) throw new Error(`the case audits ${program} after a program that requires it`);
    const met = pass === 1 ? found.status === 'complete' : found.status !== 'incomplete';
    return met ? found.awards : undefined;
  };
  let allocations = 0;
  for (const program of c.programs) {
    const result = audit(catalog.value, c.transcript as never, { programs: [program], ...c.options });
    if (!result.ok) throw new Error(`audit refused the case: ${JSON.stringify(result.issues)}`);
    const reported = result.value.audits[0] as unknown as ReportedAudit & { optimal: boolean };
    const verdict = oracleVerdict(c.catalog, c.transcript, program, nested, limit, c.options);
    if (!verdict) return undefined;
    allocations += verdict.allocations;
    const model = readModel(c.catalog, c.transcript, program, c.options);
    const tag = (p: Problem): Problem => ({ kind: p.kind, detail: `${program}: ${p.detail}` });
    problems.push(...checkReported(model, nested, reported).map(tag));
    if (reported.optimal) {
      if (reported.status !== verdict.status)
        problems.push(
          tag({ kind: 'status', detail: `the audit says ${reported.status}; the oracle ${verdict.status}` }),
        );
      else if (verdict.status === 'incomplete') {
        const score = reportedScore(model, reported);
        if (score !== verdict.bestScore)
          problems.push(
            tag({
              kind: 'met-count',
              detail: `the audit meets ${score} requirements; the oracle at best ${verdict.bestScore}`,
            }),
          );
      }
    }
    components.set(program, { status: reported.status, awards: appliedAwards(reported.requirements) });
  }
  return { problems, allocations };
}

/** The awards a nested program's audit applied (to leaves that use them up), in tree order. */
function appliedAwards(node: ReportedNode & { shared?: boolean }): string[] {
  const here = node.shared ? [] : node.applied.flatMap((a) => a.components ?? [a.award]);
  return [...here, ...(node.children ?? []).flatMap((child) => appliedAwards(child))];
}
