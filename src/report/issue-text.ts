import { formatPath, type Issue } from '../model/issue.js';

/**
 * One line a person reads: where the problem is, what was expected and what was found.
 *
 * @example
 * ```ts
 * import { issueText } from 'credstack';
 *
 * issueText({ code: 'invalid-shape', file: 'sam.json', path: ['awards', 0, 'earned'], expected: 'a date YYYY-MM-DD', received: '"June"' });
 * // one line naming the file, the JSON path, what was expected and what was found
 * ```
 */
export function issueText(issue: Issue): string {
  const where =
    issue.option ?? [issue.file, issue.path.length > 0 ? formatPath(issue.path) : undefined].filter(Boolean).join(' ');
  const found = issue.received === undefined ? '' : `, got ${issue.received}`;
  return `${where ? `${where}: ` : ''}expected ${issue.expected}${found} [${issue.code}]`;
}
