import { leafOf } from '../requirements/registry.js';
import { describeValue, type Issue } from '../model/issue.js';
import type { Requirement } from '../model/requirement.js';
import type { Transcript } from '../model/transcript.js';
import type { ProgramExceptions } from './plan-allocation.js';
import type { PreparedCatalog } from './prepare-catalog.js';

/**
 * Resolves a transcript's exceptions to requirement nodes, per program. An exception naming an
 * unknown program or requirement, or a partial waiver of a requirement not measured in credits,
 * is an error: a stale exception must not silently stop applying.
 */
export function resolveExceptions(
  prepared: PreparedCatalog,
  transcript: Transcript,
): { byProgram: Map<string, ProgramExceptions>; issues: Issue[] } {
  const issues: Issue[] = [];
  const byProgram = new Map<
    string,
    {
      waivers: Map<Requirement, { reason: string; by?: string; credits?: number }>;
      pins: Map<string, { node: Requirement; force: boolean; reason: string; by?: string }>;
    }
  >();
  transcript.exceptions.forEach((exception, index) => {
    const target = prepared.programs.get(exception.program);
    if (!target) {
      issues.push({
        code: 'invalid-exception',
        path: ['exceptions', index, 'program'],
        expected: 'the id of a catalog program',
        received: describeValue(exception.program),
      });
      return;
    }
    const node = target.byId.get(exception.requirement);
    if (!node) {
      issues.push({
        code: 'invalid-exception',
        path: ['exceptions', index, 'requirement'],
        expected: `a requirement id of ${exception.program} (${[...target.byId.keys()].join(', ')})`,
        received: describeValue(exception.requirement),
      });
      return;
    }
    let entry = byProgram.get(exception.program);
    if (!entry) byProgram.set(exception.program, (entry = { waivers: new Map(), pins: new Map() }));
    const by = exception.by ? { by: exception.by } : {};
    if (exception.type === 'waive') {
      if (exception.credits !== undefined && leafOf(node)?.measure !== 'credits') {
        issues.push({
          code: 'invalid-exception',
          path: ['exceptions', index, 'credits'],
          expected: `a partial waiver of a requirement measured in credits (${describeValue(exception.requirement)} is not)`,
        });
        return;
      }
      entry.waivers.set(node, {
        reason: exception.reason,
        ...by,
        ...(exception.credits !== undefined ? { credits: exception.credits } : {}),
      });
      return;
    }
    if (leafOf(node) === undefined) {
      issues.push({
        code: 'invalid-exception',
        path: ['exceptions', index, 'requirement'],
        expected: `a requirement that takes awards directly, not a group (${describeValue(exception.requirement)})`,
      });
      return;
    }
    entry.pins.set(exception.award, { node, force: exception.type === 'apply', reason: exception.reason, ...by });
  });
  return { byProgram, issues };
}
