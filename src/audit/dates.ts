import { addMonths, addYears, formatISO, parseISO, subMonths, subYears } from 'date-fns';
import type { Duration } from '../model/dates.js';

const sums = new Map<string, string>();

/** `date` plus a duration, as `YYYY-MM-DD` (memoised: a batch asks for the same few thousand dates again and again). */
export function plusDuration(date: string, duration: Duration): string {
  const key = `${date}+${duration.years ?? 0}y${duration.months ?? 0}m`;
  let sum = sums.get(key);
  if (sum === undefined) {
    if (sums.size > 50_000) sums.clear();
    sums.set(
      key,
      (sum = formatISO(addMonths(addYears(parseISO(date), duration.years ?? 0), duration.months ?? 0), {
        representation: 'date',
      })),
    );
  }
  return sum;
}

/** `date` minus a duration, as `YYYY-MM-DD`. */
export function minusDuration(date: string, duration: Duration): string {
  return formatISO(subMonths(subYears(parseISO(date), duration.years ?? 0), duration.months ?? 0), {
    representation: 'date',
  });
}

/** "7 years", "18 months", "1 year 6 months". */
export function durationText(duration: Duration): string {
  const part = (n: number | undefined, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return [part(duration.years, 'year'), part(duration.months, 'month')].filter(Boolean).join(' ');
}
