#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError, InvalidArgumentError } from 'commander';
import { OutputError, StreamWriter } from '../io/stream-writer.js';
import { buildCli } from './build-cli.js';
import { EXIT, processIo, type CliIo, type RunIo } from './io.js';
import { ExitWith, InvalidInput, printIssues } from './run-command.js';

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const run: RunIo = { ...io, stdout: new StreamWriter(io.stdout, 'standard output') };
  const failed = (error: unknown): number => {
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
    // A reader of standard output that went away (`| head -1`) wanted no more: nothing to say.
    if (error instanceof OutputError && error === run.stdout.failure && error.code === 'EPIPE')
      return EXIT.invalidInput;
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.invalidInput;
  };
  let code: number = EXIT.ok;
  let caught: unknown;
  try {
    await buildCli(run).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    caught = error;
    code = failed(error);
  }
  // Standard output written without waiting (a report, help) can still fail: the run ends when it is flushed.
  try {
    await run.stdout.finish();
  } catch (error) {
    if (error !== caught) {
      const outputCode = failed(error);
      if (code === EXIT.ok) code = outputCode;
    }
  }
  return code;
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
    // A run that stopped without reading its input to the end (an interrupted batch on an open,
    // idle standard input) must not wait for more of it.
    process.stdin.destroy();
  });
}
