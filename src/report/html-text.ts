import type { RemainingOption } from '../audit/audit-result.js';
/** Text and names in the HTML advising page: escaping, and credentials named by title with their code. */

/** Escapes text for HTML content and attribute values (`&`, `<`, `>`, quotes). */
export const esc = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A catalog credential's title by id, for names instead of ids. */
export type TitleOf = (id: string) => string | undefined;

/** A credential or program as people read it: its title with its code ("Data Wrangling DATA-210"), or its code alone when untitled. */
export function nameHtml(id: string, titleOf: TitleOf): string {
  const title = titleOf(id);
  return title === undefined || title === id
    ? `<span class="code">${esc(id)}</span>`
    : `${esc(title)} <span class="code">${esc(id)}</span>`;
}

/** A credential that would meet an open requirement: its title and code, and its credits there. */
export function optionHtml(option: RemainingOption): string {
  return `${nameHtml(option.credential, () => option.title)} <span class="muted">· ${esc(option.credits)} cr</span>`;
}

/** An award of no catalog credential: its title from the transcript with its id ("Calculus I (award a3)"), else "award a3". */
export function inlineAwardHtml(a: { readonly award: string; readonly title?: string }): string {
  return a.title !== undefined
    ? `${esc(a.title)} <span class="muted">(award ${esc(a.award)})</span>`
    : `award ${esc(a.award)}`;
}
