import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputError, StreamWriter } from '../../src/io/stream-writer.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** A stream that holds each write until `complete` is called: a slow disk, or one about to fail. */
function heldStream(highWaterMark = 16) {
  const written: string[] = [];
  const held: ((error?: Error) => void)[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk, _encoding, callback) {
      held.push((error) => {
        if (!error) written.push(String(chunk));
        callback(error);
      });
    },
  });
  const complete = (error?: Error) => held.shift()!(error);
  return { stream, written, held, complete };
}

describe('StreamWriter', () => {
  it("turns a failing stream's error into an OutputError of the writes after it and of finish, never an unhandled event", async () => {
    const stream = new Writable({ write: (_chunk, _encoding, callback) => callback(enospc()) });
    const writer = new StreamWriter(stream, 'out.ndjson');
    writer.write('first');
    const failure = writer.finish();
    await expect(failure).rejects.toThrow(
      new OutputError('out.ndjson', 'ENOSPC: no space left on device, write', 'ENOSPC'),
    );
    await expect(failure).rejects.toMatchObject({
      code: 'ENOSPC',
      target: 'out.ndjson',
      message: 'cannot write out.ndjson: ENOSPC: no space left on device, write',
    });
    await expect(writer.writeWaiting('second')).rejects.toBe(writer.failure);
    expect(writer.write('third')).toBe(true); // dropped: nothing waits on a dead stream
  });

  it('stops waiting for drain when the stream fails instead', async () => {
    const { stream, complete } = heldStream(4);
    const writer = new StreamWriter(stream, 'standard output');
    const waiting = writer.writeWaiting('more than four bytes');
    complete(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(waiting).rejects.toMatchObject({
      code: 'EPIPE',
      message: 'cannot write standard output: write EPIPE',
    });
  });

  it('waits for drain, and finish waits until the last chunk is written', async () => {
    const { stream, written, held, complete } = heldStream(4);
    const writer = new StreamWriter(stream, 'out');
    let drained = false;
    const waiting = writer.writeWaiting('12345').then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    complete();
    await waiting;
    writer.write('6');
    writer.write('7');
    let finished = false;
    const finishing = writer.finish().then(() => (finished = true));
    while (held.length > 0) {
      expect(finished).toBe(false);
      complete();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await finishing;
    expect(written).toEqual(['12345', '6', '7']);
  });

  it('takes a stand-in without events as a stream that never fails', async () => {
    let text = '';
    const writer = new StreamWriter({ write: (s: string | Uint8Array) => (text += String(s)) }, 'standard output');
    await writer.writeWaiting('a');
    writer.write('b');
    await writer.finish();
    expect(text).toBe('ab');
    expect(writer.isTTY).toBe(false);
  });
});
