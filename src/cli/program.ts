// The program and its global options. Its type is read from this definition (through
// @commander-js/extra-typings, types only), so every command's options are typed from its own
// definition: a renamed flag is a compile error where it is read, never a silent `undefined`.
import type { Command as TypedCommand } from '@commander-js/extra-typings';
import { VERSION } from '../version.js';

/** `Command`: commander's class, loaded by the caller (main.ts loads it the fast way). */
export function defineProgram(Command: typeof TypedCommand) {
  return new Command('custodian')
    .description('Git-native planning: workplan Markdown files are the database')
    .version(VERSION, '-V, --version')
    .option('-w, --workspace <dir>', 'workspace folder (default: $CUSTODIAN_WORKSPACE, else the nearest custodian.yaml)')
    .option('--index <file>', 'index file (default: $CUSTODIAN_INDEX, else <workspace>/.custodian/index.sqlite)')
    .option('--no-color', 'never colour the output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
}

export type Program = ReturnType<typeof defineProgram>;

/** What a command's action receives as options: the option values its definition declares. */
export type OptionsOf<C> = C extends TypedCommand<any[], infer Opts, any> ? Opts : never;

export type GlobalOptions = OptionsOf<Program>;
