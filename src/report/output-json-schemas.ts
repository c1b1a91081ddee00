import { publishedJsonSchemas } from '../model/json-schemas.js';
import { AuditReportJsonSchema, PlanResultJsonSchema } from './audit-json-schema.js';
import { AwardExplanationJsonSchema, CatalogListingJsonSchema } from './listing-json-schema.js';

const OUTPUTS = {
  'audit-result.schema.json': AuditReportJsonSchema,
  'plan-result.schema.json': PlanResultJsonSchema,
  'list-result.schema.json': CatalogListingJsonSchema,
  'explain-result.schema.json': AwardExplanationJsonSchema,
} as const;

/** JSON Schemas (draft 2020-12) of credstack's outputs, by file name. */
export function outputJsonSchemas(): Record<string, unknown> {
  return publishedJsonSchemas(OUTPUTS, 'output');
}
