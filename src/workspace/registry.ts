// Loads custodian.yaml (and custodian.local.yaml over it): read with the fast safe YAML reader,
// validate against schemas/workspace.schema.json, check slugs and domains, fill in defaults.
// Every problem becomes a positioned `invalid-workspace` diagnostic; all are reported at once.
import { readFile } from 'node:fs/promises';
import { assertReadableInside } from '../edit/confined.js';
import { hostname as osHostname } from 'node:os';
import { join, relative } from 'node:path';
import { readYaml } from '../documents/yaml/read.js';
import { REGISTRY_MAX_BYTES } from './types.js';
import { CustodianError } from '../errors.js';
import * as generated from '../generated/registry-validators.js';
import type { Validator } from '../schemas.js';
import { resolveCheckout } from './checkout.js';
import { throwRegistryProblems, type RegistryFileText, type RegistryProblem } from './registry-diagnostics.js';
import { isMapping, mergeLocal } from './registry-merge.js';
import { schemaProblems } from './registry-schema-errors.js';
import { duplicateSlugProblems, unknownDomainProblems } from './registry-semantics.js';
import {
  CONFIG_FILE_NAME,
  DEFAULT_INCLUDE,
  DOMAIN_KEYS,
  REPO_KEYS,
  LOCAL_FILE_NAME,
  type DomainConfig,
  type RegistryStatus,
  type RepoConfig,
  type RuleSetting,
} from './types.js';

/** schemas/workspace.schema.json, precompiled into a module of its own (scripts/build.mjs). */
const workspaceValidator = (generated as unknown as { workspace: Validator }).workspace;

export interface LoadRegistryOptions {
  /** Folder that messages' paths are relative to (default: the workspace root). */
  cwd?: string;
  /** This machine's name, for host_paths (default: os.hostname()). */
  hostname?: string;
  /** Home folder for `~/` in paths (default: os.homedir()). */
  home?: string;
}

export interface Registry {
  config_file: string;
  local_file: string | null;
  config_text: string;
  domains: DomainConfig[];
  repos: RepoConfig[];
  rules: Record<string, RuleSetting>;
}

type Mapping = Record<string, unknown>;

/** Reads and checks the registry in `root`; throws `invalid-workspace` with every problem found. */
export async function loadRegistry(root: string, options: LoadRegistryOptions = {}): Promise<Registry> {
  const configFile = join(root, CONFIG_FILE_NAME);
  const localFile = join(root, LOCAL_FILE_NAME);
  const display = (file: string) => relative(options.cwd ?? root, file) || file;

  const mainRaw = await readText(configFile, root);
  if (mainRaw === null) {
    throw new CustodianError(
      'invalid-workspace',
      `no ${CONFIG_FILE_NAME} in ${root}: run \`custodian init\` there, or pass --workspace with a folder that has one`,
    );
  }
  const localRaw = await readText(localFile, root);

  const files: RegistryFileText[] = [];
  const problems: RegistryProblem[] = [];
  const main = parseFile(CONFIG_FILE_NAME, mainRaw, display(configFile), files, problems);
  const local = localRaw === null ? undefined : parseFile(LOCAL_FILE_NAME, localRaw, display(localFile), files, problems);

  let mainValid = false;
  if (main.ok) {
    mainValid = workspaceValidator(main.value);
    if (!mainValid) problems.push(...schemaProblems(workspaceValidator.errors ?? [], { file: CONFIG_FILE_NAME, data: main.value }));
  }
  if (!main.ok || !mainValid || (local !== undefined && !local.ok)) return throwRegistryProblems(problems, files);

  const mainData = main.value as Mapping;
  problems.push(...duplicateSlugProblems(mainData, CONFIG_FILE_NAME));
  let data = mainData;
  let origin = (index: number) => ({ file: CONFIG_FILE_NAME, index });

  if (local !== undefined && local.ok) {
    const merge = mergeLocal(mainData, local.value);
    problems.push(...merge.problems);
    if (isMapping(local.value)) problems.push(...duplicateSlugProblems(local.value, LOCAL_FILE_NAME));
    if (!workspaceValidator(merge.merged)) {
      // custodian.yaml alone is valid, so whatever fails now was written in custodian.local.yaml.
      problems.push(
        ...schemaProblems(workspaceValidator.errors ?? [], { file: LOCAL_FILE_NAME, data: merge.merged, toFilePath: merge.toLocalPath }),
      );
      return throwRegistryProblems(problems, files);
    }
    data = merge.merged;
    const localRepos = isMapping(local.value) && Array.isArray(local.value.repos) ? local.value.repos : [];
    origin = (index) => {
      const localIndex = merge.localIndex('repos', index);
      return localIndex !== undefined && isMapping(localRepos[localIndex]) && 'domain' in localRepos[localIndex]
        ? { file: LOCAL_FILE_NAME, index: localIndex }
        : { file: CONFIG_FILE_NAME, index };
    };
  }

  problems.push(...unknownDomainProblems(data, origin));
  if (problems.length > 0) return throwRegistryProblems(problems, files);

  const rules = (data.rules ?? {}) as Record<string, RuleSetting>;
  const hostname = options.hostname ?? osHostname();
  return {
    config_file: configFile,
    local_file: localRaw === null ? null : localFile,
    config_text: mainRaw as string,
    domains: ((data.domains ?? []) as Mapping[]).map(toDomain),
    repos: ((data.repos ?? []) as Mapping[]).map((entry) => toRepo(entry, root, hostname, rules, options.home)),
    rules: { ...rules },
  };
}

