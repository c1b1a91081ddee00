import { z } from 'zod';

/** A credit amount in a unit (`semester`, `quarter`, `ects`, ... as the catalog's settings define). */
export const Credits = z
  .object({
    value: z.number().nonnegative({ message: 'credits of zero or more' }).finite(),
    unit: z.string().min(1).optional(),
  })
  .strict();

export type Credits = z.infer<typeof Credits>;

/** A conversion factor: a number or an exact fraction written `"2/3"`. */
export const Factor = z.union([
  z.number().positive(),
  z.string().regex(/^\d+(\.\d+)?(\/\d*[1-9]\d*)?$/, { message: 'a positive number or a fraction like "2/3"' }),
]);
