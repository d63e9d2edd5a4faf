// `interface-change publish|resolve <id>`: sets `status` and the matching date (`published_at`,
// `resolved_at`: today, UTC) in the interface change's front-matter, in place, then re-syncs.
import { transitionEdits, locateInterfaceChange } from '../edit/interface-change-status.js';
import { editPlanningFile, planningFile } from '../edit/planning-file.js';
import { CustodianError, notFound, refused } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { selectDocuments, type DocumentRow } from '../index/queries/documents.js';
import { splitRef } from '../index/queries/tasks.js';
import { uniqueDocument } from './lookup.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';

export type InterfaceChangeTransition = 'publish' | 'resolve';

export interface InterfaceChangeOptions extends WorkspaceOptions {
  /** An interface change id, or `repo:id` (ids are unique per repo). */
  id: string;
  /** The day written as published_at / resolved_at (default: today, UTC). */
  today?: string;
}

export interface InterfaceChangeItem {
  id: string | null;
  repo_slug: string;
  file: string;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  change_type: string | null;
  interface_type: string | null;
  origin_repo: string;
  affected_repos: string[];
  affected_paths: string[];
  planned_for: string | null;
  published_at: string | null;
  resolved_at: string | null;
}

export interface InterfaceChangeDocument {
  schema_version: 1;
  kind: 'interface-change';
  interface_change: InterfaceChangeItem;
  /** False when it already had the status: the file was left as it was. */
  changed: boolean;
}

// The lifecycle only moves forward (draft → published → resolved); repeating a step changes nothing.
const TRANSITIONS: Record<InterfaceChangeTransition, { status: string; from: (string | null)[]; dateKey: string; dateAfter: string }> = {
  publish: { status: 'published', from: [null, 'draft', 'published'], dateKey: 'published_at', dateAfter: 'planned_for' },
  resolve: { status: 'resolved', from: ['published', 'resolved'], dateKey: 'resolved_at', dateAfter: 'published_at' },
};

/** draft → published, with published_at. */
export async function interfaceChangePublish(options: InterfaceChangeOptions): Promise<InterfaceChangeDocument> {
  return transition('publish', options);
}

/** published → resolved, with resolved_at. */
export async function interfaceChangeResolve(options: InterfaceChangeOptions): Promise<InterfaceChangeDocument> {
  return transition('resolve', options);
}

async function transition(verb: InterfaceChangeTransition, options: InterfaceChangeOptions): Promise<InterfaceChangeDocument> {
  const step = TRANSITIONS[verb];
  const ws = await loadWorkspace(options);
  const ref = options.id;
  const row = await withIndex(ws, { ...options, sync: true }, (db) => uniqueInterfaceChange(db, ref));
  const id = row.doc_id!;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const target = await planningFile(ws, row.repo, row.path);
  const outcome = await editPlanningFile(
    target,
    (text, parsed) => {
      const doc = locateInterfaceChange(parsed, id);
      if (!step.from.includes(doc.status_raw === null ? null : (doc.status ?? 'unknown'))) {
        throw refused(`interface change ${row.repo}:${id} is ${doc.status ?? JSON.stringify(doc.status_raw)}; ${verb} needs it ${step.from.filter(Boolean).join(' or ')}`, {
          status: doc.status,
        });
      }
      return transitionEdits(text, doc, step.status, step.dateKey, today, step.dateAfter);
    },
    (parsed) => {
      const doc = parsed.documents.find((d) => d.kind === 'interface-change' && d.id === id);
      if (!doc) return `interface change ${id} would no longer parse as one`;
      if (doc.status !== step.status) return `its status would read ${JSON.stringify(doc.status_raw)}`;
      return doc.fields[step.dateKey] ? null : `${step.dateKey} would be missing`;
    },
  );
  const edited = `${row.repo}:${row.path}#${id}`;
  // The run's warnings were given by the first sync.
  const item = await withIndex(ws, { ...options, sync: true, onWarning: undefined }, (db) => interfaceChangeItem(uniqueInterfaceChange(db, edited)));
  return { schema_version: 1, kind: 'interface-change', interface_change: item, changed: outcome.changed };
}

/** The one interface change a reference names: ids are unique per repo, so a bare id may be ambiguous. */
function uniqueInterfaceChange(db: IndexDb, ref: string): DocumentRow {
  const { repo, path, id } = splitRef(ref);
  const rows = selectDocuments(db, { kind: 'interface-change', docIds: [id], ...(repo ? { repos: [repo] } : {}), ...(path ? { paths: [path] } : {}) });
  return uniqueDocument(rows, ref, 'interface change');
}

function interfaceChangeItem(row: DocumentRow): InterfaceChangeItem {
  const f = JSON.parse(row.fields) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(text).filter((s): s is string => s !== null) : []);
  return {
    id: row.doc_id,
    repo_slug: row.repo,
    file: row.path,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    change_type: text(f.change_type),
    interface_type: text(f.interface_type),
    origin_repo: text(f.repo) ?? row.repo,
    affected_repos: list(f.affected_repos),
    affected_paths: list(f.affected_paths),
    planned_for: text(f.planned_for),
    published_at: text(f.published_at),
    resolved_at: text(f.resolved_at),
  };
}
