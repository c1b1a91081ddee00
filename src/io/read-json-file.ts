import { readFileSync } from 'node:fs';
import { fail, type Result } from '../model/issue.js';
import { parseJsonText } from '../model/parse.js';

/** Reads and parses one JSON file; an unreadable file or bad JSON becomes an issue. */
export function readJsonFile(file: string): Result<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail([{ code: 'unreadable-file', file, path: [], expected: 'a readable file', received: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  return parseJsonText(text, file);
}
