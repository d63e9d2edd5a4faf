// The candidates of `next`, in dispatch order, straight from SQL: a workable status, a valid
// document, an id, an open workstream. The caller walks them and stops at the first ready one, so
// a workspace of 10,000 workplans answers without loading its tasks into JavaScript. The ORDER BY
// is the key of src/dispatch/order.ts, spelled in SQL; test/dispatch holds the two together.
import type { QueueTask, WorkplanInfo, Workstream } from '../../dispatch/types.js';
import type { IndexDb } from '../db.js';
import { QUEUE_TASK_COLUMNS, toQueueTask, type TaskSqlRow } from './dispatch.js';

export interface Candidate {
  task: QueueTask;
  workstream: Workstream;
}

export interface CandidateOptions {
  /** Only these repos' tasks (default: every repo's). */
  repos?: readonly string[];
  includeHuman?: boolean;
  /**
   * The agent asking (src/dispatch/proposal.ts): only its own in_progress tasks, and todo tasks
   * nobody else holds. Without it no in_progress task is a candidate.
   */
  as?: string;
}

const BACKLOG = "(c.source = 'file' AND c.workplan_id IS NULL)";

// The first two parts of the order key, as buckets: the index on (status, priority)
// (src/index/schema.ts) lets each bucket read only its own rows, so the walk usually stops after
// the first small bucket.
// The last bucket catches any priority outside the vocabulary (the parser normalises, so none today).
const BUCKETS: [string, string | null][] = [
  ...['in_progress', 'todo'].flatMap((status) => ['critical', 'high', 'medium', 'low'].map((priority): [string, string] => [status, priority])),
  ['in_progress', null],
  ['todo', null],
];

export function* nextCandidates(db: IndexDb, options: CandidateOptions = {}): Generator<Candidate> {
  const deps = db.prepare('SELECT depends_on FROM task_deps WHERE task_row = ? ORDER BY position').pluck();
  const emit = function* (rows: Iterable<CandidateRow>) {
    for (const row of rows) {
      const task = toQueueTask(row, deps.all(row.row_id) as string[]);
      yield { task, workstream: workstreamOf(row, task) };
    }
  };
  for (const [status, priority] of BUCKETS) {
    if (status === 'in_progress' && options.as === undefined) continue;
    const where = [priority === null ? "t.status = ? AND t.priority NOT IN ('critical', 'high', 'medium', 'low')" : 't.status = ? AND t.priority = ?'];
    const params = priority === null ? [status] : [status, priority];
    if (status === 'in_progress') {
      where.push('t.assignee = ?');
      params.push(options.as!);
    } else if (options.as === undefined) {
      where.push('t.assignee IS NULL');
    } else {
      where.push('(t.assignee IS NULL OR t.assignee = ?)');
      params.push(options.as);
    }
    yield* emit(db.prepare(candidateSql(options, where.join(' AND '))).iterate(...params, ...repoParam(options)) as Iterable<CandidateRow>);
  }
}

function repoParam(options: CandidateOptions): readonly string[] {
  return options.repos ?? [];
}

function candidateSql(options: CandidateOptions, statusFilter: string): string {
  const filters = [statusFilter, 't.doc_valid = 1', 't.task_id IS NOT NULL'];
  if (!options.includeHuman) filters.push('t.needs_human = 0');
  if (options.repos !== undefined) filters.push(`t.repo IN (${options.repos.map(() => '?').join(', ') || 'NULL'})`);
  return `
    WITH c AS (
      SELECT ${QUEUE_TASK_COLUMNS},
        CASE WHEN t.source <> 'file' THEN t.document_id
             WHEN t.workplan_id IS NULL THEN NULL
             ELSE (SELECT CASE WHEN COUNT(*) = 1 THEN MAX(w.id) END FROM documents w WHERE w.kind = 'workplan' AND w.doc_id = t.workplan_id)
        END AS ws_row
      FROM tasks t WHERE ${filters.join(' AND ')}
    )
    SELECT c.*, w.repo AS ws_repo, w.path AS ws_path, w.doc_id AS ws_id, w.title AS ws_title, w.status AS ws_status,
      w.valid AS ws_valid, w.created AS ws_created
    FROM c LEFT JOIN documents w INDEXED BY documents_workplan_head ON w.id = c.ws_row AND w.kind = 'workplan'
    WHERE ${BACKLOG} OR (w.status = 'active' AND w.valid = 1)
    ORDER BY
      CASE c.status WHEN 'in_progress' THEN 0 WHEN 'todo' THEN 1 WHEN 'blocked' THEN 2 ELSE 9 END,
      CASE c.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 9 END,
      CASE WHEN ${BACKLOG} THEN 1 ELSE 0 END,
      CASE WHEN ${BACKLOG} OR w.created IS NULL OR w.created = '' THEN 1 ELSE 0 END,
      CASE WHEN ${BACKLOG} THEN '' ELSE COALESCE(w.created, '') END,
      CASE WHEN ${BACKLOG} THEN c.repo || ':backlog' ELSE COALESCE(w.doc_id, '') END,
      c.source = 'file', c.repo, c.path, c.ordinal`;
}

interface CandidateRow extends TaskSqlRow {
  ws_row: number | null;
  ws_repo: string | null;
  ws_path: string | null;
  ws_id: string | null;
  ws_title: string | null;
  ws_status: string | null;
  ws_valid: number | null;
  ws_created: string | null;
}

function workstreamOf(row: CandidateRow, task: QueueTask): Workstream {
  if (task.in_task_file && task.workplan_id === null) return { kind: 'backlog', repo: task.repo };
  const workplan: WorkplanInfo = {
    row_id: row.ws_row!,
    repo: row.ws_repo!,
    file: row.ws_path!,
    id: row.ws_id,
    title: row.ws_title,
    status: row.ws_status,
    valid: row.ws_valid === 1,
    created: row.ws_created,
  };
  return { kind: 'workplan', workplan };
}
