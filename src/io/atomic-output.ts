import { createWriteStream, realpathSync, renameSync, rmSync, type Stats, statSync, type WriteStream } from 'node:fs';
import { OutputError, StreamWriter } from './stream-writer.js';

/** Where an output file is written: a regular file (or a new one) through a temporary sibling, anything else in place. */
function targetOf(file: string): { readonly path: string; readonly inPlace: boolean } {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: file, inPlace: false };
    throw OutputError.of(file, error);
  }
  if (stats.isDirectory()) throw new OutputError(file, 'it is a folder', 'EISDIR');
  // A device (/dev/null), a FIFO or a socket is written to, never replaced by a renamed file; a
  // symbolic link to a file keeps pointing to it: the file it names is replaced.
  return stats.isFile() ? { path: realpathSync(file), inPlace: false } : { path: file, inPlace: true };
}

/**
 * An output file written through a temporary sibling and renamed into place by `commit`: an
 * interrupted or failed run leaves no half-file that looks whole (`abandon` removes the temporary).
 * A target that is not a regular file (a device, a FIFO) is written in place; a folder is an
 * {@link OutputError} before anything is written. Every failure is an {@link OutputError}.
 */
export class AtomicOutput {
  private readonly path: string;
  private readonly temporary: string | undefined;
  private readonly stream: WriteStream;
  private readonly writer: StreamWriter;

  constructor(private readonly file: string) {
    const target = targetOf(file);
    this.path = target.path;
    this.temporary = target.inPlace ? undefined : `${target.path}.${process.pid}.partial`;
    this.stream = createWriteStream(this.temporary ?? target.path);
    this.writer = new StreamWriter(this.stream, file);
  }

  /** Writes text or bytes, waiting when the stream asks to (memory stays flat). */
  async write(text: string | Uint8Array): Promise<void> {
    await this.writer.writeWaiting(text);
  }

  /** Closes the file and moves it into place. */
  async commit(): Promise<void> {
    await AtomicOutput.commitAll([this]);
  }

  /** Closes every output, then moves each into place: when one cannot be written whole, none is moved. */
  static async commitAll(outputs: readonly AtomicOutput[]): Promise<void> {
    await Promise.all(outputs.map((output) => output.close()));
    for (const output of outputs) output.moveIntoPlace();
  }

  private async close(): Promise<void> {
    this.stream.end();
    await this.closed();
    await this.writer.finish();
  }

  private moveIntoPlace(): void {
    if (this.temporary === undefined) return;
    try {
      renameSync(this.temporary, this.path);
    } catch (error) {
      throw OutputError.of(this.file, error);
    }
  }

  /** Closes the file, unwritten data dropped, and removes the temporary file. */
  async abandon(): Promise<void> {
    this.stream.destroy();
    await this.closed();
    if (this.temporary !== undefined) rmSync(this.temporary, { force: true });
  }

  /** Waits for the file to close (after an error too: the stream closes itself). */
  private async closed(): Promise<void> {
    if (!this.stream.closed) await new Promise<void>((resolve) => this.stream.once('close', () => resolve()));
  }
}
