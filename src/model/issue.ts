/** What kind of problem an {@link Issue} reports. Stable: tools may switch on it. */
export type IssueCode =
  | 'malformed-json'
  | 'invalid-shape'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'unknown-fact'
  | 'unknown-operator'
  | 'invalid-operand'
  | 'program-cycle'
  | 'never-completable'
  | 'invalid-date'
  | 'invalid-exception'
  | 'unreadable-file'
  | 'too-large'
  | 'invalid-badge';

/**
 * One problem with an input, kept apart from its wording: the code says what went wrong,
 * the path where (JSON path segments), `expected` and `received` what was wanted and found.
 */
export interface Issue {
  readonly code: IssueCode;
  /** The file the problem is in, when the input came from a file. */
  readonly file?: string;
  /** The command-line option whose value the problem is in (`--program`), when it is in no file. */
  readonly option?: string;
  /** JSON path segments from the document root. */
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly received?: string;
}

/** An expected failure returned as a value, never thrown. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Wraps a value as a successful {@link Result}. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps issues as a failed {@link Result}. */
export const fail = <T = never>(issues: readonly Issue[]): Result<T> => ({ ok: false, issues });

/** Renders a JSON path as `$.programs[2].requirements`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number'
        ? `${text}[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? `${text}.${segment}`
          : `${text}[${JSON.stringify(segment)}]`,
    '$',
  );
}

/** Short, bounded text of a received value for an issue. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
