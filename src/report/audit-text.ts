import type {
  AssertResult,
  AuditReport,
  AuditStatus,
  PolicyResult,
  ProgramAudit,
  RequirementResult,
  RequirementStatus,
} from '../audit/audit-result.js';
import type { Recommendation } from '../pathways/recommend.js';
import type { PathwayPlan } from '../pathways/plan.js';
import { assertMissingText, assertText, reasonText, recommendationText, STATUS_MARKS } from './reason-text.js';

/** Styling for a terminal; plain when piped or when NO_COLOR is set. */
export interface TextStyle {
  readonly color: boolean;
}

const COLORS: Record<RequirementStatus, string> = {
  complete: '32',
  'in-progress': '33',
  incomplete: '31',
  'not-needed': '2',
  'not-applicable': '2',
};

/**
 * The audit as an advisor reads it: a tree with marks, have/need, and what remains.
 *
 * @example
 * ```ts
 * import { type AuditReport, auditToText } from 'credstack';
 *
 * declare const report: AuditReport; // from audit(...)
 * console.log(auditToText(report, { color: false }));
 * ```
 */
export function auditToText(report: AuditReport, style: TextStyle): string {
  const paint = (status: RequirementStatus, text: string) =>
    style.color ? `\u001b[${COLORS[status]}m${text}\u001b[0m` : text;
  const dim = (text: string) => (style.color ? `\u001b[2m${text}\u001b[0m` : text);
  const bold = (text: string) => (style.color ? `\u001b[1m${text}\u001b[0m` : text);
  const lines: string[] = [
    `${bold(report.learner.name ?? report.learner.id)} (${report.learner.id}), as of ${report.asOf}`,
  ];
  for (const audit of report.audits) {
    lines.push('', programHeading(audit, paint, bold));
    const walk = (node: RequirementResult, depth: number) => {
      const measure = node.need ? ` ${amount(node.have)}/${amount(node.need)}` : '';
      const label = node.label ?? node.id;
      const note = node.waived ? dim(` waived: ${node.waived.reason}`) : node.shared ? dim(' (shared)') : '';
      const applied = node.applied.length
        ? dim(
            `  ← ${node.applied.map((a) => `${a.credential ?? a.award}${a.inProgress ? ' (in progress)' : ''}${a.exception ? ` [${a.exception.type}]` : ''}${a.alsoIn ? ` (also in ${a.alsoIn.join(', ')})` : ''}`).join(', ')}`,
          )
        : '';
      lines.push(
        `${'  '.repeat(depth)}${paint(node.status, STATUS_MARKS[node.status])} ${label}${measure}${note}${applied}`,
      );
      const among = (a: AssertResult, at: number, first: boolean) => {
        lines.push(
          `${'  '.repeat(at)}${paint(a.status, STATUS_MARKS[a.status])} ${first ? 'among the counted: ' : ''}${assertText(a)}`,
        );
        a.children?.forEach((child) => among(child, at + 1, false));
      };
      if (node.assert) among(node.assert, depth + 1, true);
      node.children?.forEach((child) => walk(child, depth + 1));
    };
    walk(audit.requirements, 1);
    for (const policy of audit.policies) lines.push(`  ${policyLine(policy, paint)}`);
    const remaining = remainingLines(audit.requirements);
    if (remaining.length) lines.push('  Remaining:', ...remaining.map((line) => `    - ${line}`));
    if (audit.stillNeeded?.length) lines.push(`  Still needed (the cheapest plan): ${audit.stillNeeded.join(', ')}`);
    if (audit.unused.length)
      lines.push(
        '  Not counted:',
        ...audit.unused.map((u) => `    - ${u.award}: ${u.reasons.map(reasonText).join('; ')}`),
      );
    if (!audit.optimal)
      lines.push(
        paint(
          'in-progress',
          '  Note: the search budget ran out; this allocation is the best found, not proven optimal.',
        ),
      );
  }
  return `${lines.join('\n')}\n`;
}

function programHeading(
  audit: ProgramAudit,
  paint: (s: AuditStatus, t: string) => string,
  bold: (t: string) => string,
): string {
  const credits =
    audit.credits.required === null ? `${audit.credits.applied}` : `${audit.credits.applied}/${audit.credits.required}`;
  const version = audit.version
    ? ` [catalog ${[audit.version.from, audit.version.to].map((d) => d ?? '…').join(' to ')}]`
    : '';
  return `${bold(audit.title)} (${audit.program})${version}: ${paint(audit.status, audit.status.toUpperCase())}, ${credits} ${audit.credits.unit} credits`;
}

function policyLine(policy: PolicyResult, paint: (s: AuditStatus, t: string) => string): string {
  if (policy.status === undefined && policy.need === undefined)
    return `• ${policy.label}: ${policy.count} of at most ${policy.maxCount} items count`;
  if (policy.status === undefined)
    return `• ${policy.label}: ${policy.have} of at most ${policy.need} credits count${policy.clipped ? ` (${policy.clipped} over the limit)` : ''}`;
  return `${paint(policy.status, STATUS_MARKS[policy.status])} ${policy.label} ${policy.have ?? '-'}/${policy.need}`;
}

function amount(value: { count?: number; credits?: number } | undefined): string {
  if (!value) return '';
  return value.credits !== undefined ? `${value.credits} cr` : `${value.count}`;
}

function remainingLines(node: RequirementResult): string[] {
  if (node.status !== 'incomplete') return [];
  if (node.remaining?.assert && node.assert) return [`${node.label ?? node.id}: ${assertMissingText(node.assert)}`];
  if (!node.children) {
    const r = node.remaining;
    const what = r?.credits !== undefined ? `${r.credits} more credits` : `${r?.count ?? 1} more`;
    const options = r?.options?.length ? `: ${r.options.join(', ')}` : '';
    return [`${node.label ?? node.id}: ${what}${options}`];
  }
  return node.children.flatMap(remainingLines);
}

/** "What does this transcript earn, and what is it closest to": the ranking, one line each. */
export function recommendationsToText(recommendations: readonly Recommendation[]): string {
  if (recommendations.length === 0) return '';
  return `\nClosest programs:\n${recommendations.map((r, i) => `  ${i + 1}. ${recommendationText(r)}`).join('\n')}\n`;
}

/** A plan as an advisor reads it: steps in prerequisite order, cost, and whether it is proven the cheapest. */
export function planToText(
  target: string,
  best: PathwayPlan | undefined,
  alternatives: readonly PathwayPlan[],
  reason?: string,
): string {
  if (!best) return `No plan completes ${target}: ${reason ?? 'nothing in the catalog meets what remains'}.\n`;
  if (best.credentials.length === 0)
    return `${target} needs nothing more${best.audit.status === 'in-progress' ? ' than finishing the work in progress' : ''}.\n`;
  const lines = [
    `Plan for ${target}: ${best.credentials.length} credentials, ${best.cost.credits} credits${best.proven ? ' (the cheapest)' : ' (may not be the cheapest: the time limit ran out)'}`,
  ];
  if (best.cost.terms !== undefined) lines.push(`  ${best.cost.terms} terms`);
  for (const step of best.steps)
    lines.push(
      `  ${step.term ? `${step.term} (${step.credits} credits)` : `Step ${step.step}`}: ${step.credentials.join(', ')}`,
    );
  for (const [i, alternative] of alternatives.entries())
    lines.push(
      `  Alternative ${i + 1} (${alternative.cost.credits} credits${alternative.proven ? '' : ', may not be the next cheapest'}): ${alternative.credentials.join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}
