// `init [DIR]`: a new custodian.yaml (never over an existing one) and the .gitignore entries for
// the index and custodian.local.yaml (added once; running again adds nothing).
import { mkdir, open } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { confinementProblem, dominantEol, readTextFile } from '../edit/index.js';
import { CustodianError } from '../errors.js';
import { packageFilePath } from '../package-files.js';
import { registryTemplate, withIgnoredEntries, WORKSPACE_SCHEMA_FILE } from '../workspace/init-files.js';
import { commitWrites } from '../workspace/registry-edit-commit.js';
import { CONFIG_FILE_NAME } from '../workspace/types.js';
import { cwdOf } from './context.js';

export interface InitOptions {
  /** The workspace folder, relative to `cwd` or absolute (default: `cwd`); created when missing. */
  dir?: string;
  /** Default: `process.cwd()`. */
  cwd?: string;
}

export interface InitDocument {
  schema_version: 1;
  kind: 'init';
  /** The workspace folder (absolute). */
  root: string;
  config_file: string;
  gitignore: { file: string; created: boolean; added: string[] };
}

export async function init(options: InitOptions = {}): Promise<InitDocument> {
  const root = resolve(cwdOf(options), options.dir ?? '.');
  await mkdir(root, { recursive: true });
  const ignoreFile = join(root, '.gitignore');
  // Checked before anything is created: a .gitignore linked to a shared file elsewhere is not ours to append to.
  const outside = confinementProblem(ignoreFile, root, 'the workspace');
  if (outside !== null) {
    throw new CustodianError('refused', `${ignoreFile}: not writing it: ${outside}; nothing was created`, {
      details: { path: ignoreFile, reason: 'outside' },
    });
  }
  await createExclusive(join(root, CONFIG_FILE_NAME), registryTemplate(schemaReference(root)));
  const gitignore = await ignoreEntries(ignoreFile, root);
  return { schema_version: 1, kind: 'init', root, config_file: CONFIG_FILE_NAME, gitignore };
}

/**
 * The installed package's schema as custodian.yaml should name it: relative to the workspace when
 * the package lives inside it (node_modules: the same on every clone), else a file: URL.
 */
function schemaReference(root: string): string {
  const schema = packageFilePath(WORKSPACE_SCHEMA_FILE);
  if (schema === null) return WORKSPACE_SCHEMA_FILE;
  const rel = relative(root, schema);
  return rel.startsWith('..') || isAbsolute(rel) ? pathToFileURL(schema).href : rel.split(sep).join('/');
}

/** Creates the file with O_EXCL: an existing custodian.yaml is refused, never overwritten. */
async function createExclusive(path: string, text: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CustodianError('refused', `${path} already exists: this folder is already a workspace (nothing was changed)`, {
        details: { path, reason: 'exists' },
      });
    }
    throw new CustodianError('refused', `cannot create ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function ignoreEntries(path: string, root: string): Promise<InitDocument['gitignore']> {
  let current = null;
  try {
    current = await readTextFile(path);
  } catch (error) {
    if (!(error instanceof CustodianError && error.code === 'not-found')) throw error;
  }
  const before = current?.text ?? '';
  const { text, added } = withIgnoredEntries(before, current ? dominantEol(before) : '\n');
  if (added.length > 0) {
    const outcome = await commitWrites([
      { path, before: current ? before : null, after: text, bom: current?.bom ?? false, hash: current?.hash ?? null, within: { root, name: 'the workspace' } },
    ]);
    const failure = outcome.failed[0];
    if (failure) throw new CustodianError('refused', `custodian.yaml was created, but ${failure.message}`, { details: { path, reason: failure.code } });
  }
  return { file: '.gitignore', created: current === null && added.length > 0, added };
}
