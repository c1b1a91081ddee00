import { resolve } from 'node:path';
import { readJsonFile } from '../io/read-json-file.js';
import { readLimitsFrom, tooLarge } from '../io/read-limits.js';
import { convertCredentials, type Conversion } from '../interop/convert-credentials.js';
import type { Catalog } from '../model/catalog.js';
import { parseJsonText, parseWith } from '../model/parse.js';
import { WhatIfAwards } from '../pathways/what-if.js';
import type { AwardInput } from '../model/transcript.js';
import { noticeText } from '../report/reason-text.js';
import type { CommandInputs } from './blame.js';
import type { CliIo } from './io.js';
import { InvalidInput, valueOrThrow } from './run-command.js';

/** The name a file argument is reported under. */
export const inputName = (file: string) => (file === '-' ? '<stdin>' : file);

/** Reads a JSON input from a file (a regular file), or from standard input for `-`; either within the size limit. */
export async function readJsonInput(io: CliIo, file: string): Promise<unknown> {
  const limits = valueOrThrow(readLimitsFrom(io.env));
  if (file !== '-') return valueOrThrow(readJsonFile(resolve(io.cwd, file), limits));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    // Past the limit standard input is left unread: the command ends here.
    if (total > limits.maxBytes)
      throw new InvalidInput([tooLarge(inputName(file), limits, `more than ${limits.maxBytes} bytes`)]);
    chunks.push(bytes);
  }
  // Decoded once, whole: a character split between two chunks stays one character.
  return valueOrThrow(parseJsonText(Buffer.concat(chunks, total).toString('utf8'), inputName(file)));
}

/** Reads a transcript, or Open Badges 3.0 / CLR 2.0 / ELM credentials converted to one; notices go to stderr. */
export async function readLearnerInput(io: CliIo, file: string, catalog: Catalog): Promise<Conversion> {
  const conversion = valueOrThrow(convertCredentials(catalog, await readJsonInput(io, file)), inputName(file));
  for (const notice of conversion.notices) io.stderr.write(`note: ${noticeText(notice)}\n`);
  return conversion;
}

/** Reads a what-if file (an array of awards or `{ "awards": [...] }`): its awards, and how its issues are named. */
export async function readWhatIf(
  io: CliIo,
  file: string,
): Promise<{ readonly awards: AwardInput[]; readonly input: NonNullable<CommandInputs['whatIf']> }> {
  const raw = await readJsonInput(io, file);
  const input = { file: inputName(file), array: Array.isArray(raw) };
  return { awards: valueOrThrow(parseWith(WhatIfAwards, raw, input.file)), input };
}
