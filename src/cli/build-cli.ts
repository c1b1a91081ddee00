import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerBatch } from './commands/batch.js';
import { registerConvert } from './commands/convert.js';
import { registerExplain } from './commands/explain.js';
import { registerPlan } from './commands/plan.js';
import { registerGraph } from './commands/graph.js';
import { registerList } from './commands/list.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import type { RunIo } from './io.js';

/** The `credstack` command with every subcommand, writing to `io`. */
export function buildCli(io: RunIo): Command {
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    // A usage error is one line, the hint included.
    outputError: (s: string, write: (s: string) => void) => write(`${s.trimEnd()} (run with --help for usage)\n`),
  };
  const program = new Command('credstack')
    .description('decide which credentials stack into certificates and count toward degrees, and what remains')
    .version('0.1.0')
    .option('--debug', 'show stack traces of unexpected errors')
    .exitOverride()
    .configureOutput(output);
  for (const register of [
    registerAudit,
    registerPlan,
    registerExplain,
    registerBatch,
    registerConvert,
    registerValidate,
    registerGraph,
    registerList,
    registerSchema,
  ])
    register(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput(output);
  return program;
}
