// `custodian init [DIR]`: the init document as JSON, or what was created and what to do next.
import { join, relative } from 'node:path';
import { init as initWorkspace } from '../../api/init.js';
import type { InitFlags } from '../commands/init.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

export async function init(_ctx: CliContext, dir: string | undefined, flags: InitFlags): Promise<void> {
  const doc = await initWorkspace({ cwd: process.cwd(), dir });
  if (flags.json) {
    writeJson(doc);
    return;
  }
  const configFile = join(doc.root, doc.config_file);
  const { gitignore } = doc;
  writeLines([
    `created ${relative(process.cwd(), configFile) || configFile}`,
    gitignore.added.length
      ? `${gitignore.created ? 'created' : 'updated'} .gitignore: ${gitignore.added.join(', ')}`
      : '.gitignore already ignores .custodian/ and custodian.local.yaml',
    'next: `custodian domain add <slug> --name <name>`, then `custodian repo add <slug> --path <dir> --domain <slug>`',
  ]);
}
