import { resolve } from 'node:path';
import { readJsonFile } from '../io/read-json-file.js';
import { convertCredentials, type Conversion } from '../interop/convert-credentials.js';
import type { Catalog } from '../model/catalog.js';
import { parseJsonText } from '../model/parse.js';
import type { CliIo } from './io.js';
import { valueOrThrow } from './run-command.js';

/** The name a file argument is reported under. */
export const inputName = (file: string) => (file === '-' ? '<stdin>' : file);

/** Reads a JSON input from a file, or from standard input for `-`. */
export async function readJsonInput(io: CliIo, file: string): Promise<unknown> {
  if (file !== '-') return valueOrThrow(readJsonFile(resolve(io.cwd, file)));
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return valueOrThrow(parseJsonText(text, inputName(file)));
}

/** Reads a transcript, or Open Badges 3.0 / CLR 2.0 credentials converted to one; notices go to stderr. */
export async function readLearnerInput(io: CliIo, file: string, catalog: Catalog): Promise<Conversion> {
  const conversion = valueOrThrow(convertCredentials(catalog, await readJsonInput(io, file)), inputName(file));
  for (const notice of conversion.notices) io.stderr.write(`note: ${notice}\n`);
  return conversion;
}
