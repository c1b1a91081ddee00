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
import {
  STATUS_MARKS,
  STATUS_NOTES,
  WHAT_IF_MARK,
  assertMissingText,
  assertText,
  chooseText,
  leafRemainingText,
  plural,
  reasonText,
  recommendationText,
  titled,
} from './reason-text.js';
import type { Titles } from './titles.js';

/** How to render: colour for a terminal (plain when piped or when NO_COLOR is set), and titles to show with ids. */
export interface TextStyle {
  readonly color: boolean;
  /** Titles of catalog credentials and programs (`catalogTitles`); without them, ids alone. */
  readonly titles?: Titles;
}

const COLORS: Record<RequirementStatus, string> = {
  complete: '32',
  'in-progress': '33',
  incomplete: '31',
  'not-needed': '2',
  'not-applicable': '2',
};

/** A line of "what remains", at a depth under the one before. */
type Line = readonly [depth: number, text: string];

/**
 * The audit as an advisor reads it: a tree with marks, have/need, and what remains, titles with ids.
 *
 * @example
 * ```ts
 * import { type AuditReport, auditToText, catalogTitles, type Catalog } from 'credstack';
 *
 * declare const catalog: Catalog;
 * declare const report: AuditReport; // from audit(catalog, ...)
 * console.log(auditToText(report, { color: false, titles: catalogTitles(catalog) }));
 * ```
 */
