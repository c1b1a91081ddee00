import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { inputJsonSchemas } from '../../model/json-schemas.js';
import { outputJsonSchemas } from '../../report/output-json-schemas.js';
import { writeFileAtomically } from '../../io/write-file.js';
import type { CliIo } from '../io.js';

/** `credstack schema [--out DIR]`: the JSON Schemas of the input files and of the audit and plan outputs. */
export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description(
      'write the JSON Schemas of the input files (catalog, catalog part, transcript) and of the audit, plan, list and explain outputs',
    )
    .option('--out <dir>', 'write one file per schema into this folder instead of printing them')
    .action(async (options: { out?: string }) => {
      const schemas = { ...inputJsonSchemas(), ...outputJsonSchemas() };
      if (options.out === undefined) {
        io.stdout.write(`${JSON.stringify(schemas, null, 2)}\n`);
        return;
      }
      const dir = resolve(io.cwd, options.out);
      mkdirSync(dir, { recursive: true });
      for (const [file, schema] of Object.entries(schemas))
        await writeFileAtomically(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
      io.stdout.write(`wrote ${Object.keys(schemas).length} schemas to ${options.out}\n`);
    });
}
