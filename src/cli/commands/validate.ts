import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { catalogAt } from '../run-command.js';
import { plural } from '../../report/reason-text.js';

/** `credstack validate [catalog]`: checks a catalog and says what it holds. */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description(
      'check a catalog (a JSON file or a folder; default: the shipped catalog) and report its problems (shapes first: references are checked once the shapes are right)',
    )
    .argument('[catalog]', 'catalog file or folder')
    .action((path: string | undefined) => {
      const catalog = catalogAt(io, path);
      // Counted as `list` counts them: a program with two catalog years is one program, two versions.
      const programs = new Set(catalog.programs.map((p) => p.id)).size;
      const versions = catalog.programs.length;
      io.stdout.write(
        `ok: ${catalog.institution.name}: ${plural(catalog.credentials.length, 'credential')}, ${plural(programs, 'program')}${versions > programs ? ` (${plural(versions, 'version')})` : ''}, ${plural(catalog.rules.length, 'credit rule')}\n`,
      );
    });
}
