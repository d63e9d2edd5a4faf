// The human view of a dispatch document: fits a terminal (80 columns by default). The goal, then
// per workstream its ready tasks (a few) and counts of the rest, then the tasks that need a human
// and the interface changes to react to.
import type { DispatchDocument, DispatchTaskItem } from '../../dispatch/assemble.js';
import type { Colors } from '../output.js';

export interface ViewOptions {
  color: Colors;
  width: number;
  /** Ready tasks shown per workstream before the rest is counted. */
  perWorkstream?: number;
}

export function dispatchView(doc: DispatchDocument, options: ViewOptions): string[] {
  const { color, width } = options;
  const shown = options.perWorkstream ?? 3;
  const fit = (text: string) => truncate(text, width);
  const lines: string[] = [];
  const pending = doc.active_workstreams.flatMap((ws) => ws.pending_tasks);
  const blocked = pending.filter((t) => !t.ready && !t.needs_human).length;
  lines.push(color.bold(fit(`${doc.repo_slug}  (synced ${doc.last_state_synced_at ?? 'never'})`)));
  const goal = doc.active_goal;
  lines.push(goal ? fit(`goal  ${goal.id ?? '(no id)'}${goal.priority === null ? '' : ` [p${goal.priority}]`}  ${goal.title ?? ''}`) : color.dim('goal  none active'));
  lines.push(
    fit(
      `${plural(doc.ready_tasks.length, 'ready task')}, ${plural(doc.human_interventions.length, 'needing a human', 'needing a human')}, ` +
        `${plural(blocked, 'blocked', 'blocked')}, ${plural(doc.pending_interface_changes.length, 'interface change')}`,
    ),
  );
  for (const ws of doc.active_workstreams) {
    lines.push('');
    const count = `${ws.pending_tasks.length} pending`;
    const head = truncate(`${ws.id ?? '(no id)'}  ${ws.title ?? ''}`, width - count.length - 2);
    lines.push(`${color.bold(head)}${' '.repeat(Math.max(2, width - head.length - count.length))}${color.dim(count)}`);
    const ready = ws.pending_tasks.filter((t) => t.ready);
    const listed = ready.slice(0, shown);
    const idWidth = Math.min(24, Math.max(0, ...listed.map((t) => (t.id ?? '').length)));
    for (const task of listed) lines.push(color.green(fit(`  * ${taskLine(task, idWidth)}`)));
    const rest = ws.pending_tasks.filter((t) => !listed.includes(t));
    if (rest.length) lines.push(color.dim(fit(`  ${listed.length ? '+ ' : ''}${restSummary(rest)}`)));
  }
  if (doc.human_interventions.length) {
    lines.push('', color.bold('needs a human'));
    for (const task of doc.human_interventions.slice(0, shown)) lines.push(color.yellow(fit(`  ! ${task.id ?? '(no id)'}  ${task.title}  (${task.file}:${task.line})`)));
    if (doc.human_interventions.length > shown) lines.push(color.dim(`  + ${doc.human_interventions.length - shown} more`));
  }
  if (doc.pending_interface_changes.length) {
    lines.push('', color.bold('interface changes'));
    for (const c of doc.pending_interface_changes.slice(0, shown)) {
      const kind = [c.change_type, c.interface_type].filter(Boolean).join(' ');
      lines.push(fit(`  ${c.repo_slug}:${c.id ?? '(no id)'}  ${kind ? `${kind}  ` : ''}${c.title ?? ''}${c.planned_for ? `  (planned ${c.planned_for})` : ''}`));
    }
    if (doc.pending_interface_changes.length > shown) lines.push(color.dim(`  + ${doc.pending_interface_changes.length - shown} more`));
  }
  if (doc.active_workstreams.length === 0) lines.push('', color.dim('no active workstream has pending tasks'));
  return lines;
}

function taskLine(task: DispatchTaskItem, idWidth: number): string {
  return `${(task.id ?? '(no id)').padEnd(idWidth)}  ${(task.status ?? '?').padEnd(11)}  ${task.priority.padEnd(8)}  ${task.title}`;
}

/** `3 more ready, 2 blocked, 1 needing a human`. */
function restSummary(rest: DispatchTaskItem[]): string {
  const ready = rest.filter((t) => t.ready).length;
  const human = rest.filter((t) => t.needs_human).length;
  const blocked = rest.length - ready - human;
  const parts: string[] = [];
  if (ready) parts.push(`${ready} more ready`);
  if (blocked) parts.push(`${blocked} blocked`);
  if (human) parts.push(`${human} needing a human`);
  return parts.join(', ');
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
