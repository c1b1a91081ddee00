import * as z from 'zod/mini';

/**
 * `schema` with JSON Schema metadata (an id, a title, a description, examples): a copy, so a
 * schema used in several places can be described in each (zod classic's `.meta()`, which zod mini
 * leaves out to keep bundles small).
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}

/** `schema` with a description for its JSON Schema (see {@link withMeta}). */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  withMeta(schema, { description });

/**
 * A schema with an id (or a recursive one), described where it is used: a reference to it, not a
 * copy. A copy of such a schema shares its fields with the original, and JSON Schema generation
 * would take the fields for a cycle of their own; a copy of a recursive lazy schema rebuilds it.
 */
export const describedRef = <S extends z.ZodMiniType>(schema: S, description: string): z.ZodMiniLazy<S> =>
  described(
    z.lazy(() => schema),
    description,
  );
