/** A stream to write to: node's writable streams, or a test's stand-in (without `once` it never asks to wait). */
export interface Writable {
  /** Returns false when the writer should wait for `drain`, as node's streams do. */
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Writes a chunk and, when the stream asks to, waits for it to drain: a slow reader never makes the writer hold its output in memory. */
export async function writeWaiting(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk) === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
}
