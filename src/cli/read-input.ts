import { resolve } from 'node:path';
import { readJsonFile } from '../io/read-json-file.js';
import { parseJsonText } from '../model/parse.js';
import type { CliIo } from './io.js';
import { valueOrThrow } from './run-command.js';

/** Reads a JSON input from a file, or from standard input for `-`. */
export async function readTranscriptInput(io: CliIo, file: string): Promise<unknown> {
  if (file !== '-') return valueOrThrow(readJsonFile(resolve(io.cwd, file)));
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return valueOrThrow(parseJsonText(text, '<stdin>'));
}
