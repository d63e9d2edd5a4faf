// Writes one file's parse result into the index, replacing whatever that file contributed before.
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

/** What the writer reads of a task: of its sources, the source column's value (`block`, `list+file`). */
export interface WrittenTask extends Omit<Task, 'source' | 'mirror'> {
  source: string;
}

/** What the writer reads of a document: no headings, no front-matter region, tasks as above. */
export interface WrittenDocument extends Omit<ParsedDocument, 'tasks' | 'headings' | 'frontmatter'> {
  tasks: WrittenTask[];
}

export interface WrittenResult extends Omit<ParseResult, 'documents'> {
  documents: WrittenDocument[];
}

/**
 * A parse result as the writer takes it. A parse worker (parse-worker.ts) sends this back, and
 * copying between threads costs by the value: the regions, headings and source spans left behind
 * are time the writing thread does not spend. Built as plain literals, which V8 creates and copies
 * several times faster than objects made by spreading the rest of another.
 */
export function writtenResult(result: ParseResult): WrittenResult {
  return {
    file: result.file,
    diagnostics: result.diagnostics,
    used_fallback: result.used_fallback,
    ...(result.transient ? { transient: true } : {}),
    documents: result.documents.map(writtenDocument),
  };
}

function writtenDocument(d: ParsedDocument): WrittenDocument {
  return {
    kind: d.kind,
    id: d.id,
    title: d.title,
    status: d.status,
    status_raw: d.status_raw,
    line: d.line,
    column: d.column,
    fields: d.fields,
    valid: d.valid,
    description: d.description,
    tasks: d.tasks.map(writtenTask),
  };
}

function writtenTask(t: Task): WrittenTask {
  return {
    id: t.id,
    local_id: t.local_id,
    title: t.title,
    status: t.status,
    status_raw: t.status_raw,
    priority: t.priority,
    priority_raw: t.priority_raw,
    depends_on: t.depends_on,
    needs_human: t.needs_human,
    assignee: t.assignee,
    workplan_id: t.workplan_id,
    line: t.line,
    column: t.column,
    end_line: t.end_line,
    description: t.description,
    description_lines: t.description_lines,
    acceptance_criteria: t.acceptance_criteria,
    fields: t.fields,
    source: t.mirror ? `${t.source.kind}+${t.mirror.source.kind}` : t.source.kind,
  };
}

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
      insertDocument: db.prepare(
        `INSERT INTO documents (file_id, repo, path, kind, doc_id, title, status, status_raw, valid, line, domain, repo_field, created, updated, completed, priority, description, fields)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertTask: db.prepare(
        `INSERT INTO tasks (document_id, file_id, repo, path, ordinal, task_id, local_id, workplan_id, title, status, status_raw, priority, priority_raw,
           needs_human, assignee, line, col, end_line, source, description, description_start, description_end, acceptance, fields, doc_valid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertSearch: db.prepare('INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)'),
      insertDep: db.prepare('INSERT INTO task_deps (task_row, position, file_id, depends_on) VALUES (?, ?, ?, ?)'),
      insertAffected: db.prepare('INSERT INTO interface_change_repos (document_id, file_id, repo_slug) VALUES (?, ?, ?)'),
      insertDiagnostic: db.prepare(
        `INSERT INTO diagnostics (file_id, repo, path, rule_id, severity, message, line, col, end_line, end_col)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /**
   * Records a file read this sync and replaces its rows with those of `result`. `known` says the
   * index may hold rows of this file (false on a rebuild or for a new file: nothing to clear).
   */
  writeFile(record: FileRecord, result: WrittenResult, known = true): void {
    const s = this.statements;
    const values = [record.repo, record.path, record.stamp, record.hash, record.racy ? 1 : 0, result.used_fallback ? 1 : 0] as const;
    // A file the index holds no row of is inserted: a plain insert costs half the upsert.
    const id = known ? (s.upsertFile.get(...values) as { id: number }).id : Number(s.insertFile.run(...values).lastInsertRowid);
    if (known) for (const clear of s.clear) clear.run(id);
    for (const document of result.documents) this.writeDocument(id, record, document);
    for (const d of result.diagnostics) {
      s.insertDiagnostic.run(id, record.repo, record.path, d.rule_id, d.severity, d.message, d.line, d.column, d.end_line, d.end_column);
    }
  }

  /** A file re-read whose content did not change: only its stat stamp moves. */
  touchFile(fileId: number, stamp: string, racy: boolean): void {
    this.statements.updateStamp.run(stamp, racy ? 1 : 0, fileId);
  }

  deleteFile(fileId: number): void {
    for (const clear of this.statements.clear) clear.run(fileId);
    this.statements.deleteFile.run(fileId);
  }

  private writeDocument(fileId: number, record: FileRecord, doc: WrittenDocument): void {
    const s = this.statements;
    const f = doc.fields;
    // Positional, in the statement's column order (see insertTask below).
    const { lastInsertRowid } = s.insertDocument.run(
      fileId,
      record.repo,
      record.path,
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
    );
    const documentId = Number(lastInsertRowid);
    if (this.search && doc.kind !== 'task') s.insertSearch.run(documentId, doc.title ?? '', doc.description);
    if (doc.kind === 'interface-change' && Array.isArray(f.affected_repos)) {
      for (const slug of f.affected_repos) if (typeof slug === 'string') s.insertAffected.run(documentId, fileId, slug);
    }
    doc.tasks.forEach((task, ordinal) => {
      // Positional values, in the column order of the statement: binding an object per row costs
      // more than the insert itself on a cold sync of 60,000 tasks.
      const row = s.insertTask.run(
        documentId,
        fileId,
        record.repo,
        record.path,
        ordinal,
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
        task.source,
        task.description,
        task.description_lines?.[0] ?? null,
        task.description_lines?.[1] ?? null,
        JSON.stringify(task.acceptance_criteria),
        JSON.stringify(task.fields),
        doc.valid ? 1 : 0,
      );
      const taskRow = Number(row.lastInsertRowid);
      if (this.search) s.insertSearch.run(TASK_KEY_BASE + taskRow, task.title, task.description);
      task.depends_on.forEach((dep, position) => s.insertDep.run(taskRow, position, fileId, dep));
    });
  }
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}
