import type { TermsOption } from '../pathways/plan-terms.js';
import { InvalidArgumentError, Option } from 'commander';
import { format } from 'date-fns';
import { isIsoDate } from '../model/dates.js';
import type { Catalog } from '../model/catalog.js';
import { unknownProgram } from '../audit/audit-input.js';
import type { Issue } from '../model/issue.js';
import type { CliIo } from './io.js';

/** `--as-of DATE`, checked to be a real date. */
export function asOfOption(): Option {
  return dateOption('--as-of <date>', "audit date YYYY-MM-DD (default: the transcript's asOf, else today)");
}

/** `--catalog-date DATE`: follow the program versions in force on another date (a what-if of another catalog year). */
export function catalogDateOption(): Option {
  return dateOption(
    '--catalog-date <date>',
    "follow the program versions in force on this date (default: the learner's catalogYear, else entered, else the audit date)",
  );
}

function dateOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser((value: string) => {
    if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD');
    return value;
  });
}

/**
 * `--program ID`, repeated for several programs. Not variadic: `--program X file.json` must not
 * take the file for a second program id.
 */
export function programOption(description: string): Option {
  return new Option('--program <id>', `${description} (repeat for several)`).argParser(
    (id: string, previous: string[] | undefined) => [...(previous ?? []), id],
  );
}

/** The `--program` values the catalog has no program for, each an issue of the option. */
export function unknownPrograms(catalog: Catalog, ids: readonly string[]): Issue[] {
  const known = new Set(catalog.programs.map((program) => program.id));
  return ids
    .filter((id) => !known.has(id))
    .map((id) => {
      // The option named after the code, as in every issue of an option.
      const { code, ...rest } = unknownProgram(id, []);
      return { code, option: '--program', ...rest };
    });
}

/** Parses an option's value as a whole number (decimal digits only) of at least `min`: anything else is a usage error. */
export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return n;
  };
}

/** Today's date: the CLI's edge is the only place that reads the clock (CREDSTACK_TODAY overrides it). */
export function todayIn(io: CliIo): string {
  const fixed = io.env.CREDSTACK_TODAY;
  return fixed !== undefined && isIsoDate(fixed) ? fixed : format(new Date(), 'yyyy-MM-dd');
}

/** `--terms 2026-fall` or `--terms 2026-fall:15`: the first term, and the credits a term may take. */
export function termsOption(value: string): TermsOption {
  const [start, credits, ...rest] = value.split(':');
  const maxCredits = credits === undefined ? undefined : Number(credits);
  if (!start || rest.length > 0 || (maxCredits !== undefined && !(maxCredits > 0)))
    throw new InvalidArgumentError(
      'expected a first term, and after a colon the credits a term may take (2026-fall:15)',
    );
  return { start, ...(maxCredits !== undefined ? { maxCredits } : {}) };
}
