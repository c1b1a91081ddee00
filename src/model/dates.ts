import * as z from 'zod/mini';
import { described, withMeta } from './schema-meta.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD` (checked on every date of every input: kept cheap). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date `YYYY-MM-DD`; impossible dates (2025-02-30) are rejected. zod's own check: measured twice as fast as a refinement. */
export const IsoDate = withMeta(z.iso.date({ message: 'a real calendar date written YYYY-MM-DD' }), {
  description: 'A calendar date, YYYY-MM-DD',
  examples: ['2026-05-15'],
});

/** A whole number of zero or more: `z.number().int().nonnegative()`. */
const count = () => z.number().check(z.int(), z.gte(0));

/** A length of time: years, months or both. */
export const Duration = described(
  z
    .strictObject({
      years: z.optional(described(count(), 'Whole years')),
      months: z.optional(described(count(), 'Whole months, added to the years')),
    })
    .check(z.refine((d) => d.years !== undefined || d.months !== undefined, { message: 'years or months' })),
  'A length of time in years, months or both, e.g. { "years": 5 }',
);

export type Duration = z.infer<typeof Duration>;
