import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { catalogAt } from '../run-command.js';

/** `credstack validate [catalog]`: checks a catalog and says what it holds. */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a catalog (a JSON file or a folder; default: the shipped catalog) and report every problem')
    .argument('[catalog]', 'catalog file or folder')
    .action((path: string | undefined) => {
      const catalog = catalogAt(io, path);
      io.stdout.write(
        `ok: ${catalog.institution.name}: ${catalog.credentials.length} credentials, ${catalog.programs.length} programs, ${catalog.rules.length} credit rules\n`,
      );
    });
}
