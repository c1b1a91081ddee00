import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadCatalog, type CatalogSource } from '../catalog/load-catalog.js';
import type { Catalog } from '../model/catalog.js';
import { fail, type Issue, type Result } from '../model/issue.js';
import { readJsonFile } from './read-json-file.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
import { kindOf, systemErrorText, unreadable } from './read-text-file.js';

/**
 * Reads a catalog from a JSON file or a folder of JSON files (every `*.json` below it, in
 * sorted order, merged), then loads and checks it. Every problem in every file is reported;
 * so is every `*.json` entry of the folder that is not a regular file inside it (a FIFO, a
 * device, a symbolic link out of the folder), which is not read.
 *
 * @example
 * ```ts
 * import { issueText } from 'credstack';
 * import { readCatalog } from 'credstack/node';
 *
 * const catalog = readCatalog('catalog'); // a folder of *.json files, or one catalog file
 * if (!catalog.ok) console.error(catalog.issues.map(issueText).join('\n'));
 * ```
 */
export function readCatalog(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Result<Catalog> {
  let listed: { files: string[]; issues: Issue[] };
  try {
    listed = statSync(path).isDirectory() ? catalogFiles(path) : { files: [path], issues: [] };
  } catch (error) {
    return fail([
      {
        code: 'unreadable-file',
        file: path,
        path: [],
        expected: 'a catalog file or folder',
        received: systemErrorText(error),
      },
    ]);
  }
  if (listed.files.length === 0 && listed.issues.length === 0)
    return fail([
      {
        code: 'unreadable-file',
        file: path,
        path: [],
        expected: 'a folder holding catalog *.json files',
        received: 'no JSON files',
      },
    ]);
  const sources: CatalogSource[] = [];
  const issues = [...listed.issues];
  for (const file of listed.files) {
    const read = readJsonFile(file, limits);
    if (read.ok) sources.push({ file, json: read.value });
    else issues.push(...read.issues);
  }
  if (issues.length > 0) return fail(issues);
  return loadCatalog(sources);
}

/**
 * The `*.json` files below a folder, in sorted order of their path inside it (walked on an
 * explicit stack). Folders are walked, symbolic links to folders are not; a `*.json` link is
 * read only when it leads to a place inside the folder; any other `*.json` entry is an issue.
 */
function catalogFiles(folder: string): { files: string[]; issues: Issue[] } {
  const root = realpathSync(folder);
  const files: string[] = [];
  const issues: Issue[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      issues.push(unreadable(dir, error));
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (!entry.name.endsWith('.json')) continue;
      else if (entry.isFile()) files.push(full);
      else if (entry.isSymbolicLink()) {
        const outside = linkOutside(root, full);
        if (outside) issues.push(outside);
        else files.push(full);
      } else
        issues.push({
          code: 'unreadable-file',
          file: full,
          path: [],
          expected: 'a regular file (this entry of the catalog folder is not read)',
          received: kindOf(entry),
        });
    }
  }
  const byPlace = (a: string, b: string) => relative(folder, a).localeCompare(relative(folder, b));
  return { files: files.sort(byPlace), issues: issues.sort((a, b) => byPlace(a.file!, b.file!)) };
}

/** The issue of a symbolic link that leads out of the catalog folder (or nowhere), or undefined when it stays inside. */
function linkOutside(root: string, link: string): Issue | undefined {
  let target: string;
  try {
    target = realpathSync(link);
  } catch (error) {
    return unreadable(link, error);
  }
  if (target === root || target.startsWith(root + sep)) return undefined;
  return {
    code: 'unreadable-file',
    file: link,
    path: [],
    expected: 'a file inside the catalog folder (a symbolic link out of it is not followed)',
    received: 'a link out of the folder',
  };
}
