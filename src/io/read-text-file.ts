import { closeSync, constants, fstatSync, openSync, readSync, type Dirent, type Stats } from 'node:fs';
import { fail, ok, type Issue, type Result } from '../model/issue.js';
import { DEFAULT_READ_LIMITS, tooLarge, type ReadLimits } from './read-limits.js';

/** Bytes read at a time. */
const READ_CHUNK = 1 << 20;

/**
 * Reads a whole text file, if it is a regular file within the size limit. Opened without
 * blocking (a FIFO with no writer does not hang) and checked once open, so a FIFO, a device
 * such as /dev/zero or a folder is an issue, never an endless read.
 */
export function readTextFile(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Result<string> {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fail([unreadable(file, error)]);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return fail([{ code: 'unreadable-file', file, path: [], expected: 'a regular file', received: kindOf(stats) }]);
    if (stats.size > limits.maxBytes) return fail([tooLarge(file, limits, `${stats.size} bytes`)]);
    // Read to the end, not to the size stat gave: the file may have grown since, but never past the limit.
    const chunks: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, limits.maxBytes + 1));
    let total = 0;
    for (let read: number; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      total += read;
      if (total > limits.maxBytes) return fail([tooLarge(file, limits, `more than ${limits.maxBytes} bytes`)]);
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return ok(Buffer.concat(chunks, total).toString('utf8'));
  } catch (error) {
    return fail([unreadable(file, error)]);
  } finally {
    closeSync(fd);
  }
}

/** What a file that is not a regular file is, in words. */
export function kindOf(stats: Stats | Dirent): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** What the common system errors of opening a file mean, in words (others are named by their code). */
const SYSTEM_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['EACCES', 'no permission to read it'],
  ['EPERM', 'no permission to read it'],
  ['ENOTDIR', 'a path through something that is not a folder'],
  ['EISDIR', 'a folder'],
  ['ELOOP', 'a loop of symbolic links'],
]);

/** A system error (`ENOENT`) in words, the code after them: `no such file (ENOENT)`. */
export function systemErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return String(error);
  const words = SYSTEM_ERRORS.get(code);
  return words === undefined ? code : `${words} (${code})`;
}

/** The issue of a file that cannot be opened or read: the system's error, never its contents. */
export function unreadable(file: string, error: unknown): Issue {
  return { code: 'unreadable-file', file, path: [], expected: 'a readable file', received: systemErrorText(error) };
}
