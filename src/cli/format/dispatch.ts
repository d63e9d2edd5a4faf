// The human view of a dispatch document: fits a terminal (80 columns by default). The goal, the
// ready tasks in the order to take them (ready_tasks' order), the blocked tasks each with what
// holds it back (a dependency in another repo says which), the tasks that need a human, the
// workstreams with their counts, and the interface changes to react to.
import type { DispatchBlock, DispatchDocument, DispatchTaskItem } from '../../dispatch/assemble.js';
import type { Colors } from '../output.js';

export interface ViewOptions {
  color: Colors;
  width: number;
  /** Tasks shown per list before the rest is counted. */
  shown?: number;
}

export function dispatchView(doc: DispatchDocument, options: ViewOptions): string[] {
  const { color, width } = options;
  const shown = options.shown ?? 10;
  const fit = (text: string) => truncate(text, width);
  const lines: string[] = [];
  const pending = doc.active_workstreams.flatMap((ws) => ws.pending_tasks);
  const blocked = pending.filter((t) => !t.ready && !t.needs_human);
  lines.push(color.bold(fit(`${doc.repo_slug}  (synced ${doc.last_state_synced_at ?? 'never'})`)));
  const goal = doc.active_goal;
  lines.push(goal ? fit(`goal  ${goal.id ?? '(no id)'}${goal.priority === null ? '' : ` [p${goal.priority}]`}  ${goal.title ?? ''}`) : color.dim('goal  none active'));
  const readyTotal = doc.ready_tasks_total;
  const humanTotal = doc.human_interventions_total;
  lines.push(
    fit(
      `${plural(readyTotal, 'ready task')}, ${plural(humanTotal, 'needing a human', 'needing a human')}, ` +
        `${plural(blocked.length, 'blocked', 'blocked')}, ${plural(doc.pending_interface_changes.length, 'interface change')}`,
    ),
  );

  if (doc.ready_tasks.length > 0) {
    lines.push('', color.bold('ready, in the order to take them'));
    const byId = new Map(pending.filter((t) => t.ready && t.id !== null).map((t) => [t.id, t]));
    const listed = doc.ready_tasks.slice(0, shown);
    const idWidth = Math.min(24, Math.max(0, ...listed.map((id) => (id ?? '').length)));
    listed.forEach((id, n) => {
      const task = byId.get(id);
      lines.push(color.green(fit(`  ${String(n + 1).padStart(2)}. ${task ? taskLine(task, idWidth) : (id ?? '(no id)')}`)));
    });
    if (readyTotal > listed.length) lines.push(color.dim(`  + ${readyTotal - listed.length} more ready`));
  }

  if (blocked.length > 0) {
    lines.push('', color.bold('blocked'));
    const listed = blocked.slice(0, shown);
    const idWidth = Math.min(24, Math.max(0, ...listed.map((t) => (t.id ?? '').length)));
    for (const task of listed) {
      lines.push(color.yellow(fit(`  ! ${taskLine(task, idWidth)}`)));
      for (const reason of blockReasons(task, doc.repo_slug)) lines.push(color.dim(fit(`      ${reason}`)));
    }
    if (blocked.length > listed.length) lines.push(color.dim(`  + ${blocked.length - listed.length} more blocked`));
  }

  if (doc.human_interventions.length) {
    lines.push('', color.bold('needs a human'));
    const listed = doc.human_interventions.slice(0, shown);
    for (const task of listed) lines.push(color.yellow(fit(`  ? ${task.id ?? '(no id)'}  ${task.title}  (${task.file}:${task.line})`)));
    if (humanTotal > listed.length) lines.push(color.dim(`  + ${humanTotal - listed.length} more`));
  }

  if (doc.active_workstreams.length > 0) {
    lines.push('', color.bold('workstreams'));
    for (const ws of doc.active_workstreams) {
      const counts = countsOf(ws.pending_tasks, ws.pending_total);
      const head = truncate(`  ${ws.id ?? '(no id)'}  ${ws.title ?? ''}`, width - counts.length - 2);
      lines.push(`${head}${' '.repeat(Math.max(2, width - head.length - counts.length))}${color.dim(counts)}`);
    }
  } else {
    lines.push('', color.dim('no active workstream has pending tasks'));
  }

  if (doc.pending_interface_changes.length) {
    lines.push('', color.bold('interface changes'));
    for (const c of doc.pending_interface_changes.slice(0, shown)) {
      const kind = [c.change_type, c.interface_type].filter(Boolean).join(' ');
      lines.push(fit(`  ${c.repo_slug}:${c.id ?? '(no id)'}  ${kind ? `${kind}  ` : ''}${c.title ?? ''}${c.planned_for ? `  (planned ${c.planned_for})` : ''}`));
    }
    if (doc.pending_interface_changes.length > shown) lines.push(color.dim(`  + ${doc.pending_interface_changes.length - shown} more`));
  }
  return lines;
}

/** Why a pending task is not ready, one reason a line. */
export function blockReasons(task: DispatchTaskItem, repo: string): string[] {
  const reasons = task.blocked_by.map((block) => blockReason(block, repo));
  if (reasons.length === 0) reasons.push(task.status === 'blocked' ? 'marked blocked in its file' : 'not ready: see custodian check');
  return reasons;
}

function blockReason(block: DispatchBlock, repo: string): string {
  const where = block.repo_slug !== null && block.repo_slug !== repo ? ` in ${block.repo_slug}` : '';
  switch (block.reason) {
    case 'unknown':
      return `depends on ${block.id}, which names no task`;
    case 'ambiguous':
      return `depends on ${block.id}, which is declared more than once`;
    case 'cancelled':
      return `depends on ${block.id}${where}, which was cancelled`;
    default:
      return `waits for ${block.id}${where} (${block.status ?? 'unknown status'})`;
  }
}

/** `4 pending: 2 ready, 1 blocked, 1 needing a human` (the split counts the listed tasks). */
function countsOf(tasks: DispatchTaskItem[], total: number): string {
  const ready = tasks.filter((t) => t.ready).length;
  const human = tasks.filter((t) => t.needs_human).length;
  const parts = [ready && `${ready} ready`, tasks.length - ready - human && `${tasks.length - ready - human} blocked`, human && `${human} needing a human`].filter(Boolean);
  return `${total} pending${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

function taskLine(task: DispatchTaskItem, idWidth: number): string {
  return `${(task.id ?? '(no id)').padEnd(idWidth)}  ${(task.status ?? '?').padEnd(11)}  ${task.priority.padEnd(8)}  ${task.title}`;
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Cuts a line to `width` columns with an ellipsis (counting code points; wide characters are rare here). */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
