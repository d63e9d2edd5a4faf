// Writes one file's parse result into the index, replacing whatever that file contributed before.
import type { ParsedDocument, ParseResult, Task, TaskSource } from '../documents/model.js';
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

/** What the writer reads of a task: of its source, the kind alone. */
export type WrittenTask = Omit<Task, 'source' | 'mirror'> & { source: Pick<TaskSource, 'kind'>; mirror?: { source: Pick<TaskSource, 'kind'> } };
/** What the writer reads of a document: no headings, no front-matter region. */
export type WrittenDocument = Omit<ParsedDocument, 'tasks' | 'headings' | 'frontmatter'> & { tasks: WrittenTask[] };
/** What the writer reads of a parse result: a ParseResult is one, and so is what writtenResult keeps of it. */
export type WrittenResult = Omit<ParseResult, 'documents'> & { documents: WrittenDocument[] };

/**
 * A parse result cut down to what the writer reads: a parse worker (parse-worker.ts) sends this
 * back, and copying between threads costs by the value, so every region and heading left behind
 * is time the writing thread does not spend.
 */
export function writtenResult(result: ParseResult): WrittenResult {
  return {
    file: result.file,
    diagnostics: result.diagnostics,
    used_fallback: result.used_fallback,
    ...(result.transient ? { transient: true } : {}),
    documents: result.documents.map(({ headings: _headings, frontmatter: _frontmatter, tasks, ...document }) => ({ ...document, tasks: tasks.map(writtenTask) })),
  };
}

function writtenTask({ source, mirror, ...task }: Task): WrittenTask {
  return { ...task, source: { kind: source.kind }, ...(mirror ? { mirror: { source: { kind: mirror.source.kind } } } : {}) };
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
      upsertFile: db.prepare(
        `INSERT INTO files (repo, path, stamp, hash, racy, used_fallback) VALUES (@repo, @path, @stamp, @hash, @racy, @used_fallback)
         ON CONFLICT (repo, path) DO UPDATE SET stamp = excluded.stamp, hash = excluded.hash, racy = excluded.racy, used_fallback = excluded.used_fallback
         RETURNING id`,
      ),
      updateStamp: db.prepare('UPDATE files SET stamp = ?, racy = ? WHERE id = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
      // The search rows go first: they are found through the rows cleared after them.
      clear: [...(search ? searchClear : []), ...PER_FILE_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE file_id = ?`))],
      insertDocument: db.prepare(
        `INSERT INTO documents (file_id, repo, path, kind, doc_id, title, status, status_raw, valid, line, domain, repo_field, created, updated, completed, priority, description, fields)
         VALUES (@file_id, @repo, @path, @kind, @doc_id, @title, @status, @status_raw, @valid, @line, @domain, @repo_field, @created, @updated, @completed, @priority, @description, @fields)`,
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
    const { id } = s.upsertFile.get({ ...record, racy: record.racy ? 1 : 0, used_fallback: result.used_fallback ? 1 : 0 }) as { id: number };
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
    const { lastInsertRowid } = s.insertDocument.run({
      file_id: fileId,
      repo: record.repo,
      path: record.path,
      kind: doc.kind,
      doc_id: doc.id,
      title: doc.title,
      status: doc.status,
      status_raw: doc.status_raw,
      valid: doc.valid ? 1 : 0,
      line: doc.line,
      domain: text(f.domain),
      repo_field: text(f.repo),
      created: text(f.created),
      updated: text(f.updated),
      completed: text(f.completed),
      priority: Number.isInteger(f.priority) ? (f.priority as number) : null,
      description: doc.description,
      fields: JSON.stringify(f),
    });
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
        task.mirror ? `${task.source.kind}+${task.mirror.source.kind}` : task.source.kind,
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
