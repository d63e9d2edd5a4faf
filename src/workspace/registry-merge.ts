// custodian.local.yaml over custodian.yaml: domains and repos merged by slug (the local entry's
// keys win; host_paths and rules merged key by key), new slugs appended, top-level rules merged.
import { LOCAL_FILE_NAME } from './types.js';
import type { RegistryProblem, YamlPath } from './registry-diagnostics.js';

type Mapping = Record<string, unknown>;
const LISTS = ['domains', 'repos'] as const;
const MERGED_BY_KEY = ['host_paths', 'rules'];

export interface MergedRegistry {
  merged: Mapping;
  /** Problems the merge itself found in the local file (an entry with no slug cannot be merged). */
  problems: RegistryProblem[];
  /** Where a path of the merged data comes from in the local file. */
  toLocalPath(path: YamlPath): YamlPath;
  /** The local file's index of merged entry `index` of `list`, if the local file has one. */
  localIndex(list: 'domains' | 'repos', index: number): number | undefined;
}

export function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function mergeLocal(main: Mapping, local: unknown): MergedRegistry {
  const problems: RegistryProblem[] = [];
  const localIndexes: Record<(typeof LISTS)[number], (number | undefined)[]> = { domains: [], repos: [] };
  const merged: Mapping = { ...main };
  const localMap: Mapping = local === null || local === undefined ? {} : isMapping(local) ? local : {};
  if (local !== null && local !== undefined && !isMapping(local)) {
    problems.push({
      rule_id: 'schema/invalid',
      file: LOCAL_FILE_NAME,
      message: `${LOCAL_FILE_NAME}: expected a mapping (usually \`repos:\` with a slug and host_paths per repo), found ${Array.isArray(local) ? 'a list' : 'a scalar'}`,
      at: { path: [], part: 'value' },
    });
  }

  for (const [key, value] of Object.entries(localMap)) {
    if ((LISTS as readonly string[]).includes(key)) continue;
    merged[key] = key === 'rules' && isMapping(main.rules) && isMapping(value) ? { ...main.rules, ...value } : value;
  }

  for (const list of LISTS) {
    const mainEntries = Array.isArray(main[list]) ? (main[list] as unknown[]) : [];
    localIndexes[list] = mainEntries.map(() => undefined);
    if (!(list in localMap)) continue;
    const localEntries = localMap[list];
    if (!Array.isArray(localEntries)) {
      // Not a list: let the schema say so, at the local file's own key.
      merged[list] = localEntries;
      continue;
    }
    const entries = mainEntries.slice();
    localEntries.forEach((entry, localIndex) => {
      if (!isMapping(entry) || typeof entry.slug !== 'string') {
        problems.push({
          rule_id: 'schema/invalid',
          file: LOCAL_FILE_NAME,
          message: `${list}[${localIndex}]: entries of ${LOCAL_FILE_NAME} are merged by slug, so each needs a "slug" naming one of custodian.yaml's ${list} (or a new one)`,
          at: { path: [list, localIndex], part: 'value' },
        });
        return;
      }
      const target = entries.findIndex((e) => isMapping(e) && e.slug === entry.slug);
      if (target === -1) {
        entries.push(entry);
        localIndexes[list].push(localIndex);
      } else if (localIndexes[list][target] === undefined) {
        entries[target] = mergeEntry(entries[target] as Mapping, entry);
        localIndexes[list][target] = localIndex;
      }
      // A second local entry with the same slug is reported as a duplicate by the semantic checks.
    });
    merged[list] = entries;
  }

  return {
    merged,
    problems,
    localIndex: (list, index) => localIndexes[list][index],
    toLocalPath(path) {
      const [list, index, ...rest] = path;
      if ((list === 'domains' || list === 'repos') && typeof index === 'number') {
        const localIndex = localIndexes[list][index];
        if (localIndex !== undefined) return [list, localIndex, ...rest];
      }
      return path;
    },
  };
}

function mergeEntry(main: Mapping, local: Mapping): Mapping {
  const out: Mapping = { ...main, ...local };
  for (const key of MERGED_BY_KEY) {
    if (isMapping(main[key]) && isMapping(local[key])) out[key] = { ...(main[key] as Mapping), ...(local[key] as Mapping) };
  }
  return out;
}
