// `next [<repo>]`: the first ready task as a document, or its human view.
import { next as nextTask } from '../../api/next.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { nextTaskLines } from '../format/next.js';
import { colors, writeHuman, writeJson } from '../output.js';

import type { NextFlags } from '../commands/next.js';

export async function next(ctx: CliContext, repo: string | undefined, flags: NextFlags): Promise<void> {
  const doc = await nextTask({ ...apiOptions(ctx), sync: flags.sync, repo, includeHuman: flags.includeHuman === true, as: flags.as, claim: flags.claim, push: flags.push });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => (shown.task ? nextTaskLines(shown.task, colors()) : [`nothing ${flags.claim ? 'could be claimed' : 'is ready'}${repo ? ` in ${repo}` : ''}`]));
}
