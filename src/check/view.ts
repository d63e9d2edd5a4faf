// What cross-file rules see of the workspace: tasks and documents by id, wherever they come
// from (index rows for files outside the report's scope, fresh parse results for files in it).
import type { DocumentKind, ParsedDocument, Task } from '../documents/model.js';
import type { ScopeFile } from './types.js';

export interface TaskEntry {
  repo: string;
  file: string;
  id: string | null;
  workplan_id: string | null;
  status: string | null;
  /** Where the task is declared (fence, list item or task-file front-matter). */
  line: number;
  column: number;
  /** `block`, `list`, `file` or `block+list`. */
  source: string;
  depends_on: readonly string[];
  /** Set for tasks of files in the report's scope: what positions and fixes need. */
  scope?: { task: Task; document: ParsedDocument; file: ScopeFile };
}

export interface DocumentEntry {
  repo: string;
  file: string;
  kind: DocumentKind;
  id: string | null;
  line: number;
  scope?: { document: ParsedDocument; file: ScopeFile };
}

export interface WorkspaceView {
  /** Every task declaring this (qualified) id, in any repo. */
  tasksWithId(id: string): readonly TaskEntry[];
  /** Every document of this kind declaring this id, in any repo. */
  documentsWithId(kind: DocumentKind, id: string): readonly DocumentEntry[];
  /** Task files whose `workplan:` names this workplan. */
  tasksNamingWorkplan(workplanId: string): readonly TaskEntry[];
}

/** The entries of one parsed file in scope. */
export function scopeEntries(file: ScopeFile): { tasks: TaskEntry[]; documents: DocumentEntry[] } {
  const tasks: TaskEntry[] = [];
  const documents: DocumentEntry[] = [];
  for (const document of file.result.documents) {
    documents.push({ repo: file.repo, file: file.file, kind: document.kind, id: document.id, line: document.line, scope: { document, file } });
    for (const task of document.tasks) {
      tasks.push({
        repo: file.repo,
        file: file.file,
        id: task.id,
        workplan_id: task.workplan_id,
        status: task.status,
        line: task.line,
        column: task.column,
        source: task.mirror ? `${task.source.kind}+${task.mirror.source.kind}` : task.source.kind,
        depends_on: task.depends_on,
        scope: { task, document, file },
      });
    }
  }
  return { tasks, documents };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly never[] = Object.freeze([]);

/** A view over entries held in memory (the whole workspace parsed, or the scope of a check). */
export class MemoryView implements WorkspaceView {
  private readonly tasksById = new Map<string, TaskEntry[]>();
  private readonly docsById = new Map<string, DocumentEntry[]>();
  private readonly byWorkplan = new Map<string, TaskEntry[]>();

  constructor(tasks: Iterable<TaskEntry>, documents: Iterable<DocumentEntry>) {
    for (const task of tasks) {
      if (task.id !== null) push(this.tasksById, task.id, task);
      if (task.source === 'file' && task.workplan_id !== null) push(this.byWorkplan, task.workplan_id, task);
    }
    for (const doc of documents) if (doc.id !== null) push(this.docsById, `${doc.kind}\0${doc.id}`, doc);
  }

  tasksWithId(id: string): readonly TaskEntry[] {
    return this.tasksById.get(id) ?? NONE;
  }

  documentsWithId(kind: DocumentKind, id: string): readonly DocumentEntry[] {
    return this.docsById.get(`${kind}\0${id}`) ?? NONE;
  }

  tasksNamingWorkplan(workplanId: string): readonly TaskEntry[] {
    return this.byWorkplan.get(workplanId) ?? NONE;
  }
}

/** The scope's entries over a base view whose rows for the scope's files are left out. */
export class OverlayView implements WorkspaceView {
  constructor(
    private readonly overlay: MemoryView,
    private readonly base: WorkspaceView,
  ) {}

  tasksWithId(id: string): readonly TaskEntry[] {
    return concat(this.base.tasksWithId(id), this.overlay.tasksWithId(id));
  }

  documentsWithId(kind: DocumentKind, id: string): readonly DocumentEntry[] {
    return concat(this.base.documentsWithId(kind, id), this.overlay.documentsWithId(kind, id));
  }

  tasksNamingWorkplan(workplanId: string): readonly TaskEntry[] {
    return concat(this.base.tasksNamingWorkplan(workplanId), this.overlay.tasksNamingWorkplan(workplanId));
  }
}

function concat<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...a, ...b];
}
