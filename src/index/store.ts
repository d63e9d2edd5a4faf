// Writes one file's parse result into the index, replacing whatever that file contributed before:
// first as rows (fileRows, which a parse worker runs), then into the tables (IndexWriter).
import type { ParsedDocument, ParseResult, Task } from '../documents/model.js';
import type { IndexDb } from './db.js';
import { PER_FILE_TABLES } from './schema.js';
import { TASK_KEY_BASE } from './search-table.js';

export interface FileRecord {
  repo: string;
  path: string;
  stamp: string;
  hash: string | null;
  racy: boolean;
}

/** One column value, as SQLite binds it. */
type Value = string | number | null;

// The columns each row is written with, after the ones only the writer knows (the file and
// document ids, the repo, the path and a task's ordinal). FileRows hold the values in this order.
const DOCUMENT_COLUMNS = ['kind', 'doc_id', 'title', 'status', 'status_raw', 'valid', 'line', 'domain', 'repo_field', 'created', 'updated', 'completed', 'priority', 'description', 'fields'];
const TASK_COLUMNS = ['task_id', 'local_id', 'workplan_id', 'title', 'status', 'status_raw', 'priority', 'priority_raw', 'needs_human', 'assignee', 'line', 'col', 'end_line', 'source', 'description', 'description_start', 'description_end', 'acceptance', 'fields', 'doc_valid'];
const DIAGNOSTIC_COLUMNS = ['rule_id', 'severity', 'message', 'line', 'col', 'end_line', 'end_col'];
// What the search table reads back from them.
const DOCUMENT_KIND = DOCUMENT_COLUMNS.indexOf('kind');
const DOCUMENT_TITLE = DOCUMENT_COLUMNS.indexOf('title');
const DOCUMENT_DESCRIPTION = DOCUMENT_COLUMNS.indexOf('description');
const TASK_TITLE = TASK_COLUMNS.indexOf('title');
const TASK_DESCRIPTION = TASK_COLUMNS.indexOf('description');

/**
 * A file's parse result as rows, ready to bind. A parse worker (parse-worker.ts) sends these back,
 * and copying between threads costs by the value: flat arrays with the JSON columns already encoded
 * copy at half the cost of the parse result's objects, and leave the writing thread only inserts.
 */
export interface FileRows {
  used_fallback: boolean;
  documents: DocumentRows[];
  /** Each diagnostic's DIAGNOSTIC_COLUMNS. */
  diagnostics: Value[][];
}

export interface DocumentRows {
  /** DOCUMENT_COLUMNS. */
  values: Value[];
  /** The repos an interface change names (interface_change_repos). */
  affected: string[];
  tasks: { values: Value[]; depends_on: string[] }[];
}

export function fileRows(result: ParseResult): FileRows {
  return {
    used_fallback: result.used_fallback,
    documents: result.documents.map(documentRows),
    diagnostics: result.diagnostics.map((d) => [d.rule_id, d.severity, d.message, d.line, d.column, d.end_line, d.end_column]),
  };
}

function documentRows(doc: ParsedDocument): DocumentRows {
  const f = doc.fields;
  const affected = doc.kind === 'interface-change' && Array.isArray(f.affected_repos) ? f.affected_repos.filter((slug): slug is string => typeof slug === 'string') : [];
  return {
    values: [
      doc.kind,
      doc.id,
      doc.title,
      doc.status,
      doc.status_raw,
      doc.valid ? 1 : 0,
      doc.line,
      text(f.domain),
      text(f.repo),
      text(f.created),
      text(f.updated),
      text(f.completed),
      Number.isInteger(f.priority) ? (f.priority as number) : null,
      doc.description,
      JSON.stringify(f),
    ],
    affected,
    tasks: doc.tasks.map((task) => ({ values: taskValues(task, doc.valid), depends_on: task.depends_on })),
  };
}