export function auditToText(report: AuditReport, style: TextStyle): string {
  const paint = (status: RequirementStatus, text: string) =>
    style.color ? `\u001b[${COLORS[status]}m${text}\u001b[0m` : text;
  const dim = (text: string) => (style.color ? `\u001b[2m${text}\u001b[0m` : text);
  const bold = (text: string) => (style.color ? `\u001b[1m${text}\u001b[0m` : text);
  const name = namer(style.titles);
  const lines: string[] = [
    `${bold(report.learner.name ?? report.learner.id)} (${report.learner.id}), as of ${report.asOf}`,
  ];
  for (const audit of report.audits) {
    lines.push('', programHeading(audit, paint, bold));
    const walk = (node: RequirementResult, depth: number) => {
      const label = nodeLabel(node, name);
      const aside = STATUS_NOTES[node.status];
      const measure = node.need && !aside ? ` ${amount(node.have)}/${amount(node.need)}` : '';
      const notes = [aside, node.waived ? `waived: ${node.waived.reason}` : node.shared ? 'shared' : undefined].filter(
        Boolean,
      );
      const note = (notes.length ? dim(` (${notes.join('; ')})`) : '') + (node.hypothetical ? ` ${WHAT_IF_MARK}` : '');
      // The credential a requirement without a label names is titled in the label: its id is enough here.
      const applied = node.applied.length
        ? dim(
            `  ← ${node.applied.map((a) => `${a.credential && !node.label && a.credential === node.credential ? a.credential : a.credential ? name(a.credential) : inlineName(a)}${a.inProgress ? ' (in progress)' : ''}${a.exception ? ` [${a.exception.type}]` : ''}${a.alsoIn ? ` (also in ${a.alsoIn.join(', ')})` : ''}${a.hypothetical ? ` ${WHAT_IF_MARK}` : ''}`).join(', ')}`,
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
    const remaining = remainingLines(audit.requirements, name);
    if (remaining.length)
      lines.push('  Remaining:', ...remaining.map(([depth, text]) => `    ${'  '.repeat(depth)}- ${text}`));
    if (audit.stillNeeded?.length)
      lines.push(`  Still needed (the cheapest plan): ${audit.stillNeeded.map(name).join(', ')}`);
    if (audit.unused.length)
      lines.push(
        '  Not counted:',
        ...audit.unused.map(
          (u) =>
            `    - ${u.credential ? `${name(u.credential)}, award ${u.award}` : inlineName(u)}: ${u.reasons.map(reasonText).join('; ')}`,
        ),
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

/** Words a catalog id with its title when the titles know it. */
function namer(titles: Titles | undefined): (id: string) => string {
  return (id) => titled(id, titles?.get(id));
}

/** A node's label; a credential or program leaf without one is named by its credential. */
function nodeLabel(node: RequirementResult, name: (id: string) => string): string {
  return node.label ?? (node.credential ? name(node.credential) : node.id);
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
  return `${bold(audit.title)} (${audit.program})${version}: ${paint(audit.status, audit.status.toUpperCase())}${audit.hypothetical ? ` ${WHAT_IF_MARK}` : ''}, ${credits} ${audit.credits.unit} credits`;
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

/**
 * What remains, needed unmet nodes only: a leaf with what would meet it, an open `any` as the
 * choice left ("choose 1 of: ...") with what each open alternative needs under it.
 */
function remainingLines(node: RequirementResult, name: (id: string) => string): Line[] {
  if (node.status !== 'incomplete') return [];
  const label = nodeLabel(node, name);
  const r = node.remaining;
  if (r?.assert && node.assert) return [[0, `${label}: ${assertMissingText(node.assert)}`]];
  if (!node.children) return [[0, leafRemainingText(label, node)]];
  if (r?.choose === undefined) return node.children.flatMap((child) => remainingLines(child, name));
  const open = node.children.filter((child) => r.of?.includes(child.id));
  const labels = open.map((child) => nodeLabel(child, name));
  return [
    [0, `${label}: ${chooseText(r.choose, labels)}`],
    // What each alternative needs, unless its label says it all (one credential); a group of
    // requirements under its label.
    ...open.flatMap((child, i): Line[] => {
      const under = remainingLines(child, name);
      if (!child.children) return under[0]![1] === labels[i] ? [] : [[1, under[0]![1]]];
      if (under.length === 1) return [[1, `${labels[i]}: ${under[0]![1]}`]];
      return [[1, `${labels[i]}:`], ...under.map(([d, t]): Line => [d + 2, t])];
    }),
  ];
}
/** "What does this transcript earn, and what is it closest to": the ranking, one line each. */
export function recommendationsToText(recommendations: readonly Recommendation[]): string {
  if (recommendations.length === 0) return '';
  return `\nClosest programs:\n${recommendations.map((r, i) => `  ${i + 1}. ${recommendationText(r)}`).join('\n')}\n`;
}

/** "2 terms", or "7 terms, 2026-fall to 2028-fall (1 with nothing to take)": a schedule's empty terms are not listed. */
function termsText(terms: number, steps: readonly { readonly term?: string }[]): string {
  const listed = steps.filter((s) => s.term !== undefined);
  const empty = terms - listed.length;
  if (listed.length === 0 || empty <= 0) return plural(terms, 'term');
  return `${plural(terms, 'term')}, ${listed[0]!.term} to ${listed.at(-1)!.term} (${empty} with nothing to take)`;
}

/**
 * A plan as an advisor reads it: steps in prerequisite order (or one line a term, scheduled), cost,
 * and whether it is proven the cheapest; credentials by title with their ids when `titles` are given.
 */
export function planToText(
  target: string,
  best: PathwayPlan | undefined,
  alternatives: readonly PathwayPlan[],
  reason?: string,
  titles?: Titles,
): string {
  const name = namer(titles);
  const program = name(target);
  if (!best) return `No plan completes ${program}: ${reason ?? 'nothing in the catalog meets what remains'}.\n`;
  if (best.credentials.length === 0)
    return `${program} needs nothing more${best.audit.status === 'in-progress' ? ' than finishing the work in progress' : ''}.\n`;
  const lines = [
    `Plan for ${program}: ${plural(best.credentials.length, 'credential')}, ${plural(best.cost.credits, 'credit')}${best.proven ? ' (the cheapest)' : ' (not proven the cheapest)'}`,
  ];
  if (best.cost.terms !== undefined) lines.push(`  ${termsText(best.cost.terms, best.steps)}`);
  for (const step of best.steps)
    lines.push(
      `  ${step.term ? `${step.term} (${plural(step.credits ?? 0, 'credit')})` : `Step ${step.step}`}: ${step.credentials.map(name).join(', ')}`,
    );
  for (const [i, alternative] of alternatives.entries())
    lines.push(
      `  Alternative ${i + 1} (${plural(alternative.cost.credits, 'credit')}${alternative.proven ? '' : ', not proven the next cheapest'}): ${alternative.credentials.map(name).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** An award of no catalog credential: "Calculus I (award a3)" when the transcript titles it, else its id. */
function inlineName(a: { readonly award: string; readonly title?: string }): string {
  return a.title !== undefined ? `${a.title} (award ${a.award})` : a.award;
}
