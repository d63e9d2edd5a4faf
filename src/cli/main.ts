// Entry point: builds the commander program, imports only the command being run, and maps
// every error to an exit code (0 success, 1 "no", 2 usage/invalid workspace/internal) in one place.
import * as commander from 'commander';
import type * as CommanderModule from '@commander-js/extra-typings';
import { CustodianError, errorDocument } from '../errors.js';
import { earlyWalkWanted, scanArgv } from './argv-scan.js';
import { COMMANDS } from './commands/index.js';
import type { CliContext } from './context.js';
import { writeJson, writeMessage } from './output.js';
import { onStdoutClosed } from './stdout.js';
import { defineProgram } from './program.js';

// commander's types are extra-typings' (the same classes, typed from their definitions). The CLI
// bundle carries commander itself (scripts/build.mjs): no module resolution or loading at start-up.
const { Command, CommanderError } = commander as unknown as typeof CommanderModule;

export async function main(argv: string[]): Promise<number> {
  const ctx: CliContext = { exitCode: 0, globals: () => program.opts() };
  // A reader that stops early (`custodian task list --json | head`) closes the pipe: stop quietly,
  // as git does, instead of dying on an unhandled EPIPE with a stack trace.
  onStdoutClosed(() => process.exit(ctx.exitCode));
  const program = defineProgram(Command);

  const scan = scanArgv(argv.slice(2));
  const wanted = scan.positionals[0];
  // First, so the stats run on another core while the command loads (src/index/early-walk.ts).
  if (earlyWalkWanted(scan)) (await import('./early-walk-start.js')).startEarlyWalkFor(scan, process.cwd(), process.env);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) {
      const { register } = await entry.load();
      register(program, ctx);
    } else {
      program.command(entry.name).description(entry.description).allowUnknownOption().allowExcessArguments();
    }
  }

  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (error) {
    return report(error, wantsJson(argv));
  }
}

function report(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end through exitOverride with code 0.
    if (error.exitCode === 0) return 0;
    if (json) writeJson({ schema_version: 1, kind: 'error', code: 'usage', message: stripPrefix(error.message) });
    return 2;
  }
  const known = error instanceof CustodianError;
  const message = error instanceof Error ? error.message : String(error);
  if (json) {
    writeJson(errorDocument(error));
  } else {
    writeMessage(`custodian: ${message}`);
    if (!known && process.env.CUSTODIAN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  return known ? error.exitCode : 2;
}

function wantsJson(argv: string[]): boolean {
  const i = argv.indexOf('--format');
  return argv.includes('--json') || (i >= 0 && argv[i + 1] === 'json') || argv.includes('--format=json');
}

function stripPrefix(message: string): string {
  return message.replace(/^error: /, '');
}
