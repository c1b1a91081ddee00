import { spawn, type ChildProcess } from 'node:child_process';

/** Where a child runs, and whether its standard error is passed through (default: kept, shown on failure). */
export interface RunOptions {
  readonly cwd: string;
  readonly showStderr?: boolean;
}

/** A child process that answers messages over IPC, one at a time, in order. */
export class Session {
  readonly #child: ChildProcess;
  readonly #pending: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  readonly #exited: Promise<void>;
  #failure: Error | undefined;
  /** The child's first message, sent when it is ready. */
  readonly ready: Promise<unknown>;

  constructor(child: ChildProcess, name: string) {
    this.#child = child;
    this.ready = this.#next();
    child.on('message', (message) => this.#pending.shift()?.resolve(message));
    child.on('error', (error) => this.#fail(error));
    this.#exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.#fail(new Error(`${name} stopped (${signal ?? `exit code ${code}`})`));
        resolve();
      }),
    );
  }

  /** Fails every request under way, and those to come. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.splice(0)) pending.reject(this.#failure);
  }

  #next(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.#failure) reject(this.#failure);
      else this.#pending.push({ resolve, reject });
    });
  }

  /** Sends `message`; resolves with the child's reply. */
  request(message: object): Promise<unknown> {
    const reply = this.#next();
    if (!this.#failure) this.#child.send(message);
    return reply;
  }

  /** Disconnects (the child exits when it sees it) and waits for the child to end. */
  close(): Promise<void> {
    if (this.#child.connected) this.#child.disconnect();
    return this.#exited;
  }
}

/**
 * Runs child processes, each in a process group of its own, and remembers those still running so
 * an interrupted benchmark can stop them (and whatever they started) before it cleans up.
 */
export class ChildRunner {
  readonly #running = new Set<ChildProcess>();

  #spawn(
    command: string,
    args: readonly string[],
    cwd: string,
    stdio: ('ignore' | 'pipe' | 'inherit' | 'ipc')[],
  ): ChildProcess {
    const child = spawn(command, args, { cwd, detached: true, stdio });
    this.#running.add(child);
    child.on('exit', () => this.#running.delete(child));
    return child;
  }

  /** Runs `command`; resolves with its standard output, rejects when it fails. */
  run(command: string, args: readonly string[], options: RunOptions): Promise<string> {
    const child = this.#spawn(command, args, options.cwd, ['ignore', 'pipe', options.showStderr ? 'inherit' : 'pipe']);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve(stdout);
        else
          reject(
            new Error(
              `${[command, ...args].join(' ')} failed (${signal ?? `exit code ${code}`})${stderr || stdout ? `:\n${(stderr || stdout).trimEnd().split('\n').slice(-20).join('\n')}` : ''}`,
            ),
          );
      });
    });
  }

  /** Starts `command` with an IPC channel (its standard error passed through). */
  start(command: string, args: readonly string[], cwd: string, name: string): Session {
    return new Session(this.#spawn(command, args, cwd, ['ignore', 'inherit', 'inherit', 'ipc']), name);
  }

  /** Sends `signal` to every running child's process group. */
  stopAll(signal: NodeJS.Signals = 'SIGTERM'): void {
    for (const child of this.#running) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    }
  }
}
