// Placeholder until `task status` lands (issue: dispatch and in-place task edits).
import { CustodianError } from '../../errors.js';
import type { CliContext } from '../context.js';

export async function taskStatus(_ctx: CliContext, _id: string, _status: string, _flags: unknown): Promise<void> {
  throw new CustodianError('internal', 'task status is not implemented yet');
}
