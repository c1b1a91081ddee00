import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchInput } from '../batch/batch-record.js';

/** Where a batch comes from, and how far through it a reader is (for progress). */
export interface BatchSource {
  readonly inputs: AsyncIterable<BatchInput>;
  /** Fraction read so far, when the size is known. */
  progress(): number | undefined;
}

/** NDJSON from a file or a stream: one transcript a line; blank lines are skipped. Streams: memory stays flat. */
export function ndjsonSource(stream: NodeJS.ReadableStream, name: string, size?: number): BatchSource {
  let bytes = 0;
  // Lines split by hand from the stream's own chunks: 100,000 transcripts (400 MB) in 0.69 s, where
  // readline's async iterator took 0.9-1.2 s on the same file.
  async function* lines(): AsyncGenerator<BatchInput> {
    const decoder = new TextDecoder();
    let line = 0;
    let pending = '';
    /** The next line as a batch input; blank lines count but give none. */
    const input = (raw: string): BatchInput | undefined => {
      line++;
      bytes += Buffer.byteLength(raw) + 1;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      return text.trim() === '' ? undefined : { line, source: name, text };
    };
    for await (const chunk of stream) {
      const parts = (pending + (typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }))).split('\n');
      pending = parts.pop()!;
      for (const raw of parts) {
        const next = input(raw);
        if (next) yield next;
      }
    }
    const last = pending + decoder.decode();
    const next = last === '' ? undefined : input(last);
    if (next) yield next;
  }
  return { inputs: lines(), progress: () => (size ? Math.min(1, bytes / size) : undefined) };
}

/** Every `*.json` file of a folder, in name order, one transcript each. */
export function folderSource(folder: string): BatchSource {
  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  let done = 0;
  async function* read(): AsyncGenerator<BatchInput> {
    for (const [index, file] of files.entries()) {
      done = index + 1;
      yield { line: index + 1, source: join(folder, file), text: readFileSync(join(folder, file), 'utf8') };
    }
  }
  return { inputs: read(), progress: () => (files.length ? done / files.length : 1) };
}

/** The batch source a path names: a folder of transcripts, an NDJSON file, or `-` for standard input. */
export function batchSource(path: string, stdin: NodeJS.ReadableStream): BatchSource {
  if (path === '-') return ndjsonSource(stdin, '<stdin>');
  const stats = statSync(path);
  return stats.isDirectory() ? folderSource(path) : ndjsonSource(createReadStream(path), path, stats.size);
}
