import type { Result } from '../model/issue.js';
import { parseJsonText } from '../model/parse.js';
import type { ReadLimits } from './read-limits.js';
import { readTextFile } from './read-text-file.js';

/** Reads and parses one JSON file (a regular file within the size limit); an unreadable file or bad JSON becomes an issue. */
export function readJsonFile(file: string, limits?: ReadLimits): Result<unknown> {
  const text = readTextFile(file, limits);
  return text.ok ? parseJsonText(text.value, file) : text;
}
