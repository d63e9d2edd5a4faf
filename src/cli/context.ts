// What every command's action can reach: the global options and the exit code it wants.
import type { GlobalOptions, Program } from './program.js';

export type { GlobalOptions };

export interface CliContext {
  /** The exit code the command asks for (0 unless set). */
  exitCode: number;
  globals(): GlobalOptions;
}

export type RegisterCommand = (program: Program, ctx: CliContext) => void;
