import { audit, type AuditOptions } from '../audit/audit.js';
import type { AuditReport, ProgramAudit, RequirementResult } from '../audit/audit-result.js';
import type { Catalog } from '../model/catalog.js';
import { describeValue, fail, type Result } from '../model/issue.js';
import { parseWith } from '../model/parse.js';
import { appendedAwardIssues, Award, Transcript, type AwardInput, type TranscriptInput } from '../model/transcript.js';
import * as z from 'zod/mini';

/** Awards a what-if file adds: an array of awards or `{ "awards": [...] }`; all are taken as planned. */
export const WhatIfAwards = z.union([
  z.array(Award),
  z.pipe(
    z.object({ awards: z.array(Award) }),
    z.transform((o) => o.awards),
  ),
]);

/**
 * A what-if audit: the transcript with `planned` awards (its own and `extra`) counted as if
 * completed. Every requirement whose status differs from the real audit, and every applied item
 * that is a planned award, is marked `hypothetical: true`. Problems with an award of `extra` are
 * issues at its index in `extra`, under `whatIf` (`whatIf[0].credential`).
 *
 * @example
 * ```ts
 * import { loadCatalog, whatIf } from 'credstack';
 * import { exampleCatalog } from 'credstack/catalog';
 *
 * const catalog = loadCatalog(exampleCatalog);
 * if (!catalog.ok) throw new Error('the example catalog does not load');
 * const transcript = {
 *   learner: { id: 's-2001', name: 'Sam Rivera' },
 *   awards: [
 *     { id: 'a1', credential: 'mc-sql', earned: '2025-06-20' },
 *     { id: 'a2', credential: 'mc-python', earned: '2025-11-14' },
 *   ],
 * };
 * // Would Spreadsheet Modelling and Dashboards complete the certificate?
 * const planned = [
 *   { id: 'p1', credential: 'mc-spreadsheets', status: 'planned' as const },
 *   { id: 'p2', credential: 'mc-dashboards', status: 'planned' as const },
 * ];
 * const report = whatIf(catalog.value, transcript, planned, { programs: ['cert-data-analytics'], asOf: '2026-03-01' });
 * if (report.ok) console.log(report.value.audits[0]?.status); // 'complete'
 * ```
 */
export function whatIf(
  catalog: Catalog,
  transcript: TranscriptInput | Transcript,
  extra: readonly AwardInput[],
  options: AuditOptions,
): Result<AuditReport> {
  const parsed = parseWith(Transcript, transcript);
  if (!parsed.ok) return parsed;
  const added = parseWith(z.array(Award), extra);
  if (!added.ok) return fail(added.issues.map((issue) => ({ ...issue, path: ['whatIf', ...issue.path] })));
  const taken = new Set(parsed.value.awards.map((a) => a.id));
  const clash = added.value.findIndex((a) => taken.has(a.id));
  if (clash >= 0)
    return fail([
      {
        code: 'duplicate-id',
        path: ['whatIf', clash, 'id'],
        expected: 'an award id not already on the transcript',
        received: describeValue(added.value[clash]!.id),
      },
    ]);
  const real = audit(catalog, parsed.value, { ...options, includePlanned: false });
  if (!real.ok) return real;
  const hypothesis = audit(
    catalog,
    {
      ...parsed.value,
      awards: [...parsed.value.awards, ...added.value.map((a) => ({ ...a, status: 'planned' as const }))],
    },
    { ...options, includePlanned: true },
  );
  if (!hypothesis.ok) return fail(appendedAwardIssues(hypothesis.issues, parsed.value.awards.length, 'whatIf'));
  const planned = new Set([
    ...parsed.value.awards.filter((a) => a.status === 'planned').map((a) => a.id),
    ...added.value.map((a) => a.id),
  ]);
  return {
    ok: true,
    value: {
      ...hypothesis.value,
      audits: hypothesis.value.audits.map((a, i) => markHypotheses(a, real.value.audits[i]!, planned)),
    },
  };
}

function markHypotheses(hypothesis: ProgramAudit, real: ProgramAudit, planned: ReadonlySet<string>): ProgramAudit {
  const realStatus = new Map<string, string>();
  const collect = (node: RequirementResult) => {
    realStatus.set(node.id, node.status);
    node.children?.forEach(collect);
  };
  collect(real.requirements);
  const mark = (node: RequirementResult): RequirementResult => ({
    ...node,
    ...(realStatus.get(node.id) !== node.status ? { hypothetical: true as const } : {}),
    applied: node.applied.map((item) =>
      planned.has(item.award) || item.components?.some((c) => planned.has(c))
        ? { ...item, hypothetical: true as const }
        : item,
    ),
    ...(node.children ? { children: node.children.map(mark) } : {}),
  });
  return {
    ...hypothesis,
    ...(hypothesis.status !== real.status ? { hypothetical: true as const } : {}),
    requirements: mark(hypothesis.requirements),
  };
}
