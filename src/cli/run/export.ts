// `export`: the snapshot to stdout, or atomically to --out with a one-line summary on stderr.
import { exportSnapshot } from '../../api/export.js';
import { snapshotText } from '../../snapshot/text.js';
import { apiOptions } from '../api-options.js';
import type { ExportFlags } from '../commands/export.js';
import type { CliContext } from '../context.js';
import { writeOutput } from '../output.js';

export async function exportCommand(ctx: CliContext, flags: ExportFlags): Promise<void> {
  const snapshot = await exportSnapshot({ ...apiOptions(ctx), sync: flags.sync });
  const text = snapshotText(snapshot);
  await writeOutput(text, flags.out, () => `: ${snapshot.repos.length} repos, ${snapshot.workplans.length} workplans, ${snapshot.tasks.length} tasks`);
}
