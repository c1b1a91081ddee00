import * as z from 'zod/mini';
import { described } from './schema-meta.js';

/** A credit amount in a unit (`semester`, `quarter`, `ects`, ... as the catalog's settings define). */
export const Credits = described(
  z.strictObject({
    value: described(z.number().check(z.gte(0, { message: 'credits of zero or more' })), 'The number of credits'),
    unit: z.optional(
      described(
        z.string().check(z.minLength(1)),
        'The unit they are in (semester, quarter, ects, ... of settings.conversions); the catalog unit when absent',
      ),
    ),
  }),
  'A credit amount and its unit',
);

export type Credits = z.infer<typeof Credits>;

/** A conversion factor: a number or an exact fraction written `"2/3"`. */
export const Factor = z.union([
  z.number().check(z.gt(0)),
  // A numerator of zeros would turn every credit of the unit into none: it has a non-zero digit
  // (no lookahead, so validators with RE2-style patterns read the JSON Schema too).
  z.string().check(
    z.regex(/^(\d*[1-9]\d*(\.\d+)?|\d+\.\d*[1-9]\d*)(\/\d*[1-9]\d*)?$/, {
      message: 'a positive number or a fraction like "2/3"',
    }),
  ),
]);
