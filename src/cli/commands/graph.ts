import { Option, type Command } from 'commander';
import { buildStackingGraph } from '../../catalog/stacking-graph.js';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../../report/graph-format.js';
import type { CliIo } from '../io.js';
import { catalogAt } from '../run-command.js';
import { asOfOption, todayIn } from '../options.js';

/** `credstack graph [catalog] --format dot|mermaid|json`: draws the stacking graph. */
export function registerGraph(program: Command, io: CliIo): void {
  program
    .command('graph')
    .description('draw the stacking graph: what counts toward what')
    .argument('[catalog]', 'catalog file or folder (default: the shipped catalog)')
    .addOption(new Option('--format <format>', 'output format').choices(GRAPH_FORMATS).default('dot'))
    .addOption(asOfOption())
    .action((path: string | undefined, options: { format: GraphFormat; asOf?: string }) => {
      const catalog = catalogAt(io, path);
      io.stdout.write(`${renderGraph(buildStackingGraph(catalog, options.asOf ?? todayIn(io)), options.format)}\n`);
    });
}
