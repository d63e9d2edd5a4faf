// `interface-change publish|resolve <id>`: sets `status` and the matching date (`published_at`,
// `resolved_at`: today, UTC) in the interface change's front-matter, in place, then re-syncs.
import { transitionEdits, locateInterfaceChange } from '../edit/interface-change-status.js';
import { editPlanningFile, planningFile } from '../edit/planning-file.js';
import { refused } from '../errors.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { interfaceChangeRecord, uniqueRecord, type InterfaceChangeRecord } from './records.js';

export type InterfaceChangeTransition = 'publish' | 'resolve';

export interface InterfaceChangeOptions extends WorkspaceOptions {
  /** An interface change id, or `repo:id` (ids are unique per repo). */
  id: string;
  /** The day written as published_at / resolved_at (default: today, UTC). */
  today?: string;
}

/** An interface change as `interface-change show` prints it (src/api/records.ts). */
export type InterfaceChangeItem = InterfaceChangeRecord;

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
  const row = await withIndex(ws, { ...options, sync: true }, (db) => uniqueRecord(db, 'interface-change', ref));
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
  const item = await withIndex(ws, { ...options, sync: true, onWarning: undefined }, (db) => interfaceChangeRecord(uniqueRecord(db, 'interface-change', edited)));
  return { schema_version: 1, kind: 'interface-change', interface_change: item, changed: outcome.changed };
}
