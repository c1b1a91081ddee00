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

/** An entry of `remaining.options`: a credential id, or `{ credential, title, credits }` (SPEC section 8). */
export type OptionEntry = string | { readonly credential: string; readonly title?: string; readonly credits?: number };

/** What an option names: the one place that reads an option's shape. */
export function readOption(
  option: OptionEntry,
  titleOf: TitleOf,
): { readonly id: string; readonly title: string | undefined; readonly credits?: number } {
  if (typeof option === 'string') return { id: option, title: titleOf(option) };
  return {
    id: option.credential,
    title: option.title ?? titleOf(option.credential),
    ...(option.credits === undefined ? {} : { credits: option.credits }),
  };
}

/** A credential that would meet an open requirement: its title and code, and its credits when the option gives them. */
export function optionHtml(option: OptionEntry, titleOf: TitleOf): string {
  const { id, title, credits } = readOption(option, titleOf);
  const name = nameHtml(id, () => title);
  return credits === undefined ? name : `${name} <span class="muted">· ${esc(credits)} cr</span>`;
}
