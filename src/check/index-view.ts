// The workspace as index rows, looked up by id on demand: a check of a few files asks about a
// handful of ids, so it never loads the whole workspace. Rows of the files being checked are
// left out (their fresh parse results stand in for them).
import type { Statement } from 'better-sqlite3';
import type { DocumentKind } from '../documents/model.js';
import type { IndexDb } from '../index/db.js';
import type { DocumentEntry, TaskEntry, WorkspaceView } from './view.js';

interface TaskRow {
  row: number;
  repo: string;
  path: string;
  task_id: string | null;
  workplan_id: string | null;
  status: string | null;
  line: number;
  col: number;
  source: string;
}

const TASK_COLUMNS = 'id AS row, repo, path, task_id, workplan_id, status, line, col, source';

export class IndexView implements WorkspaceView {
  private readonly taskCache = new Map<string, TaskEntry[]>();
  private readonly docCache = new Map<string, DocumentEntry[]>();
  private readonly byWorkplan = new Map<string, TaskEntry[]>();
  private readonly statements: { tasks: Statement; deps: Statement; docs: Statement; byWorkplan: Statement };

  /** `excluded` holds `repo\0path` keys of files whose rows must not be seen. */
  constructor(
    private readonly db: IndexDb,
    private readonly excluded: ReadonlySet<string>,
  ) {
    this.statements = {
      tasks: db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks WHERE task_id = ? ORDER BY repo, path, ordinal`),
      deps: db.prepare('SELECT depends_on FROM task_deps WHERE task_row = ? ORDER BY position').pluck(),
      docs: db.prepare('SELECT repo, path, kind, doc_id, line FROM documents WHERE doc_id = ? AND kind = ? ORDER BY repo, path, line'),
      byWorkplan: db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks WHERE source = 'file' AND workplan_id = ? ORDER BY repo, path`),
    };
  }

  tasksWithId(id: string): readonly TaskEntry[] {
    let found = this.taskCache.get(id);
    if (!found) {
      found = this.entries(this.statements.tasks.all(id) as TaskRow[]);
      this.taskCache.set(id, found);
    }
    return found;
  }

  documentsWithId(kind: DocumentKind, id: string): readonly DocumentEntry[] {
    const key = `${kind}\0${id}`;
    let found = this.docCache.get(key);
    if (!found) {
      const rows = this.statements.docs.all(id, kind) as { repo: string; path: string; kind: DocumentKind; doc_id: string; line: number }[];
      found = rows
        .filter((r) => !this.excluded.has(`${r.repo}\0${r.path}`))
        .map((r) => ({ repo: r.repo, file: r.path, kind: r.kind, id: r.doc_id, line: r.line }));
      this.docCache.set(key, found);
    }
    return found;
  }

  tasksNamingWorkplan(workplanId: string): readonly TaskEntry[] {
    let found = this.byWorkplan.get(workplanId);
    if (!found) {
      // The partial index tasks_file_workplan holds task-file rows only: one small lookup.
      found = this.entries(this.statements.byWorkplan.all(workplanId) as TaskRow[]);
      this.byWorkplan.set(workplanId, found);
    }
    return found;
  }

  private entries(rows: TaskRow[]): TaskEntry[] {
    const entries: TaskEntry[] = [];
    for (const r of rows) {
      if (this.excluded.has(`${r.repo}\0${r.path}`)) continue;
      entries.push({
        repo: r.repo,
        file: r.path,
        id: r.task_id,
        workplan_id: r.workplan_id,
        status: r.status,
        line: r.line,
        column: r.col,
        source: r.source,
        depends_on: this.statements.deps.all(r.row) as string[],
      });
    }
    return entries;
  }
}
