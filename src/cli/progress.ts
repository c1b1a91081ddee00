import type { CliIo } from './io.js';

/** A progress line on stderr while a batch runs, on a terminal only. */
export class Progress {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly io: CliIo,
    private readonly fraction: () => number | undefined,
  ) {}

  private get enabled(): boolean {
    return this.io.stderr.isTTY === true;
  }

  /** Redraws at most ten times a second. */
  update(records: number): void {
    const now = Date.now();
    if (!this.enabled || now - this.last < 100) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? records / seconds : 0;
    const done = this.fraction();
    const bar =
      done === undefined
        ? ''
        : `[${'#'.repeat(Math.round(done * 20)).padEnd(20, '.')}] ${(done * 100).toFixed(0).padStart(3)}% `;
    const eta = done && done > 0 && done < 1 ? ` · ETA ${clock(seconds * (1 / done - 1))}` : '';
    this.io.stderr.write(
      `\r${bar}${records.toLocaleString('en-US')} records · ${Math.round(rate).toLocaleString('en-US')}/s${eta}   `,
    );
  }

  /** Clears the progress line. */
  finish(): void {
    if (this.enabled) this.io.stderr.write('\r\u001b[K');
  }
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
