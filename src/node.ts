/**
 * credstack's file-system edge for Node.js: read catalogs and JSON files.
 * @packageDocumentation
 */
export { readCatalog } from './io/read-catalog.js';
export { readJsonFile } from './io/read-json-file.js';
