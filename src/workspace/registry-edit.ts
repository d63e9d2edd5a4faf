// Edits of custodian.yaml and custodian.local.yaml: read both, let a pure transform produce the
// new texts, load the result with the real registry loader (an edit that would leave the
// registry invalid is refused, never written), then write every changed file after checking
// that none changed since it was read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, hostname as osHostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReadableInside, readTextFile, unifiedDiff } from '../edit/index.js';
import { CustodianError } from '../errors.js';
import { resolveCheckout } from './checkout.js';
import { commitWrites, type CommitOutcome, type PlannedWrite } from './registry-edit-commit.js';
import { loadRegistry, type Registry } from './registry.js';
import { CONFIG_FILE_NAME, LOCAL_FILE_NAME } from './types.js';

export type RegistryFileName = typeof CONFIG_FILE_NAME | typeof LOCAL_FILE_NAME;

export interface RegistryFileState {
  name: RegistryFileName;
  path: string;
  /** BOM-less text; null when the file does not exist (only custodian.local.yaml may be missing). */
  text: string | null;
  bom: boolean;
  hash: string | null;
}

export interface RegistrySnapshot {
  root: string;
  main: RegistryFileState & { text: string };
  local: RegistryFileState;
}

export interface RegistryTexts {
  main: string;
  local: string | null;
}

export interface RegistryFileEdit extends PlannedWrite {
  name: RegistryFileName;
  /** Unified diff labelled with the file name (relative to the workspace folder). */
  diff: string;
}

export interface RegistryPlan {
  snapshot: RegistrySnapshot;
  edits: RegistryFileEdit[];
  /** The registry as it will be once the edits are written (checkouts resolved for this host). */
  registry: Registry;
}

export interface RegistryEditOptions {
  hostname?: string;
  home?: string;
}

export async function readRegistrySnapshot(root: string): Promise<RegistrySnapshot> {
  const main = await readState(root, CONFIG_FILE_NAME);
  if (main.text === null) {
    throw new CustodianError('invalid-workspace', `no ${CONFIG_FILE_NAME} in ${root}: run \`custodian init\` there first`);
  }
  return { root, main: main as RegistrySnapshot['main'], local: await readState(root, LOCAL_FILE_NAME) };
}

async function readState(root: string, name: RegistryFileName): Promise<RegistryFileState> {
  const path = join(root, name);
  assertReadableInside(path, root, 'the workspace', 'invalid-workspace');
  try {
    const file = await readTextFile(path);
    return { name, path, text: file.text, bom: file.bom, hash: file.hash };
  } catch (error) {
    if (error instanceof CustodianError && error.code === 'not-found') return { name, path, text: null, bom: false, hash: null };
    throw error;
  }
}

/**
 * Plans an edit: `transform` gets both texts and returns the new ones (a text left undefined is
 * unchanged). The result is loaded as a registry before anything is written.
 */
export async function planRegistryEdit(
  snapshot: RegistrySnapshot,
  transform: (texts: RegistryTexts) => Partial<RegistryTexts>,
  options: RegistryEditOptions = {},
): Promise<RegistryPlan> {
  const next = transform({ main: snapshot.main.text, local: snapshot.local.text });
  const texts: RegistryTexts = {
    main: next.main ?? snapshot.main.text,
    local: next.local === undefined ? snapshot.local.text : next.local,
  };
  const edits: RegistryFileEdit[] = [];
  for (const [state, after] of [
    [snapshot.main, texts.main],
    [snapshot.local, texts.local],
  ] as const) {
    if (after === null || after === state.text) continue;
    edits.push({
      name: state.name,
      path: state.path,
      before: state.text,
      after,
      bom: state.bom,
      hash: state.hash,
      within: { root: snapshot.root, name: 'the workspace' },
      diff: unifiedDiff(state.text ?? '', after, state.name),
    });
  }
  const registry = await loadTexts(snapshot.root, texts, options);
  return { snapshot, edits, registry };
}

/** Writes a plan's files (custodian.yaml first); a failure to write is an error. */
export async function commitRegistryPlan(plan: RegistryPlan): Promise<CommitOutcome> {
  const outcome = await commitWrites(plan.edits, { stopAfterFailure: () => true });
  const failure = outcome.failed[0];
  if (failure) {
    const written = outcome.written.length ? ` (${outcome.written.join(', ')} was written)` : '';
    throw new CustodianError('refused', `${failure.message}${written}`, { details: { path: failure.path, reason: failure.code } });
  }
  return outcome;
}

/**
 * The registry the texts describe, loaded by the same loader every command uses (from a
 * scratch folder, since it reads files). A problem refuses the edit with the loader's messages.
 */
async function loadTexts(root: string, texts: RegistryTexts, options: RegistryEditOptions): Promise<Registry> {
  const scratch = await mkdtemp(join(tmpdir(), 'custodian-registry-'));
  try {
    await writeFile(join(scratch, CONFIG_FILE_NAME), texts.main);
    if (texts.local !== null) await writeFile(join(scratch, LOCAL_FILE_NAME), texts.local);
    let registry: Registry;
    try {
      registry = await loadRegistry(scratch, { cwd: scratch, hostname: options.hostname, home: options.home });
    } catch (error) {
      if (error instanceof CustodianError && error.code === 'invalid-workspace') {
        throw new CustodianError('refused', `the edit would leave the registry invalid, so nothing was written:\n${error.message}`, {
          details: { reason: 'invalid-registry', ...error.details },
        });
      }
      throw error;
    }
    const hostname = options.hostname ?? osHostname();
    const home = options.home ?? (process.env.HOME || homedir());
    return {
      ...registry,
      config_file: join(root, CONFIG_FILE_NAME),
      local_file: texts.local === null ? null : join(root, LOCAL_FILE_NAME),
      repos: registry.repos.map((repo) => ({ ...repo, checkout: resolveCheckout(repo, root, hostname, home) })),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
