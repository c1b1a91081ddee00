import type { AuditReport, ProgramAudit, RequirementResult } from '../audit/audit-result.js';
import { openRequirements } from '../audit/remaining.js';

/** How far a learner is from one program, and what is left. */
export interface Recommendation {
  readonly program: string;
  readonly title: string;
  readonly status: ProgramAudit['status'];
  /** Open requirements on the cheapest way through the program's tree. */
  readonly requirementsLeft: number;
  /** Credits short of the program's total, when it has one. */
  readonly creditsLeft: number;
  /** The open requirements (labels, else ids) on the cheapest way through the program's tree. */
  readonly open: readonly string[];
}

/**
 * Ranks every audited program by what remains for this learner: earned first, then in progress,
 * then by open requirements, credits short, and id. Deterministic, and each entry says what is open
 * (worded by `recommendationText` in report/).
 *
 * @example
 * ```ts
 * import { type AuditReport, recommend, recommendationText } from 'credstack';
 *
 * declare const report: AuditReport; // from audit(catalog, transcript, { all: true })
 * for (const recommendation of recommend(report)) console.log(recommendationText(recommendation));
 * ```
 */
export function recommend(report: AuditReport): Recommendation[] {
  const rank = { complete: 0, 'in-progress': 1, incomplete: 2 } as const;
  return report.audits
    .map((audit): Recommendation => {
      const requirementsLeft = openRequirements(audit.requirements);
      const total = audit.policies.find((p) => p.id === 'total-credits');
      const creditsLeft = total ? Math.max(0, Math.round(((total.need ?? 0) - (total.have ?? 0)) * 100) / 100) : 0;
      const open =
        audit.status === 'incomplete' ? cheapestOpen(audit.requirements).map((node) => node.label ?? node.id) : [];
      return { program: audit.program, title: audit.title, status: audit.status, requirementsLeft, creditsLeft, open };
    })
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        a.requirementsLeft - b.requirementsLeft ||
        a.creditsLeft - b.creditsLeft ||
        a.program.localeCompare(b.program),
    );
}

/** The open leaves on the cheapest way through a node (as `openRequirements` counts them). */
function cheapestOpen(node: RequirementResult): RequirementResult[] {
  if (node.status !== 'incomplete') return [];
  if (!node.children || node.remaining?.assert) return [node];
  const open = node.children.filter((c) => c.status === 'incomplete').map(cheapestOpen);
  if (node.kind === 'all') return open.flat();
  const missing = (node.need?.count ?? 1) - (node.have?.count ?? 0);
  const cheapest = open.sort((a, b) => a.length - b.length).slice(0, Math.max(0, missing));
  // A choice between single requirements reads best as the choice itself ("one of ...").
  return cheapest.every((option) => option.length === 1 && !option[0]!.children) ? [node] : cheapest.flat();
}
