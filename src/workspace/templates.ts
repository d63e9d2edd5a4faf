// The templates `custodian new` fills: the workspace's own (<workspace>/.custodian-templates/<kind>.md)
// when it has one, else the one shipped in the package's templates/ folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CustodianError } from '../errors.js';
import type { Workspace } from './types.js';

export const TEMPLATE_FOLDER = '.custodian-templates';

export interface Template {
  text: string;
  /** Where it was read, for messages. */
  source: string;
}

export async function loadTemplate(ws: Workspace, kind: string): Promise<Template> {
  const own = join(ws.root, TEMPLATE_FOLDER, `${kind}.md`);
  const text = await readOrNull(own);
  if (text !== null) return { text, source: own };
  for (const shipped of shippedCandidates(kind)) {
    const found = await readOrNull(shipped);
    if (found !== null) return { text: found, source: shipped };
  }
  throw new CustodianError('internal', `the shipped template for ${kind} is missing (templates/${kind}.md)`);
}

/** templates/ beside the package root, found from this module in the compiled tree or the bundle. */
function shippedCandidates(kind: string): string[] {
  return ['../templates/', '../../templates/', '../../../templates/'].map((relative) => fileURLToPath(new URL(`${relative}${kind}.md`, import.meta.url)));
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}
