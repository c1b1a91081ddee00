import type {
  AssertResult,
  AuditReport,
  PolicyResult,
  ProgramAudit,
  RequirementResult,
  RequirementStatus,
} from '../audit/audit-result.js';
import type { StackingGraph } from '../catalog/stacking-graph.js';
import type { PathwayPlan } from '../pathways/plan.js';
import type { Recommendation } from '../pathways/recommend.js';
import { assertMissingText, assertText, reasonText, recommendationText, STATUS_MARKS } from './reason-text.js';
import { stackingSvg } from './stacking-svg.js';

/** What the advising report shows besides the audit. */
export interface HtmlExtras {
  readonly graph: StackingGraph;
  readonly recommendations: readonly Recommendation[];
  /** Plans for incomplete programs, by program id. */
  readonly plans: ReadonlyMap<string, PathwayPlan>;
  /** Titles of catalog credentials, for names instead of ids. */
  readonly titles: ReadonlyMap<string, string>;
  /** Catalog credentials the learner holds: where the stacking paths start. */
  readonly held: readonly string[];
}

const esc = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const STATUS_TEXT: Record<RequirementStatus, string> = {
  complete: 'Complete',
  'in-progress': 'In progress',
  incomplete: 'Not yet complete',
  'not-needed': 'Not needed',
  'not-applicable': 'Does not apply',
};

const CSS = `
:root{--ok:#1a7f37;--wip:#9a6700;--no:#b42318;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:980px;margin:0 auto;padding:24px}h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.3rem;margin:32px 0 8px;padding-top:16px;border-top:2px solid var(--line)}
h3{font-size:1.05rem;margin:18px 0 6px}.muted{color:var(--muted)}.status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85rem;font-weight:600;color:#fff}
.complete{background:var(--ok)}.in-progress{background:var(--wip)}.incomplete{background:var(--no)}
.bar{display:grid;grid-template-columns:minmax(180px,1fr) 3fr auto;gap:10px;align-items:center;margin:6px 0}
progress{width:100%;height:14px;accent-color:var(--ok)}ul.tree{list-style:none;padding-left:18px;margin:4px 0}ul.tree>li{margin:2px 0}
.mark{display:inline-block;width:1.2em;font-weight:700}.mark.complete{color:var(--ok);background:none}.mark.in-progress{color:var(--wip);background:none}.mark.incomplete{color:var(--no);background:none}
.applied{color:var(--muted);font-size:.9rem}table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg)}svg text{font-size:12px;fill:var(--ink)}svg rect{fill:var(--bg);stroke:#8c959f}svg .target rect{fill:#dafbe1;stroke:var(--ok)}svg .edge{stroke:#8c959f;stroke-width:1.5}
.hyp{font-style:italic}.steps li{margin:2px 0}
@media print{main{max-width:none;padding:0}h2{break-before:auto;break-inside:avoid}section{break-inside:avoid-page}.status{color:#000;border:1px solid #000;background:none}}
`;

