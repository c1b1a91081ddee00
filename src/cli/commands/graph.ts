import { Option, type Command } from 'commander';
import { buildStackingGraph } from '../../catalog/stacking-graph.js';
import { stackingGraphToCtdl } from '../../interop/ctdl-export.js';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../../report/graph-format.js';
import type { CliIo } from '../io.js';
import { catalogAt } from '../run-command.js';
import { asOfOption, todayIn } from '../options.js';

/** `credstack graph [catalog] --format dot|mermaid|json|ctdl`: draws the stacking graph, or exports it as CTDL. */
export function registerGraph(program: Command, io: CliIo): void {
  program
    .command('graph')
    .description('draw the stacking graph: what counts toward what (ctdl: as CTDL JSON-LD pathways, to publish)')
    .argument('[catalog]', 'catalog file or folder (default: the shipped catalog)')
    .addOption(new Option('--format <format>', 'output format').choices([...GRAPH_FORMATS, 'ctdl']).default('dot'))
    .option('--base-url <url>', 'ctdl: the catalog web pages each resource links to (its id is appended)')
    .addOption(asOfOption())
    .action((path: string | undefined, options: { format: GraphFormat | 'ctdl'; asOf?: string; baseUrl?: string }) => {
      const catalog = catalogAt(io, path);
      const asOf = options.asOf ?? todayIn(io);
      const text =
        options.format === 'ctdl'
          ? JSON.stringify(
              stackingGraphToCtdl(catalog, { asOf, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) }),
              null,
              2,
            )
          : renderGraph(buildStackingGraph(catalog, asOf), options.format);
      io.stdout.write(`${text}\n`);
    });
}
