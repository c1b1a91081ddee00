/** What `npm run bench -- ...` asks for. */
export type BenchArgs =
  | { readonly mode: 'current' }
  | {
      readonly mode: 'baseline';
      /** The git ref to compare against; undefined: the newest release tag, else `HEAD~1`. */
      readonly ref: string | undefined;
      readonly rounds: number;
      /** Shorter timings and a 10,000-transcript batch instead of 100,000. */
      readonly quick: boolean;
      /** Where to write the figures as JSON. */
      readonly json: string | undefined;
    };

export const USAGE = 'usage: npm run bench [-- --baseline [REF] [--rounds N] [--quick] [--json FILE]]';

/** Rounds when `--rounds` is not given. */
export const DEFAULT_ROUNDS = { full: 5, quick: 3 } as const;

/**
 * Parses the benchmark's arguments. `--baseline` takes an optional REF (the next argument when it
 * is not an option); the other options only make sense with it. Returns an error message for
 * anything else.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | { readonly error: string } {
  if (argv.length === 0) return { mode: 'current' };
  let baseline = false;
  let ref: string | undefined;
  let rounds: number | undefined;
  let quick = false;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    /** The option's value: after `=`, or the next argument. */
    const value = (): string | undefined =>
      inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[++i] : undefined);
    switch (name) {
      case '--baseline':
        baseline = true;
        ref = value();
        if (ref === '') return { error: '--baseline: REF is empty' };
        break;
      case '--rounds': {
        const text = value();
        const n = Number(text);
        if (text === undefined || !/^\d+$/.test(text) || n < 1)
          return {
            error: `--rounds: expected a whole number of at least 1, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`,
          };
        rounds = n;
        break;
      }
      case '--quick':
        if (inline !== undefined) return { error: '--quick takes no value' };
        quick = true;
        break;
      case '--json':
        json = value();
        if (!json) return { error: '--json: expected a file name' };
        break;
      default:
        return { error: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  if (!baseline)
    return { error: '--rounds, --quick and --json need --baseline (npm run bench alone prints the current figures)' };
  return { mode: 'baseline', ref, rounds: rounds ?? (quick ? DEFAULT_ROUNDS.quick : DEFAULT_ROUNDS.full), quick, json };
}
