import type { Result } from '../model/issue.js';
import { parseJsonText } from '../model/parse.js';
import type { ReadLimits } from './read-limits.js';
import { readTextFile } from './read-text-file.js';

/**
 * Reads and parses one JSON file (a regular file within the size limit); an unreadable file or bad JSON becomes an issue.
 *
 * @example
 * ```ts
 * import { audit, type Catalog, issueText, type TranscriptInput } from 'credstack';
 * import { readJsonFile } from 'credstack/node';
 *
 * declare const catalog: Catalog;
 * const transcript = readJsonFile('sam.json');
 * // audit checks the transcript's shape: bad input comes back as issues
 * if (transcript.ok) audit(catalog, transcript.value as TranscriptInput, { all: true });
 * else console.error(transcript.issues.map(issueText).join('\n'));
 * ```
 */
export function readJsonFile(file: string, limits?: ReadLimits): Result<unknown> {
  const text = readTextFile(file, limits);
  return text.ok ? parseJsonText(text.value, file) : text;
}
