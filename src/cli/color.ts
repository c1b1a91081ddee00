import type { CliIo } from './io.js';

/**
 * Whether standard output gets ANSI colour. `FORCE_COLOR` set and not empty forces it, even off a
 * terminal and over `NO_COLOR` (force-color.org), except `0` and `false`, which turn it off (as in
 * Node and supports-color); else `NO_COLOR` set and not empty turns it off (no-color.org); else a
 * terminal gets colour.
 */
export function wantsColor(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true;
}
