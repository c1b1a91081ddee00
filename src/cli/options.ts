import { InvalidArgumentError, Option } from 'commander';
import { format } from 'date-fns';
import { isIsoDate } from '../model/dates.js';
import type { CliIo } from './io.js';

/** `--as-of DATE`, checked to be a real date. */
export function asOfOption(): Option {
  return new Option('--as-of <date>', 'audit date YYYY-MM-DD (default: the transcript\'s asOf, else today)').argParser((value: string) => {
    if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD');
    return value;
  });
}

/** Today's date: the CLI's edge is the only place that reads the clock (CREDSTACK_TODAY overrides it). */
export function todayIn(io: CliIo): string {
  const fixed = io.env.CREDSTACK_TODAY;
  return fixed !== undefined && isIsoDate(fixed) ? fixed : format(new Date(), 'yyyy-MM-dd');
}
