import type { AppliedItem, AssertResult, RequirementResult, RequirementStatus } from '../audit/audit-result.js';
import { assertMissingText, assertText, moreCredits } from './reason-text.js';
import { esc, inlineAwardHtml, nameHtml, optionHtml, type TitleOf } from './html-text.js';

/** How the page shows each status: a mark (decoration) and words. "Not yet" is neutral, not a failure. */
export const STATUS_VIEW: Readonly<Record<RequirementStatus, { readonly mark: string; readonly text: string }>> = {
  complete: { mark: '✓', text: 'Complete' },
  'in-progress': { mark: '◐', text: 'In progress' },
  incomplete: { mark: '○', text: 'Not yet' },
  'not-needed': { mark: '–', text: 'Not needed' },
  'not-applicable': { mark: '–', text: 'Does not apply' },
};

/** A requirement node's name: its label, else the credential or program it names (title and code), else its id. */
const labelHtml = (node: RequirementResult, titleOf: TitleOf) =>
  node.label !== undefined
    ? esc(node.label)
    : node.kind === 'credential' || node.kind === 'program'
      ? nameHtml(node.id, titleOf)
      : esc(node.id);

const amount = (v: { count?: number; credits?: number } | undefined) =>
  !v ? '' : v.credits !== undefined ? `${v.credits} cr` : `${v.count}`;

/** The requirement tree as nested lists: each node's status in words, its figure, and what counts there. */
export function requirementTreeHtml(root: RequirementResult, titleOf: TitleOf): string {
  const labels = new Map<string, string>();
  const collect = (n: RequirementResult) => {
    labels.set(n.id, labelHtml(n, titleOf));
    n.children?.forEach(collect);
  };
  collect(root);
  return `<ul class="tree">${nodeHtml(root, titleOf, labels)}</ul>`;
}

function nodeHtml(node: RequirementResult, titleOf: TitleOf, labels: ReadonlyMap<string, string>): string {
  const view = STATUS_VIEW[node.status];
  const figure =
    node.need && (node.status === 'complete' || node.status === 'in-progress' || node.status === 'incomplete')
      ? ` <span class="figure">${esc(amount(node.have))} of ${esc(amount(node.need))}</span>`
      : '';
  const choose =
    node.remaining?.choose !== undefined && node.remaining.of
      ? ` <span class="muted">choose ${esc(node.remaining.choose)} of ${esc(node.remaining.of.length)}</span>`
      : '';
  const applied = node.applied.length
    ? `<div class="counted">Counted: ${node.applied.map((a) => appliedHtml(a, titleOf, labels)).join('; ')}</div>`
    : '';
  const waived = node.waived
    ? `<div class="counted">Waived: ${esc(node.waived.reason)}${node.waived.by ? ` (by ${esc(node.waived.by)})` : ''}</div>`
    : '';
  const among = node.assert ? `<ul class="tree">${assertHtml(node.assert, true)}</ul>` : '';
  const children = node.children
    ? `<ul class="tree">${node.children.map((c) => nodeHtml(c, titleOf, labels)).join('')}</ul>`
    : '';
  return `<li class="req s-${node.status}"><span class="mark" aria-hidden="true">${view.mark}</span><span class="name">${labelHtml(node, titleOf)}</span> <span class="state">${view.text}</span>${figure}${choose}${node.hypothetical ? ' <span class="hyp">what-if</span>' : ''}${applied}${waived}${among}${children}</li>`;
}

function appliedHtml(a: AppliedItem, titleOf: TitleOf, labels: ReadonlyMap<string, string>): string {
  const notes = [
    a.inProgress ? 'in progress' : '',
    a.hypothetical ? '<span class="hyp">planned, what-if</span>' : '',
    a.exception ? `${esc(a.exception.type)}: ${esc(a.exception.reason)}` : '',
    a.capped ? `${esc(a.capped)} cr over a cap` : '',
    a.alsoIn ? `also counts in ${a.alsoIn.map((id) => labels.get(id) ?? esc(id)).join(', ')}` : '',
  ].filter(Boolean);
  return `${a.credential ? nameHtml(a.credential, titleOf) : inlineAwardHtml(a)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

function assertHtml(a: AssertResult, first: boolean): string {
  const children = a.children ? `<ul class="tree">${a.children.map((c) => assertHtml(c, false)).join('')}</ul>` : '';
  return `<li class="req s-${a.status}"><span class="mark" aria-hidden="true">${STATUS_VIEW[a.status].mark}</span>${first ? 'Among the counted: ' : ''}${esc(assertText(a))}${children}</li>`;
}

/**
 * What remains, as list items: each open requirement with what it misses and the credentials that
 * would meet it; an open choice (`remaining.choose` of `remaining.of`) as one group of alternatives.
 * Alternatives not needed and requirements that do not apply carry nothing.
 */
export function remainingHtml(node: RequirementResult, titleOf: TitleOf): string[] {
  if (node.status !== 'incomplete') return [];
  const r = node.remaining;
  if (r?.assert && node.assert) return [`<li>${labelHtml(node, titleOf)}: ${esc(assertMissingText(node.assert))}</li>`];
  if (node.children && r?.choose !== undefined && r.of) {
    const alternatives = r.of.flatMap((id) => node.children!.filter((c) => c.id === id));
    const items = alternatives.map((alt) =>
      alt.children
        ? `<li><span class="name">${labelHtml(alt, titleOf)}</span><ul class="remaining">${remainingHtml(alt, titleOf).join('')}</ul></li>`
        : `<li>${leafHtml(alt, titleOf)}</li>`,
    );
    return [
      `<li class="choose"><span class="name">${labelHtml(node, titleOf)}</span>: choose ${r.choose === 1 ? 'one' : esc(r.choose)} of these ${esc(alternatives.length)}<ol class="alternatives">${items.join('')}</ol></li>`,
    ];
  }
  if (node.children) return node.children.flatMap((c) => remainingHtml(c, titleOf));
  return [`<li>${leafHtml(node, titleOf)}</li>`];
}

/** An open leaf: its name, what it misses, and the options (one that is the leaf itself named once, not "X: X"). */
function leafHtml(node: RequirementResult, titleOf: TitleOf): string {
  const r = node.remaining;
  const options = r?.options ?? [];
  if (options.length === 1 && (r?.count ?? 1) === 1 && r?.credits === undefined) {
    const only = options[0]!;
    const option = optionHtml(only);
    const named = node.label === undefined ? only.credential === node.id : node.label === only.title;
    return named ? option : `<span class="name">${labelHtml(node, titleOf)}</span>: ${option}`;
  }
  const missing = r?.credits !== undefined ? esc(moreCredits(r.credits)) : `${esc(r?.count ?? 1)} more`;
  if (options.length === 0) return `<span class="name">${labelHtml(node, titleOf)}</span>: ${missing}`;
  return `<span class="name">${labelHtml(node, titleOf)}</span>: ${missing}, from<ul class="options">${options.map((o) => `<li>${optionHtml(o)}</li>`).join('')}</ul>`;
}
