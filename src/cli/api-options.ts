// The api's workspace options from the global flags: the face's one translation of where the
// workspace is, and the one place run-level warnings reach stderr.
import type { WorkspaceOptions } from '../api/context.js';
import type { EditOptions } from '../api/registry-context.js';
import type { CliContext } from './context.js';
import { writeMessage } from './output.js';

export function apiOptions(ctx: CliContext): WorkspaceOptions {
  const globals = ctx.globals();
  return { cwd: process.cwd(), workspace: globals.workspace, index: globals.index, env: process.env, onWarning: warnOnStderr };
}

export function warnOnStderr(message: string): void {
  writeMessage(`custodian: warning: ${message}`);
}

/** An edit's options from --dry-run and --json: people read a dry run's diffs where they stand. */
export function editOptions(ctx: CliContext, flags: { dryRun?: boolean; json?: boolean }): EditOptions {
  return { ...apiOptions(ctx), dryRun: flags.dryRun === true, diffLabels: flags.json ? 'file' : 'cwd' };
}
