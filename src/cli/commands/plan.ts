import { Option, type Command } from 'commander';
import { plan, type TermsOption } from '../../pathways/plan.js';
import { planToText } from '../../report/audit-text.js';
import { planResultJson } from '../../report/plan-json.js';
import { catalogTitles } from '../../report/titles.js';
import type { CliIo } from '../io.js';
import { asOfOption, termsOption, todayIn, wholeNumber } from '../options.js';
import { blameOn } from '../blame.js';
import { inputName, readLearnerInput, readWhatIf } from '../read-input.js';
import { catalogAt, ExitWith, valueOrThrow } from '../run-command.js';
import { planToCtdl } from '../../interop/ctdl-plan.js';

/** `credstack plan <transcript> --target ID`: the cheapest way to complete a program. */
export function registerPlan(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description('the cheapest set of credentials to earn next that completes a program, in prerequisite order')
    .argument('<transcript>', 'transcript JSON file (or badges), or - for standard input')
    .requiredOption('--target <id>', 'the program to complete')
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .addOption(asOfOption())
    .option('--what-if <file>', 'planned awards to count as if completed')
    .option('--budget <n>', "what-if audits that may judge the solver's plans (default 100)", wholeNumber(1))
    .option('--alternatives <n>', 'how many next cheapest plans to show (default 3)', wholeNumber(0))
    .option(
      '--time-limit <seconds>',
      'seconds the solver may take (default 10); past them a plan is not proven',
      wholeNumber(1),
    )
    .option(
      '--terms <start[:credits]>',
      'schedule term by term from this term (2026-fall), at most this many credits a term',
      termsOption,
    )
    .addOption(
      new Option('--format <format>', 'output format (ctdl: the best plan as a CTDL JSON-LD pathway)')
        .choices(['text', 'json', 'ctdl'])
        .default('text'),
    )
    .option('--base-url <url>', 'ctdl: the catalog web pages each resource links to (its id is appended)')
    .action(
      async (
        file: string,
        options: {
          target: string;
          catalog?: string;
          asOf?: string;
          whatIf?: string;
          budget?: number;
          alternatives?: number;
          timeLimit?: number;
          terms?: TermsOption;
          format: 'text' | 'json' | 'ctdl';
          baseUrl?: string;
        },
      ) => {
        const catalog = catalogAt(io, options.catalog);
        const { transcript } = await readLearnerInput(io, file, catalog);
        const planned = options.whatIf ? await readWhatIf(io, options.whatIf) : undefined;
        const result = valueOrThrow(
          await plan(catalog, transcript, {
            target: options.target,
            ...(options.asOf ? { asOf: options.asOf } : {}),
            defaultAsOf: todayIn(io),
            ...(options.budget !== undefined ? { budget: options.budget } : {}),
            ...(options.alternatives !== undefined ? { alternatives: options.alternatives } : {}),
            ...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}),
            ...(options.terms ? { terms: options.terms } : {}),
            planned: planned?.awards ?? [],
          }),
          blameOn({
            transcript: inputName(file),
            options: { target: '--target' },
            ...(planned ? { whatIf: planned.input } : {}),
          }),
        );
        if (options.format === 'ctdl') {
          if (!result.best) {
            io.stderr.write(`error: no plan completes ${options.target}: ${result.reason ?? 'none found'}\n`);
            throw new ExitWith(1);
          }
          const learner = (transcript as { learner?: { id?: unknown } }).learner?.id;
          const doc = planToCtdl(catalog, result.best, {
            ...(typeof learner === 'string' ? { learner } : {}),
            ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          });
          io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
          return;
        }
        io.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(planResultJson(result), null, 2)}\n`
            : planToText(options.target, result.best, result.alternatives, result.reason, catalogTitles(catalog)),
        );
      },
    );
}
