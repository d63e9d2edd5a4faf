// `export`: the snapshot to stdout, or atomically to --out with a one-line summary on stderr.
import { exportSnapshot } from '../../api/export.js';
import { snapshotText } from '../../snapshot/text.js';
import { apiOptions } from '../api-options.js';
import type { ExportFlags } from '../commands/export.js';
import type { CliContext } from '../context.js';

export async function exportCommand(ctx: CliContext, flags: ExportFlags): Promise<void> {
  const snapshot = await exportSnapshot({ ...apiOptions(ctx), sync: flags.sync });
  const text = snapshotText(snapshot);
  if (flags.out === undefined) {
    process.stdout.write(text);
    return;
  }
  const { writeFileAtomic } = await import('../../edit/atomic-write.js');
  const { resolve } = await import('node:path');
  await writeFileAtomic(resolve(flags.out), text);
  process.stderr.write(`custodian: wrote ${flags.out}: ${snapshot.repos.length} repos, ${snapshot.workplans.length} workplans, ${snapshot.tasks.length} tasks\n`);
}
