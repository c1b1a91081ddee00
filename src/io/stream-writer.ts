/**
 * A stream to write to: node's writable streams, or a test's stand-in. Without `once` it never
 * asks to wait; without `on` it never fails (its errors are not listened to, nor its writes'
 * callbacks awaited).
 */
export interface Writable {
  /** Returns false when the writer should wait for `drain`, as node's streams do. */
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  on?(event: 'error', listener: (error: Error) => void): unknown;
  off?(event: 'error', listener: (error: Error) => void): unknown;
}

/** An output that could not be written (standard output, or a file): its message names it and gives the system's reason. */
export class OutputError extends Error {
  constructor(
    /** What was being written: `standard output`, or a file name. */
    readonly target: string,
    reason: string,
    /** The system's error code (`ENOSPC`, `EPIPE`, ...), when there is one. */
    readonly code?: string,
  ) {
    super(`cannot write ${target}: ${reason}`);
  }

  /** The output error of a system error met writing `target`. */
  static of(target: string, error: unknown): OutputError {
    if (error instanceof OutputError) return error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return new OutputError(
      target,
      error instanceof Error ? error.message : String(error),
      typeof code === 'string' ? code : undefined,
    );
  }
}

/**
 * Writes to a stream without ever leaving its errors unhandled: the first one (a full disk, a
 * reader gone away) is kept, fails the writes after it and {@link StreamWriter.finish}, and is
 * never thrown as an event. Writing waits when the stream asks to, so a slow reader never makes
 * the writer hold its output in memory.
 */
export class StreamWriter {
  private error: OutputError | undefined;
  private readonly failed: Promise<never>;
  private rejectFailed!: (error: OutputError) => void;
  /** Settles when the last chunk written is flushed (node streams only). */
  private flushed: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: Writable & { readonly isTTY?: boolean },
    private readonly target: string,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.rejectFailed = reject;
    });
    this.failed.catch(() => undefined); // awaited by whoever writes next; never an unhandled rejection
    stream.on?.('error', this.fail);
  }

  /** The stream's first error, once it failed. */
  get failure(): OutputError | undefined {
    return this.error;
  }

  /** Whether the stream is a terminal. */
  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  private readonly fail = (error: Error): void => {
    if (this.error) return;
    this.error = OutputError.of(this.target, error);
    this.rejectFailed(this.error);
  };

  /** Writes a chunk without waiting (nothing once the stream failed); returns false when the stream asks the writer to wait. */
  write(chunk: string | Uint8Array): boolean {
    if (this.error) return true;
    if (!this.stream.on) return this.stream.write(chunk) !== false;
    let wrote = true;
    this.flushed = new Promise<void>((resolve) => {
      wrote =
        this.stream.write(chunk, (error) => {
          if (error) this.fail(error);
          resolve();
        }) !== false;
    });
    return wrote;
  }

  /** Writes a chunk and, when the stream asks to, waits for it to drain; rejects once the stream failed. */
  async writeWaiting(chunk: string | Uint8Array): Promise<void> {
    if (this.error) throw this.error;
    if (!this.write(chunk) && this.stream.once)
      await Promise.race([new Promise<void>((resolve) => this.stream.once!('drain', resolve)), this.failed]);
    if (this.error) throw this.error;
  }

  /** Waits until everything written is flushed; rejects with the stream's error if it failed, else stops listening to it. */
  async finish(): Promise<void> {
    await Promise.race([this.flushed, this.failed]);
    if (this.error) throw this.error;
    this.stream.off?.('error', this.fail);
  }
}