/** One self-contained HTML page per learner (no network, no external assets): progress, tree, what remains, the stacking path, why awards did not count. */
export function auditToHtml(report: AuditReport, extras: HtmlExtras): string {
  const name = report.learner.name ?? report.learner.id;
  const title = (id: string) => extras.titles.get(id) ?? id;
  const overview = extras.recommendations
    .map((r) => {
      const audit = report.audits.find((a) => a.program === r.program)!;
      const max = audit.credits.required ?? Math.max(audit.credits.applied, 1);
      const value = Math.min(audit.credits.applied, max);
      return `<div class="bar"><span id="bar-${esc(r.program)}">${esc(r.title)} <span class="status ${r.status}">${STATUS_TEXT[r.status]}</span></span><progress aria-labelledby="bar-${esc(r.program)}" max="${max}" value="${value}">${value} of ${max}</progress><span>${esc(audit.credits.applied)}${audit.credits.required === null ? '' : ` / ${esc(audit.credits.required)}`} credits</span></div><p class="muted">${esc(recommendationText(r))}</p>`;
    })
    .join('');
  const programs = report.audits.map((audit) => programSection(audit, extras, title)).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Advising report: ${esc(name)}</title><style>${CSS}</style></head><body><main>
<header><h1>Advising report: ${esc(name)}</h1><p class="muted">Learner ${esc(report.learner.id)} · as of ${esc(report.asOf)} · made by credstack</p></header>
<section aria-labelledby="overview"><h2 id="overview">Programs, closest first</h2>${overview}</section>
${programs}
</main></body></html>
`;
}

function programSection(audit: ProgramAudit, extras: HtmlExtras, title: (id: string) => string): string {
  const id = `program-${audit.program}`;
  const remaining = openLeaves(audit.requirements);
  const plan = extras.plans.get(audit.program);
  const svg = stackingSvg(extras.graph, extras.held, audit.program, audit.title);
  const policies = audit.policies
    .map(
      (p) =>
        `<li>${p.status ? `<span class="mark ${p.status}" aria-hidden="true">${STATUS_MARKS[p.status]}</span>` : '• '}${esc(p.label)}: ${policyFigure(p)}${p.clipped ? ` (${esc(p.clipped)} over the limit)` : ''}</li>`,
    )
    .join('');
  return `<section aria-labelledby="${esc(id)}"><h2 id="${esc(id)}">${esc(audit.title)} <span class="status ${audit.status}">${STATUS_TEXT[audit.status]}</span>${audit.hypothetical ? ' <span class="hyp">(what-if)</span>' : ''}</h2>
<p class="muted">${esc(audit.credits.applied)}${audit.credits.required === null ? '' : ` of ${esc(audit.credits.required)}`} ${esc(audit.credits.unit)} credits${audit.optimal ? '' : ' · the search budget ran out: this allocation is the best found, not proven best'}</p>
<h3>Requirements</h3><ul class="tree">${nodeItem(audit.requirements, title)}</ul>${policies ? `<ul class="tree">${policies}</ul>` : ''}
${
  remaining.length
    ? `<h3>What remains</h3><ul>${remaining
        .map(
          (n) =>
            `<li>${esc(n.label ?? n.id)}: ${esc(missing(n))}${
              n.remaining?.options?.length
                ? ` — for example ${n.remaining.options
                    .slice(0, 4)
                    .map((o) => esc(o.title))
                    .join(', ')}`
                : ''
            }</li>`,
        )
        .join('')}</ul>`
    : ''
}
${plan?.credentials.length ? `<h3>Next steps (${esc(plan.cost.credits)} credits, ${esc(plan.cost.items)} credentials${plan.proven ? '' : ', may not be the cheapest'})</h3><ol class="steps">${plan.steps.map((s) => `<li>${s.credentials.map((c) => esc(title(c))).join(', ')}</li>`).join('')}</ol>` : ''}
${svg ? `<h3>How your credentials stack into it</h3>${svg}` : ''}
${audit.unused.length ? `<h3>Awards that do not count here</h3><table><thead><tr><th scope="col">Award</th><th scope="col">Why</th></tr></thead><tbody>${audit.unused.map((u) => `<tr><td>${esc(u.award)}</td><td>${esc(u.reasons.map(reasonText).join('; '))}</td></tr>`).join('')}</tbody></table>` : ''}
</section>`;
}

function nodeItem(node: RequirementResult, title: (id: string) => string): string {
  const measure = node.need ? ` ${amount(node.have)}/${amount(node.need)}` : '';
  const applied = node.applied.length
    ? ` <span class="applied">← ${node.applied.map((a) => `${esc(title(a.credential ?? a.award))}${a.inProgress ? ' (in progress)' : ''}${a.hypothetical ? ' (planned)' : ''}${a.alsoIn ? ` (also in ${esc(a.alsoIn.join(', '))})` : ''}`).join(', ')}</span>`
    : '';
  const waived = node.waived ? ` <span class="applied">waived: ${esc(node.waived.reason)}</span>` : '';
  const among = node.assert ? `<ul class="tree">${assertItem(node.assert, true)}</ul>` : '';
  const children = node.children
    ? `<ul class="tree">${node.children.map((c) => nodeItem(c, title)).join('')}</ul>`
    : '';
  return `<li><span class="mark ${node.status}" aria-hidden="true">${STATUS_MARKS[node.status]}</span>${esc(node.label ?? node.id)} <span class="muted">(${STATUS_TEXT[node.status].toLowerCase()})${esc(measure)}</span>${node.hypothetical ? ' <span class="hyp">what-if</span>' : ''}${applied}${waived}${among}${children}</li>`;
}

/** An assert's node: its mark, its words, and its children. */
function assertItem(a: AssertResult, first: boolean): string {
  const children = a.children ? `<ul class="tree">${a.children.map((c) => assertItem(c, false)).join('')}</ul>` : '';
  return `<li><span class="mark ${a.status}" aria-hidden="true">${STATUS_MARKS[a.status]}</span>${first ? 'Among the counted: ' : ''}${esc(assertText(a))}${children}</li>`;
}

const amount = (v: { count?: number; credits?: number } | undefined) =>
  !v ? '' : v.credits !== undefined ? `${v.credits} cr` : `${v.count}`;
const missing = (n: RequirementResult) =>
  n.remaining?.assert && n.assert
    ? assertMissingText(n.assert)
    : n.remaining?.credits !== undefined
      ? `${n.remaining.credits} more credits`
      : `${n.remaining?.count ?? 1} more`;
const openLeaves = (node: RequirementResult): RequirementResult[] =>
  node.status !== 'incomplete'
    ? []
    : node.remaining?.assert || !node.children
      ? [node]
      : node.children.flatMap(openLeaves);

/** A policy's figure: have of need, or for a limit what counts of the most it lets count. */
function policyFigure(p: PolicyResult): string {
  if (p.status) return `${esc(p.have ?? '–')} of ${esc(p.need ?? '')} needed`;
  const credits = p.need !== undefined ? `${esc(p.have ?? 0)} of at most ${esc(p.need)} credits` : '';
  const items = p.maxCount !== undefined ? `${esc(p.count ?? 0)} of at most ${esc(p.maxCount)} items` : '';
  return [credits, items].filter(Boolean).join(', ');
}
