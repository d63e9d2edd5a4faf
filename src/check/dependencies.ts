// Resolving a dependency as DESIGN says: the id as written, then (for a task inside a workplan,
// or a task file naming one) `<workplan id>-<dependency>`.
import { isShortId } from '../documents/fields.js';
import type { Related } from '../documents/model.js';
import type { YamlPath } from './positions.js';
import type { TaskEntry, WorkspaceView } from './view.js';

export function resolveDependency(view: WorkspaceView, task: TaskEntry, dependency: string): readonly TaskEntry[] {
  const direct = view.tasksWithId(dependency);
  if (direct.length > 0 || task.workplan_id === null) return direct;
  return view.tasksWithId(`${task.workplan_id}-${dependency}`);
}

/**
 * The YAML path of the n-th dependency of a task's fields: depends_on is a list (whose items
 * that are not ids were skipped when it was read), or one string naming one or more ids.
 */
export function dependencyPath(fields: Record<string, unknown>, index: number): YamlPath {
  const value = fields.depends_on;
  if (!Array.isArray(value)) return ['depends_on'];
  let seen = -1;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    const isId = (typeof item === 'string' && item.trim() !== '') || typeof item === 'number' || typeof item === 'bigint';
    if (isId && ++seen === index) return ['depends_on', i];
  }
  return ['depends_on'];
}

/** Where an entry is declared, as a related place. */
export function relatedPlace(entry: { repo: string; file: string; line: number; column?: number }, message?: string): Related {
  return { repo: entry.repo, file: entry.file, line: entry.line, column: entry.column ?? 1, ...(message ? { message } : {}) };
}

export function byPlace(a: { repo: string; file: string; line: number }, b: { repo: string; file: string; line: number }): number {
  return cmp(a.repo, b.repo) || cmp(a.file, b.file) || a.line - b.line;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `repo file:line` for messages. */
export function describePlace(entry: { repo: string; file: string; line: number }): string {
  return `${entry.repo} ${entry.file}:${entry.line}`;
}

export interface MissingDependency {
  task: TaskEntry;
  /** Position of the dependency among the task's dependencies. */
  index: number;
  dependency: string;
  /**
   * A short id (`T9`) of a task declared in a workplan's file: it can only mean a task of that
   * same workplan, in this file, so even a check that sees one repo knows it names nothing.
   */
  local: boolean;
}

/** Dependencies of the scope's tasks that resolve to no task. */
export function missingDependencies(view: WorkspaceView, tasks: readonly TaskEntry[]): MissingDependency[] {
  const missing: MissingDependency[] = [];
  for (const task of tasks) {
    task.depends_on.forEach((dependency, index) => {
      if (resolveDependency(view, task, dependency).length > 0) return;
      const local = isShortId(dependency) && task.workplan_id !== null && task.source !== 'file';
      missing.push({ task, index, dependency, local });
    });
  }
  return missing;
}
