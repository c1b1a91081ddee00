import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeWaiting } from './write-waiting.js';

/**
 * An output file written through a temporary sibling and renamed into place by `commit`: an
 * interrupted or failed run leaves no half-file that looks whole (`abandon` removes the temporary).
 */
export class AtomicOutput {
  private readonly temporary: string;
  private readonly stream: WriteStream;

  constructor(private readonly file: string) {
    this.temporary = `${file}.${process.pid}.partial`;
    this.stream = createWriteStream(this.temporary);
  }

  /** Writes text or bytes, waiting when the stream asks to (memory stays flat). */
  async write(text: string | Uint8Array): Promise<void> {
    await writeWaiting(this.stream, text);
  }

  /** Closes the file and moves it into place. */
  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'close');
    renameSync(this.temporary, this.file);
  }

  /** Closes and removes the temporary file. */
  async abandon(): Promise<void> {
    if (!this.stream.closed) {
      this.stream.end();
      await once(this.stream, 'close');
    }
    rmSync(this.temporary, { force: true });
  }
}
