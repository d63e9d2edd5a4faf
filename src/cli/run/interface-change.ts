// `interface-change publish|resolve <id>`: the edited change as JSON, or one line.
import { interfaceChangePublish, interfaceChangeResolve, type InterfaceChangeTransition } from '../../api/interface-change.js';
import { apiOptions } from '../api-options.js';
import type { InterfaceChangeFlags } from '../commands/interface-change.js';
import type { CliContext } from '../context.js';
import { writeHuman, writeJson } from '../output.js';

export async function interfaceChangeTransition(ctx: CliContext, verb: InterfaceChangeTransition, ref: string, flags: InterfaceChangeFlags): Promise<void> {
  const run = verb === 'publish' ? interfaceChangePublish : interfaceChangeResolve;
  const doc = await run({ ...apiOptions(ctx), id: ref });
  if (flags.json) {
    writeJson(doc);
    return;
  }
  writeHuman(doc, ({ interface_change: c, changed }) => [`${c.repo_slug}:${c.id}: ${changed ? `now ${c.status}` : `already ${c.status}, file unchanged`}  (${c.repo_slug}/${c.file})`]);
}
