import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { fastParser, NOT_SURE } from './fast-parse.js';
import { jsonErrorOffset } from './json-error-position.js';
import { describeValue, fail, ok, type Issue, type IssueCode, type Result } from './issue.js';

/** How deep input may nest: far beyond any real catalog, well within the stack of a recursive parse. */
export const MAX_DEPTH = 200;

/**
 * zod's English messages, for every parse whatever locale an application sets for its own zod
 * schemas: {@link toIssue} words issues from them.
 */
const ENGLISH = { error: en().localeError };

/** The key no input may use: zod drops it from records without a word, and a plain object cannot hold it as data. */
const RESERVED_KEY = '__proto__';

/**
 * Parses untrusted input with a zod schema; failures become {@link Issue}s naming the path. A
 * value the schema's {@link fastParser} is sure of is its answer (such a value is no deeper than
 * the schema and has no `__proto__` key); anything else goes the whole way, through zod.
 */
export function parseWith<S extends z.core.$ZodType>(schema: S, input: unknown, file?: string): Result<z.output<S>> {
  const fast = fastParser(schema)?.(input) ?? NOT_SURE;
  if (fast !== NOT_SURE) return ok(fast as z.output<S>);
  const walked = walkInput(input, MAX_DEPTH);
  const at = file === undefined ? {} : { file };
  if (walked.tooDeep)
    return fail([
      { code: 'invalid-shape', ...at, path: walked.tooDeep, expected: `nesting at most ${MAX_DEPTH} levels deep` },
    ]);
  if (walked.reserved.length > 0)
    return fail(
      walked.reserved.map((path) => ({
        code: 'invalid-shape',
        ...at,
        path,
        expected: `no key "${RESERVED_KEY}" (every object has one of its own: a name no input may use)`,
        received: `"${RESERVED_KEY}"`,
      })),
    );
  const parsed = z.safeParse(schema, input, ENGLISH);
  if (parsed.success) return ok(parsed.data);
  return fail(parsed.error.issues.flatMap((issue) => toIssues(issue, input, file)));
}

/** A zod issue as issues of credstack: a field that should not be there is named by its own path. */
function toIssues(issue: z.core.$ZodIssue, input: unknown, file?: string): Issue[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      code: 'invalid-shape',
      ...(file === undefined ? {} : { file }),
      path: [...path, key],
      expected: `no field "${key}"`,
      received: describeValue(valueAt(input, [...path, key])),
    }));
  if (issue.code === 'invalid_union') {
    // The one shape the input has the type of (an array where an array or an object may be) is the
    // one it meant: its own issues say more than "one of the allowed shapes".
    const meant = issue.errors.filter((branch) => !branch.every((inner) => inner.path.length === 0));
    if (meant.length === 1)
      return meant[0]!.flatMap((inner) => toIssues({ ...inner, path: [...issue.path, ...inner.path] }, input, file));
  }
  return [toIssue(issue, path, input, file)];
}

function toIssue(issue: z.core.$ZodIssue, path: (string | number)[], input: unknown, file?: string): Issue {
  const received = valueAt(input, path);
  const code: IssueCode = issue.message.includes('calendar date') ? 'invalid-date' : 'invalid-shape';
  return {
    code,
    ...(file === undefined ? {} : { file }),
    path,
    expected: expectedText(issue),
    received: describeValue(received),
  };
}

function expectedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' ? 'no such field' : `a value of type ${issue.expected}`;
    case 'invalid_value':
      // A schema's own message stays; zod's English ("Invalid option: ...") is reworded.
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return issue.values.length === 1
        ? describeValue(issue.values[0])
        : `one of ${issue.values.map((value) => (typeof value === 'string' ? value : describeValue(value))).join(', ')}`;
    case 'too_small':
    case 'too_big':
      return (/^Too (small|big)/.test(issue.message) ? boundText(issue) : undefined) ?? issue.message;
    case 'invalid_union':
      return issue.message === 'Invalid input' ? 'one of the allowed shapes' : issue.message;
    default:
      return issue.message.replace(/^Invalid input: expected /, '');
  }
}

/** A size or range bound in words (`a non-empty string`, `a number greater than 0`), for the kinds of value inputs hold. */
function boundText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string | undefined {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if ((issue.origin === 'string' || issue.origin === 'array') && small && limit === 1 && inclusive)
    return `a non-empty ${issue.origin}`;
  const bound = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (issue.origin === 'number') return `a number ${bound.replace('more', 'greater')} ${limit}`;
  if (issue.origin === 'string') return `a string of ${bound} ${limit} ${limit === 1 ? 'character' : 'characters'}`;
  if (issue.origin === 'array') return `an array of ${bound} ${limit} ${limit === 1 ? 'item' : 'items'}`;
  return undefined;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Parses JSON text; a syntax error becomes an {@link Issue} with the line and column. */
export function parseJsonText(text: string, file?: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    const offset = jsonErrorOffset(text);
    const found = offset < text.length ? `${JSON.stringify(text.slice(offset, offset + 12))}` : 'the end of the text';
    return fail([
      {
        code: 'malformed-json',
        ...(file === undefined ? {} : { file }),
        path: [],
        expected: `well-formed JSON at ${lineAndColumn(text, offset)}`,
        received: found,
      },
    ]);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * One walk over an input, without recursion: the path of a value nested deeper than `limit`
 * (the first found), and the paths of every {@link RESERVED_KEY} key.
 */
function walkInput(root: unknown, limit: number): { tooDeep?: (string | number)[]; reserved: (string | number)[][] } {
  // Depths only on the way down (every input is checked: kept cheap); paths are rebuilt from parents when needed.
  const values: unknown[] = [root];
  const depths: number[] = [0];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const pathTo = (at: number): (string | number)[] => {
    const path: (string | number)[] = [];
    for (; parents[at]! >= 0; at = parents[at]!) path.unshift(keys[at]!);
    return path;
  };
  const reserved: (string | number)[][] = [];
  const visit = (parent: number, key: string | number, child: unknown) => {
    if (child === null || typeof child !== 'object') return;
    values.push(child);
    depths.push(depths[parent]! + 1);
    parents.push(parent);
    keys.push(key);
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || typeof value !== 'object') continue; // the root may be any value
    if (depths[i]! > limit) return { tooDeep: pathTo(i).slice(0, limit + 1), reserved };
    if (Array.isArray(value)) for (let k = 0; k < value.length; k++) visit(i, k, value[k]);
    else
      for (const key of Object.keys(value)) {
        if (key === RESERVED_KEY) reserved.push([...pathTo(i), key]);
        visit(i, key, (value as Record<string, unknown>)[key]);
      }
  }
  return { reserved };
}
