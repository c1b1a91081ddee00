import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import type { CliIo } from '../../src/cli/io.js';

function terminal(isTTY: boolean) {
  let text = '';
  const io = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (text += s), isTTY },
    stdin: process.stdin,
    env: {},
    cwd: '.',
  } as CliIo;
  return { io, printed: () => text };
}

describe('batch progress', () => {
  afterEach(() => vi.useRealTimers());

  it('on a terminal: a bar with records, rate and time left, redrawn at most ten times a second, cleared at the end', () => {
    vi.useFakeTimers({ now: 0 });
    const { io, printed } = terminal(true);
    let read = 0.25;
    const progress = new Progress(io, () => read);
    vi.setSystemTime(2000);
    progress.update(500);
    expect(printed()).toBe('\r[#####...............]  25% 500 records · 250/s · ETA 0:06   ');
    vi.setSystemTime(2050);
    read = 0.5;
    progress.update(600);
    expect(printed()).not.toContain('600 records'); // under 100 ms since the last redraw
    vi.setSystemTime(4000);
    progress.update(1000);
    expect(printed()).toContain('\r[##########..........]  50% 1,000 records · 250/s · ETA 0:04   ');
    progress.finish();
    expect(printed().endsWith('\r\u001b[K')).toBe(true);
  });

  it('without a size (standard input): records and rate, no bar', () => {
    vi.useFakeTimers({ now: 0 });
    const { io, printed } = terminal(true);
    const progress = new Progress(io, () => undefined);
    vi.setSystemTime(1000);
    progress.update(42);
    expect(printed()).toBe('\r42 records · 42/s   ');
  });

  it('prints nothing when standard error is not a terminal', () => {
    vi.useFakeTimers({ now: 0 });
    const { io, printed } = terminal(false);
    const progress = new Progress(io, () => 0.5);
    vi.setSystemTime(5000);
    progress.update(10);
    progress.finish();
    expect(printed()).toBe('');
  });
});
