import * as z from 'zod/mini';
import { described, withMeta } from './schema-meta.js';

/** A json-rules-engine fact comparison `{ fact, operator, value }`. */
export interface FactCondition {
  fact: string;
  operator: string;
  value?: unknown;
}

/** A json-rules-engine condition: `all` / `any` / `not` over comparisons (SPEC section 4). */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;

const FactConditionSchema = z
  .strictObject({
    fact: described(
      z.string().check(z.minLength(1)),
      'The fact compared: a fact of the item or the learner (id, code, credits, ...)',
    ),
    operator: described(
      z.string().check(z.minLength(1)),
      "How it is compared: a json-rules-engine operator or one of credstack's (matches, gradeAtLeast, earnedWithin, before, after)",
    ),
    value: described(z.unknown(), 'What the fact is compared with; { "fact": NAME } compares with another fact'),
  })
  .check(z.refine((c) => 'value' in c, { message: 'a "value" to compare with', path: ['value'] }));

const conditions = (description: string) =>
  described(
    z
      .array(Condition)
      .check(z.minLength(1, { message: 'at least one condition (json-rules-engine holds an empty list true)' })),
    description,
  );

/** {@link Condition} described where it is used, also in its own definition (see {@link describedRef}). */
export const describedCondition = (description: string): z.ZodMiniType<Condition> =>
  described(
    z.lazy(() => Condition),
    description,
  );

const Negated = describedCondition('Holds when this does not');

/** Zod schema of {@link Condition}. */
export const Condition: z.ZodMiniType<Condition> = withMeta(
  z.lazy(() =>
    z.union([
      z.strictObject({ all: conditions('Holds when every one of these holds') }),
      z.strictObject({ any: conditions('Holds when at least one of these holds') }),
      z.strictObject({ not: Negated }),
      FactConditionSchema,
    ]),
  ),
  { id: 'Condition', description: 'all / any / not over { fact, operator, value }' },
);

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
