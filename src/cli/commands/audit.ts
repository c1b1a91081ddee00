import { Option, type Command } from 'commander';
import { audit } from '../../audit/audit.js';
import { auditToText } from '../../report/audit-text.js';
import type { CliIo } from '../io.js';
import { asOfOption, todayIn } from '../options.js';
import { inputName, readLearnerInput } from '../read-input.js';
import { catalogAt, valueOrThrow } from '../run-command.js';

/** `credstack audit <transcript.json|-> [--catalog PATH] [--program ID ...] [--all] [--as-of DATE] [--format text|json]`. */
export function registerAudit(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('audit a transcript against programs: what counts where, what is complete, what remains')
    .argument('<transcript>', 'transcript JSON file (or Open Badges 3.0 / CLR 2.0 credentials), or - for standard input')
    .option('--catalog <path>', 'catalog file or folder (default: the shipped catalog)')
    .option('--program <id...>', 'programs to audit (nested programs are audited with them)')
    .option('--all', 'audit every program in the catalog')
    .addOption(asOfOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: { catalog?: string; program?: string[]; all?: boolean; asOf?: string; format: 'text' | 'json' }) => {
      const catalog = catalogAt(io, options.catalog);
      const { transcript } = await readLearnerInput(io, file, catalog);
      const programs = options.program ?? [];
      const all = options.all === true || programs.length === 0;
      const report = valueOrThrow(audit(catalog, transcript, { programs, all, ...(options.asOf ? { asOf: options.asOf } : {}), defaultAsOf: todayIn(io) }), inputName(file));
      io.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : auditToText(report, { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined }));
    });
}
