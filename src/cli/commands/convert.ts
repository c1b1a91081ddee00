import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { readLearnerInput } from '../read-input.js';
import { catalogAt } from '../run-command.js';

/** `credstack convert <file>`: the SPEC transcript made from Open Badges 3.0 or CLR 2.0 credentials. */
export function registerConvert(program: Command, io: CliIo): void {
  program
    .command('convert')
    .description(
      'print the transcript credstack makes from Open Badges 3.0 credentials or a CLR 2.0 record (proofs are not verified)',
    )
    .argument('<file>', 'credential JSON file, or - for standard input')
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .action(async (file: string, options: { catalog?: string }) => {
      const catalog = catalogAt(io, options.catalog);
      const { transcript } = await readLearnerInput(io, file, catalog);
      io.stdout.write(`${JSON.stringify(transcript, null, 2)}\n`);
    });
}
