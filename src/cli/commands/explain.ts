import { Option, type Command } from 'commander';
import { explainAward } from '../../audit/explain-award.js';
import { awardExplanationJson, awardExplanationText } from '../../report/award-explanation.js';
import type { CliIo } from '../io.js';
import { asOfOption, catalogDateOption, programOption, todayIn } from '../options.js';
import { blameOn } from '../blame.js';
import { inputName, readLearnerInput } from '../read-input.js';
import { catalogAt, valueOrThrow } from '../run-command.js';

interface ExplainOptions {
  award: string;
  catalog?: string;
  program?: string[];
  asOf?: string;
  catalogDate?: string;
  format: 'text' | 'json';
}

/** `credstack explain <transcript> --award ID [--program ID]...`: where one award counts, and why not elsewhere. */
export function registerExplain(program: Command, io: CliIo): void {
  program
    .command('explain')
    .description('where one award counts across programs, and why it does not elsewhere')
    .argument('<transcript>', 'transcript JSON file (or badges), or - for standard input')
    .requiredOption('--award <id>', 'the id of the award on the transcript to explain')
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .addOption(programOption('a program to explain the award in (default: every program of the catalog)'))
    .addOption(asOfOption())
    .addOption(catalogDateOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: ExplainOptions) => {
      const catalog = catalogAt(io, options.catalog);
      const { transcript } = await readLearnerInput(io, file, catalog);
      const explained = valueOrThrow(
        explainAward(catalog, transcript as never, options.award, {
          programs: options.program ?? [],
          ...(options.asOf ? { asOf: options.asOf } : {}),
          ...(options.catalogDate ? { catalogDate: options.catalogDate } : {}),
          defaultAsOf: todayIn(io),
        }),
        blameOn({ transcript: inputName(file), options: { award: '--award', programs: '--program' } }),
      );
      io.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(awardExplanationJson(explained), null, 2)}\n`
          : awardExplanationText(explained),
      );
    });
}
