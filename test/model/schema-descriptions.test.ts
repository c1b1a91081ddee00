import { describe, expect, it } from 'vitest';
import { inputJsonSchemas } from '../../src/model/json-schemas.js';
import { outputJsonSchemas } from '../../src/report/output-json-schemas.js';

/**
 * JSON Pointers of the properties (and named definitions) of a JSON Schema that carry no
 * description of their own, wherever they are nested: in definitions, items, unions.
 */
function undescribed(node: unknown, pointer = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => undescribed(child, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const missing: string[] = [];
  for (const [key, child] of Object.entries(node)) {
    const at = `${pointer}/${key}`;
    if ((key === 'properties' || key === '$defs') && child !== null && typeof child === 'object')
      for (const [name, schema] of Object.entries(child)) {
        const description = (schema as { description?: unknown }).description;
        if (typeof description !== 'string' || description.trim() === '') missing.push(`${at}/${name}`);
      }
    missing.push(...undescribed(child, at));
  }
  return missing;
}

const schemas = Object.entries({ ...inputJsonSchemas(), ...outputJsonSchemas() });

describe('the published JSON Schemas', () => {
  it.each(schemas)('%s describes every field', (_file, schema) => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('finds a field without a description, however deep', () => {
    const schema = {
      $defs: {
        Node: { description: 'a node', properties: { kids: { type: 'array', items: { properties: { id: {} } } } } },
      },
      properties: { root: { description: 'the root', anyOf: [{ properties: { a: { description: 'a' }, b: {} } }] } },
    };
    expect(undescribed(schema)).toEqual([
      '/$defs/Node/properties/kids',
      '/$defs/Node/properties/kids/items/properties/id',
      '/properties/root/anyOf/0/properties/b',
    ]);
  });
});
