import type { StreamWriter, Writable } from '../io/stream-writer.js';

/** What a CLI run may touch besides files: its streams and environment. Tests pass their own. */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working folder relative paths resolve against. */
  readonly cwd: string;
}

/** What a command gets: the run's streams, standard output through a {@link StreamWriter} that keeps its failure for the run's end. */
export interface RunIo extends CliIo {
  readonly stdout: StreamWriter;
}

/** Exit codes: 0 success, 1 invalid input (or an audit that found errors, or an output that could not be written), 2 usage errors. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