const DOMAIN_KEY_SET = new Set<string>(DOMAIN_KEYS);
const REPO_KEY_SET = new Set<string>(REPO_KEYS);

function toDomain(entry: Mapping): DomainConfig {
  return {
    slug: entry.slug as string,
    name: entry.name as string,
    description: (entry.description as string | undefined) ?? null,
    status: (entry.status as RegistryStatus | undefined) ?? 'active',
    extra: extraKeys(entry, DOMAIN_KEY_SET),
  };
}

function toRepo(
  entry: Mapping,
  root: string,
  hostname: string,
  workspaceRules: Record<string, RuleSetting>,
  home: string | undefined,
): RepoConfig {
  const hostPaths = { ...((entry.host_paths as Record<string, string> | undefined) ?? {}) };
  const path = entry.path as string;
  return {
    slug: entry.slug as string,
    name: entry.name as string,
    domain: entry.domain as string,
    path,
    checkout: resolveCheckout({ path, host_paths: hostPaths }, root, hostname, home),
    host_paths: hostPaths,
    remote_url: (entry.remote_url as string | undefined) ?? null,
    fingerprint: typeof entry.fingerprint === 'string' ? entry.fingerprint.toLowerCase() : null,
    description: (entry.description as string | undefined) ?? null,
    status: (entry.status as RegistryStatus | undefined) ?? 'active',
    include: Array.isArray(entry.include) ? (entry.include as string[]).slice() : [...DEFAULT_INCLUDE],
    rules: { ...workspaceRules, ...((entry.rules as Record<string, RuleSetting> | undefined) ?? {}) },
    extra: extraKeys(entry, REPO_KEY_SET),
  };
}

function extraKeys(entry: Mapping, known: Set<string>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (!known.has(key)) extra[key] = value;
  return extra;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseFile(
  file: string,
  raw: string | Uint8Array,
  display: string,
  files: RegistryFileText[],
  problems: RegistryProblem[],
): Parsed {
  if (typeof raw !== 'string') {
    files.push({ file, text: '', display });
    problems.push({ rule_id: 'registry/parse', file, message: `${file} is not valid UTF-8 text`, at: { line: 1, column: 1 } });
    return { ok: false };
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  files.push({ file, text, display });
  const result = readYaml(text, { maxBytes: REGISTRY_MAX_BYTES });
  if (result.ok) return { ok: true, value: result.value };
  const { line, column, kind } = result.problem;
  const message =
    kind === 'too-large'
      ? `${file} is larger than ${REGISTRY_MAX_BYTES / 1024 / 1024} MiB, the most custodian reads as a registry: shorten descriptions or move host_paths to ${LOCAL_FILE_NAME}`
      : result.problem.message;
  problems.push({ rule_id: 'registry/parse', file, message, at: { line, column } });
  return { ok: false };
}

/**
 * The file decoded as UTF-8 (bytes when it is not UTF-8), or null when it does not exist. A link
 * leading out of the workspace (to a secrets file, say) or anything but a regular file is refused
 * unread, so no byte of it can appear in a message.
 */
async function readText(file: string, root: string): Promise<string | Uint8Array | null> {
  assertReadableInside(file, root, 'the workspace', 'invalid-workspace');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new CustodianError('invalid-workspace', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes;
  }
}
