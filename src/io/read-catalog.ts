import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog, type CatalogSource } from '../catalog/load-catalog.js';
import type { Catalog } from '../model/catalog.js';
import { fail, type Issue, type Result } from '../model/issue.js';
import { readJsonFile } from './read-json-file.js';

/**
 * Reads a catalog from a JSON file or a folder of JSON files (every `*.json` below it, in
 * sorted order, merged), then loads and checks it. Every problem in every file is reported.
 */
export function readCatalog(path: string): Result<Catalog> {
  let files: string[];
  try {
    files = statSync(path).isDirectory() ? jsonFilesBelow(path) : [path];
  } catch (error) {
    return fail([{ code: 'unreadable-file', file: path, path: [], expected: 'a catalog file or folder', received: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  if (files.length === 0) return fail([{ code: 'unreadable-file', file: path, path: [], expected: 'a folder holding catalog *.json files', received: 'no JSON files' }]);
  const sources: CatalogSource[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const read = readJsonFile(file);
    if (read.ok) sources.push({ file, json: read.value });
    else issues.push(...read.issues);
  }
  if (issues.length > 0) return fail(issues);
  return loadCatalog(sources);
}

function jsonFilesBelow(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) found.push(full);
    }
  };
  walk(folder);
  return found.sort((a, b) => relative(folder, a).localeCompare(relative(folder, b)));
}
