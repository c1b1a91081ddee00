import { Argument, Option, type Command } from 'commander';
import { listCatalog } from '../../catalog/list-catalog.js';
import { catalogListingText } from '../../report/catalog-list-text.js';
import type { CliIo } from '../io.js';
import { catalogAt } from '../run-command.js';

type Part = 'programs' | 'credentials';

/** `credstack list [programs|credentials] [--catalog PATH] [--format text|json]`: what a catalog holds. */
export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description("list the catalog's programs (with their catalog years) and credentials: ids, titles, kinds")
    .addArgument(new Argument('[what]', 'what to list (default: both)').choices(['programs', 'credentials']))
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((what: Part | undefined, options: { catalog?: string; format: 'text' | 'json' }) => {
      const listing = listCatalog(catalogAt(io, options.catalog));
      const parts: readonly Part[] = what ? [what] : ['programs', 'credentials'];
      io.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(what ? { [what]: listing[what] } : listing, null, 2)}\n`
          : catalogListingText(listing, parts),
      );
    });
}