function taskValues(task: Task, docValid: boolean): Value[] {
  return [
    task.id,
    task.local_id,
    task.workplan_id,
    task.title,
    task.status,
    task.status_raw,
    task.priority,
    task.priority_raw,
    task.needs_human ? 1 : 0,
    task.assignee,
    task.line,
    task.column,
    task.end_line,
    task.mirror ? `${task.source.kind}+${task.mirror.source.kind}` : task.source.kind,
    task.description,
    task.description_lines?.[0] ?? null,
    task.description_lines?.[1] ?? null,
    JSON.stringify(task.acceptance_criteria),
    JSON.stringify(task.fields),
    docValid ? 1 : 0,
  ];
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

export class IndexWriter {
  private readonly statements;

  /** `search`: whether the search table is built and so must follow every write (src/index/search-table.ts). */
  constructor(
    readonly db: IndexDb,
    private readonly search = false,
  ) {
    const searchClear = [
      db.prepare("DELETE FROM search WHERE rowid IN (SELECT id FROM documents WHERE file_id = ? AND kind <> 'task')"),
      db.prepare(`DELETE FROM search WHERE rowid IN (SELECT ${TASK_KEY_BASE} + id FROM tasks WHERE file_id = ?)`),
    ];
    this.statements = {
      insertFile: db.prepare('INSERT INTO files (repo, path, stamp, hash, racy, used_fallback) VALUES (?, ?, ?, ?, ?, ?)'),
      upsertFile: db.prepare(
        `INSERT INTO files (repo, path, stamp, hash, racy, used_fallback) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (repo, path) DO UPDATE SET stamp = excluded.stamp, hash = excluded.hash, racy = excluded.racy, used_fallback = excluded.used_fallback
         RETURNING id`,
      ),
      updateStamp: db.prepare('UPDATE files SET stamp = ?, racy = ? WHERE id = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
      // The search rows go first: they are found through the rows cleared after them.
      clear: [...(search ? searchClear : []), ...PER_FILE_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE file_id = ?`))],
      insertDocument: db.prepare(`INSERT INTO documents (file_id, repo, path, ${DOCUMENT_COLUMNS.join(', ')}) VALUES (${placeholders(3 + DOCUMENT_COLUMNS.length)})`),
      insertTask: db.prepare(
        `INSERT INTO tasks (document_id, file_id, repo, path, ordinal, ${TASK_COLUMNS.join(', ')}) VALUES (${placeholders(5 + TASK_COLUMNS.length)})`,
      ),
      insertSearch: db.prepare('INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)'),
      insertDep: db.prepare('INSERT INTO task_deps (task_row, position, file_id, depends_on) VALUES (?, ?, ?, ?)'),
      insertAffected: db.prepare('INSERT INTO interface_change_repos (document_id, file_id, repo_slug) VALUES (?, ?, ?)'),
      insertDiagnostic: db.prepare(`INSERT INTO diagnostics (file_id, repo, path, ${DIAGNOSTIC_COLUMNS.join(', ')}) VALUES (${placeholders(3 + DIAGNOSTIC_COLUMNS.length)})`),
    };
  }

  /**
   * Records a file read this sync and replaces its rows with `rows`. `known` says the index may
   * hold rows of this file (false on a rebuild or for a new file: nothing to clear).
   */
  writeFile(record: FileRecord, rows: FileRows, known = true): void {
    const s = this.statements;
    const values = [record.repo, record.path, record.stamp, record.hash, record.racy ? 1 : 0, rows.used_fallback ? 1 : 0];
    // A file the index holds no row of is inserted: a plain insert costs half the upsert.
    const id = known ? (s.upsertFile.get(values) as { id: number }).id : Number(s.insertFile.run(values).lastInsertRowid);
    if (known) for (const clear of s.clear) clear.run(id);
    for (const document of rows.documents) this.writeDocument(id, record, document);
    // better-sqlite3 binds the values of an array argument in order, as if each were an argument.
    for (const diagnostic of rows.diagnostics) s.insertDiagnostic.run(id, record.repo, record.path, diagnostic);
  }

  /** A file re-read whose content did not change: only its stat stamp moves. */
  touchFile(fileId: number, stamp: string, racy: boolean): void {
    this.statements.updateStamp.run(stamp, racy ? 1 : 0, fileId);
  }

  deleteFile(fileId: number): void {
    for (const clear of this.statements.clear) clear.run(fileId);
    this.statements.deleteFile.run(fileId);
  }

  private writeDocument(fileId: number, record: FileRecord, doc: DocumentRows): void {
    const s = this.statements;
    const documentId = Number(s.insertDocument.run(fileId, record.repo, record.path, doc.values).lastInsertRowid);
    if (this.search && doc.values[DOCUMENT_KIND] !== 'task') s.insertSearch.run(documentId, doc.values[DOCUMENT_TITLE] ?? '', doc.values[DOCUMENT_DESCRIPTION]);
    for (const slug of doc.affected) s.insertAffected.run(documentId, fileId, slug);
    doc.tasks.forEach((task, ordinal) => {
      const taskRow = Number(s.insertTask.run(documentId, fileId, record.repo, record.path, ordinal, task.values).lastInsertRowid);
      if (this.search) s.insertSearch.run(TASK_KEY_BASE + taskRow, task.values[TASK_TITLE], task.values[TASK_DESCRIPTION]);
      task.depends_on.forEach((dep, position) => s.insertDep.run(taskRow, position, fileId, dep));
    });
  }
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}
