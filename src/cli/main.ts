import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError, InvalidArgumentError } from 'commander';
import { buildCli } from './build-cli.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { ExitWith, InvalidInput, printIssues } from './run-command.js';

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildCli(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExitWith) return error.exitCode;
    if (error instanceof InvalidArgumentError) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof InvalidInput) {
      printIssues(io, error.issues);
      return EXIT.invalidInput;
    }
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.invalidInput;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
