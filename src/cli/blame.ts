import type { Issue } from '../model/issue.js';

/** Where a command's inputs came from: what names the place of each issue of its result. */
export interface CommandInputs {
  /** The transcript, as the command line names it: an issue of no other input is in it. */
  readonly transcript: string;
  /** The what-if file, and whether it holds an array of awards (else `{ "awards": [...] }`). */
  readonly whatIf?: { readonly file: string; readonly array: boolean };
  /** Command-line options by the name their issues' paths start with (`programs` is `--program`). */
  readonly options?: Readonly<Record<string, string>>;
}

/** The lists the library names appended what-if awards in (`whatIf` for audits, `planned` for plans). */
const WHAT_IF_LISTS: ReadonlySet<string | number | undefined> = new Set(['whatIf', 'planned']);

/**
 * Names where an issue of a command's result is: an option's value by the option, an appended
 * what-if award by the what-if file and its own path there, anything else by the transcript.
 */
export function blameOn(inputs: CommandInputs): (issue: Issue) => Issue {
  const options = new Map(Object.entries(inputs.options ?? {}));
  return (issue) => {
    if (issue.file !== undefined) return issue;
    const [first, ...rest] = issue.path;
    // The command line gives its options well-formed (strings, lists of strings): a shape issue at
    // an option's name is a stray field of the transcript (strict objects), not the option's value.
    const option = typeof first === 'string' && issue.code !== 'invalid-shape' ? options.get(first) : undefined;
    if (option !== undefined) return { ...issue, option, path: [] };
    if (inputs.whatIf && WHAT_IF_LISTS.has(first))
      return { ...issue, file: inputs.whatIf.file, path: inputs.whatIf.array ? rest : ['awards', ...rest] };
    return { ...issue, file: inputs.transcript };
  };
}
