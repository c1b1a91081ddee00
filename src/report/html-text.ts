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

/** The same name as plain text ("Data Wrangling (DATA-210)"), for labels and the stacking graph's words. */
export function nameText(id: string, titleOf: TitleOf): string {
  const title = titleOf(id);
  return title === undefined || title === id ? id : `${title} (${id})`;
}

/**
 * A credential that would meet an open requirement (an entry of `remaining.options`): the one
 * place that reads an option's shape, an id or `{ credential, title, credits }`.
 */
export function optionHtml(
  option: string | { readonly credential: string; readonly title?: string; readonly credits?: number },
  titleOf: TitleOf,
): string {
  if (typeof option === 'string') return nameHtml(option, titleOf);
  const name = nameHtml(option.credential, (id) => (id === option.credential ? option.title : titleOf(id)));
  return option.credits === undefined ? name : `${name} <span class="muted">· ${esc(option.credits)} cr</span>`;
}

/** The id an option names. */
export const optionId = (option: string | { readonly credential: string }) =>
  typeof option === 'string' ? option : option.credential;

/** The title of the credential an option names, when known. */
export const optionTitle = (
  option: string | { readonly credential: string; readonly title?: string },
  titleOf: TitleOf,
) => (typeof option === 'string' ? titleOf(option) : (option.title ?? titleOf(option.credential)));
