// What every command's action can reach: global options and the exit code it wants.
import type { Command } from 'commander';

export interface GlobalOptions {
  workspace?: string;
  index?: string;
  color?: boolean;
}

export interface CliContext {
  /** The exit code the command asks for (0 unless set). */
  exitCode: number;
  globals(): GlobalOptions;
}

export type RegisterCommand = (program: Command, ctx: CliContext) => void;
