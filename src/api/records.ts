// `goal list|show`, `interface-change list|show`, `decision list|show`: the documents beside the
// workplans, as the files state them, filtered like `workplan list`.
import { writtenText } from '../documents/written-text.js';
import { interfaceChangeFields, type InterfaceChangeFields } from '../documents/interface-change.js';
import type { DocumentKind } from '../documents/model.js';
import type { IndexDb } from '../index/db.js';
import { selectDocuments, type DocumentRow } from '../index/queries/documents.js';
import { splitRef } from '../index/queries/tasks.js';
import type { WorkspaceMode } from '../workspace/types.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { selectedRepos, selectedStatuses, type ListFilters } from './filters.js';
import { uniqueDocument } from './lookup.js';

export type RecordKind = 'goal' | 'interface-change' | 'decision';

interface RecordBase {
  id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  created: string | null;
  updated: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
}

export interface GoalItem extends RecordBase {
  /** Lower first; null sorts last. */
  priority: number | null;
  /** The goal's `repo:` and `domain:` as written. */
  repo: string | null;
  domain: string | null;
}

export type InterfaceChangeRecord = RecordBase & InterfaceChangeFields;

export interface DecisionItem extends RecordBase {
  resolved: string | null;
}

interface ItemOf {
  goal: GoalItem;
  'interface-change': InterfaceChangeRecord;
  decision: DecisionItem;
}

/** What `show` adds: the body's text and every front-matter key. */
export interface RecordDetail {
  description: string;
  fields: Record<string, unknown>;
}

export interface RecordListDocument<K extends RecordKind> {
  schema_version: 1;
  kind: `${K}-list`;
  mode: WorkspaceMode;
  items: ItemOf[K][];
}

export type GoalListDocument = RecordListDocument<'goal'>;
export type InterfaceChangeListDocument = RecordListDocument<'interface-change'>;
export type DecisionListDocument = RecordListDocument<'decision'>;

export interface GoalDocument {
  schema_version: 1;
  kind: 'goal';
  goal: GoalItem & RecordDetail;
}

export interface InterfaceChangeShowDocument {
  schema_version: 1;
  kind: 'interface-change';
  interface_change: InterfaceChangeRecord & RecordDetail;
}

export interface DecisionDocument {
  schema_version: 1;
  kind: 'decision';
  decision: DecisionItem & RecordDetail;
}

export interface RecordListOptions extends WorkspaceOptions, ListFilters {}

export interface RecordShowOptions extends WorkspaceOptions {
  /** The id, or `repo:id` (these ids are unique per repo only). */
  id: string;
}

export const goalList = (options: RecordListOptions = {}): Promise<GoalListDocument> => recordList('goal', options);
export const interfaceChangeList = (options: RecordListOptions = {}): Promise<InterfaceChangeListDocument> => recordList('interface-change', options);
export const decisionList = (options: RecordListOptions = {}): Promise<DecisionListDocument> => recordList('decision', options);

export async function goalShow(options: RecordShowOptions): Promise<GoalDocument> {
  return { schema_version: 1, kind: 'goal', goal: await recordShow('goal', options) };
}

export async function interfaceChangeShow(options: RecordShowOptions): Promise<InterfaceChangeShowDocument> {
  return { schema_version: 1, kind: 'interface-change', interface_change: await recordShow('interface-change', options) };
}

export async function decisionShow(options: RecordShowOptions): Promise<DecisionDocument> {
  return { schema_version: 1, kind: 'decision', decision: await recordShow('decision', options) };
}

async function recordList<K extends RecordKind>(kind: K, options: RecordListOptions): Promise<RecordListDocument<K>> {
  const ws = await loadWorkspace(options);
  const rows = await withIndex(ws, options, (db) => selectDocuments(db, { kind, repos: selectedRepos(ws, options), statuses: selectedStatuses(kind, options) }));
  const items = rows.map((row) => recordItem(kind, row)) as ItemOf[K][];
  return { schema_version: 1, kind: `${kind}-list`, mode: ws.mode, items };
}

async function recordShow<K extends RecordKind>(kind: K, options: RecordShowOptions): Promise<ItemOf[K] & RecordDetail> {
  const ws = await loadWorkspace(options);
  const row = await withIndex(ws, options, (db) => uniqueRecord(db, kind, options.id));
  return { ...(recordItem(kind, row) as ItemOf[K]), description: row.description, fields: JSON.parse(row.fields) as Record<string, unknown> };
}

const NAMES: Record<RecordKind, string> = { goal: 'goal', 'interface-change': 'interface change', decision: 'decision' };

/** The one document of a kind a reference names; ids are unique per repo, so a bare id may be ambiguous. */
export function uniqueRecord(db: IndexDb, kind: DocumentKind, ref: string): DocumentRow {
  const { repo, path, id } = splitRef(ref);
  const rows = selectDocuments(db, { kind, docIds: [id], ...(repo ? { repos: [repo] } : {}), ...(path ? { paths: [path] } : {}) });
  return uniqueDocument(rows, ref, NAMES[kind as RecordKind] ?? kind);
}

function recordItem(kind: RecordKind, row: DocumentRow): GoalItem | InterfaceChangeRecord | DecisionItem {
  switch (kind) {
    case 'goal':
      return { ...recordBase(row), priority: row.priority, repo: row.repo_field, domain: row.domain };
    case 'decision':
      return { ...recordBase(row), resolved: writtenText((JSON.parse(row.fields) as Record<string, unknown>).resolved) };
    case 'interface-change':
      return interfaceChangeRecord(row);
  }
}

/** An interface change as `interface-change list|show|publish|resolve` print it. */
export function interfaceChangeRecord(row: DocumentRow): InterfaceChangeRecord {
  return { ...recordBase(row), ...interfaceChangeFields(JSON.parse(row.fields) as Record<string, unknown>, row.repo) };
}

function recordBase(row: DocumentRow): RecordBase {
  return {
    id: row.doc_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    created: row.created,
    updated: row.updated,
    valid: row.valid === 1,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
  };
}
