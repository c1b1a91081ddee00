import { spawn, type ChildProcess } from 'node:child_process';

/** How a child's output is handled: kept (and shown only if it fails) or passed through. */
export interface RunOptions {
  readonly cwd: string;
  /** Standard error passed through to ours (default: kept, shown on failure). */
  readonly showStderr?: boolean;
}

/**
 * Runs child processes, each in a process group of its own, and remembers those still running so
 * an interrupted benchmark can stop them (and whatever they started) before it cleans up.
 */
export class ChildRunner {
  readonly #running = new Set<ChildProcess>();

  /** Runs `command`; resolves with its standard output, rejects when it fails. */
  run(command: string, args: readonly string[], options: RunOptions): Promise<string> {
    const child = spawn(command, args, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', options.showStderr ? 'inherit' : 'pipe'] });
    this.#running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return new Promise((resolve, reject) => {
      child.on('error', (error) => {
        this.#running.delete(child);
        reject(error);
      });
      child.on('close', (code, signal) => {
        this.#running.delete(child);
        if (code === 0) resolve(stdout);
        else reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? `exit code ${code}`})${stderr || stdout ? `:\n${(stderr || stdout).trimEnd().split('\n').slice(-20).join('\n')}` : ''}`));
      });
    });
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
