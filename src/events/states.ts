// From parsed files to the states the derivation compares: each document and task with an id,
// and each repo entry of a registry. Pure.
import { isMapping, scalarText } from '../documents/fields.js';
import type { ParseResult } from '../documents/model.js';
import { readYaml } from '../documents/yaml/read.js';
import { CONFIG_FILE_NAME, REGISTRY_MAX_BYTES } from '../workspace/types.js';
import type { DocumentState, Snapshot } from './derive.js';

/** The states one parsed file holds; `unknown` when its documents could not be read. */
export function fileStates(file: string, parsed: ParseResult): { states: DocumentState[]; unknown: boolean } {
  const states: DocumentState[] = [];
  const unreadable = parsed.diagnostics.some((d) => d.rule_id === 'file/unreadable');
  let unknown = unreadable;
  for (const doc of parsed.documents) {
    if (!doc.valid) unknown = true;
    else if (doc.id !== null) {
      const state: DocumentState = { kind: doc.kind, id: doc.id, status: doc.status, file, title: doc.title };
      if (doc.kind === 'interface-change') state.affected_repos = slugList(doc.fields.affected_repos);
      states.push(state);
    }
    // A task block's YAML stands on its own: a broken front-matter does not hide its status.
    for (const task of doc.tasks) {
      if (task.id !== null) states.push({ kind: 'task', id: task.id, status: task.status, file, title: task.title, workplan_id: task.workplan_id });
    }
  }
  return { states, unknown };
}

/** The repo entries of a committed custodian.yaml; unknown when it is not a readable registry. */
export function registryStates(text: string): { states: DocumentState[]; unknown: boolean } {
  const read = readYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { maxBytes: REGISTRY_MAX_BYTES });
  if (!read.ok || !isMapping(read.value)) return { states: [], unknown: true };
  const repos = read.value.repos;
  if (repos !== undefined && repos !== null && !Array.isArray(repos)) return { states: [], unknown: true };
  const states: DocumentState[] = [];
  for (const entry of repos ?? []) {
    const slug = isMapping(entry) ? scalarText(entry.slug) : null;
    if (slug === null || !isMapping(entry)) continue;
    states.push({
      kind: 'repo',
      id: slug,
      status: 'registered',
      file: CONFIG_FILE_NAME,
      title: scalarText(entry.name),
      domain: scalarText(entry.domain),
      remote_url: scalarText(entry.remote_url),
    });
  }
  return { states, unknown: false };
}

/** Builds one side of a commit from its files' states. */
export function snapshot(files: { file: string; states: DocumentState[]; unknown: boolean }[]): Snapshot {
  return { states: files.flatMap((f) => f.states), unknown_files: files.filter((f) => f.unknown).map((f) => f.file) };
}

function slugList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(scalarText).filter((s): s is string => s !== null);
}
