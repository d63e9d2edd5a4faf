// `task claim <id> --as NAME` and `task release <id>`: the document as JSON, the diff (--dry-run),
// or one line.
import { claim, release } from '../../api/claim.js';
import { apiOptions } from '../api-options.js';
import type { TaskClaimFlags, TaskReleaseFlags } from '../commands/task.js';
import type { CliContext } from '../context.js';
import { claimLine } from '../format/claim.js';
import { writeDiff, writeHuman, writeJson } from '../output.js';

export async function taskClaim(ctx: CliContext, verb: 'claim' | 'release', ref: string, flags: TaskClaimFlags | TaskReleaseFlags): Promise<void> {
  const options = { ...apiOptions(ctx), id: ref, push: flags.push, dryRun: flags.dryRun };
  const doc = verb === 'claim' ? await claim({ ...options, as: flags.as! }) : await release({ ...options, as: flags.as });
  if (flags.json) writeJson(doc);
  else if (flags.dryRun) writeDiff(doc.diff);
  else writeHuman(doc, (shown) => [claimLine(shown)]);
}
