import { z } from 'zod';

/** A json-rules-engine fact comparison `{ fact, operator, value }`. */
export interface FactCondition {
  fact: string;
  operator: string;
  value?: unknown;
}

/** A json-rules-engine condition: `all` / `any` / `not` over comparisons (SPEC section 4). */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;

const FactConditionSchema = z
  .object({ fact: z.string().min(1), operator: z.string().min(1), value: z.unknown() })
  .strict()
  .refine((c) => 'value' in c, { message: 'a "value" to compare with', path: ['value'] });

/** Zod schema of {@link Condition}. */
export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z
        .object({
          all: z
            .array(Condition)
            .min(1, { message: 'at least one condition (json-rules-engine holds an empty list true)' }),
        })
        .strict(),
      z
        .object({
          any: z
            .array(Condition)
            .min(1, { message: 'at least one condition (json-rules-engine holds an empty list true)' }),
        })
        .strict(),
      z.object({ not: Condition }).strict(),
      FactConditionSchema,
    ]),
  )
  .meta({ id: 'Condition', description: 'all / any / not over { fact, operator, value }' });

/** Calls `visit` on every fact comparison of a condition, with its path below the condition. */
export function eachComparison(
  condition: Condition,
  visit: (comparison: FactCondition, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if ('all' in condition) condition.all.forEach((c, i) => eachComparison(c, visit, [...path, 'all', i]));
  else if ('any' in condition) condition.any.forEach((c, i) => eachComparison(c, visit, [...path, 'any', i]));
  else if ('not' in condition) eachComparison(condition.not, visit, [...path, 'not']);
  else visit(condition, path);
}
