import { describeValue, fail, ok, type Result } from '../model/issue.js';

/** How much credstack reads of one input. */
export interface ReadLimits {
  /**
   * The most bytes of one JSON document: a catalog file, a transcript or credentials file, a
   * what-if file, standard input, one line of an NDJSON batch, one file of a batch folder.
   */
  readonly maxBytes: number;
}

/** 64 MiB: hundreds of times the largest real catalog file or transcript, small enough to parse in memory. */
export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 64 * 1024 * 1024 };

/** The environment variable that sets {@link ReadLimits.maxBytes} (a whole number of bytes). */
export const MAX_INPUT_BYTES_VARIABLE = 'CREDSTACK_MAX_INPUT_BYTES';

/**
 * The limits an environment sets: {@link MAX_INPUT_BYTES_VARIABLE} if present, else the defaults.
 *
 * @example
 * ```ts
 * import { readCatalog, readLimitsFrom } from 'credstack/node';
 *
 * const limits = readLimitsFrom(process.env); // CREDSTACK_MAX_INPUT_BYTES, else 64 MiB
 * if (limits.ok) readCatalog('catalog', limits.value);
 * ```
 */
export function readLimitsFrom(env: Readonly<Record<string, string | undefined>>): Result<ReadLimits> {
  const text = env[MAX_INPUT_BYTES_VARIABLE];
  if (text === undefined || text === '') return ok(DEFAULT_READ_LIMITS);
  const bytes = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(bytes) || bytes < 1)
    return fail([
      {
        code: 'invalid-shape',
        file: MAX_INPUT_BYTES_VARIABLE,
        path: [],
        expected: 'a whole number of bytes, at least 1',
        received: describeValue(text),
      },
    ]);
  return ok({ maxBytes: bytes });
}

/** The issue of an input past the limit. */
export function tooLarge(file: string, limits: ReadLimits, received: string) {
  return {
    code: 'too-large',
    file,
    path: [],
    expected: `at most ${limits.maxBytes} bytes (${MAX_INPUT_BYTES_VARIABLE} raises the limit)`,
    received,
  } as const;
}
