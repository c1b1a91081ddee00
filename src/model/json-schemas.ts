import * as z from 'zod/mini';
import { Catalog, CatalogPart } from './catalog.js';
import { Transcript } from './transcript.js';

/** The input files credstack reads, by the file name their JSON Schema is published under. */
const INPUT_SCHEMAS = {
  'catalog.schema.json': Catalog,
  'catalog-part.schema.json': CatalogPart,
  'transcript.schema.json': Transcript,
} as const;

/**
 * JSON Schemas (draft 2020-12) of the input files, made from the zod schemas so that registrar
 * software in any language can validate its files. Checks beyond shape (dates that exist,
 * references, cycles) are credstack's own and not expressible here.
 */
export function inputJsonSchemas(): Record<string, unknown> {
  return publishedJsonSchemas(INPUT_SCHEMAS, 'input');
}

/** Zod schemas as published JSON Schemas, by file name: each with its `$id` under credstack.dev. */
export function publishedJsonSchemas(
  schemas: Readonly<Record<string, z.core.$ZodType>>,
  io: 'input' | 'output',
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([file, schema]) => [
      file,
      { $id: `https://credstack.dev/schemas/${file}`, ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }) },
    ]),
  );
}
