// The human view of the task `next` answers with: what `task show` prints, plus its workstream,
// line range, acceptance criteria and the command to claim or finish it.
import type { NextTask } from '../../api/next.js';
import type { Colors } from '../output.js';

export function nextTaskLines(task: NextTask, color: Colors): string[] {
  const lines = [
    `${color.bold(task.id ?? '(no id)')}  ${task.title}`,
    `${task.status}, priority ${task.priority}${task.needs_human ? ', needs a human' : ''}${task.assignee ? `, held by ${task.assignee}` : ''}  ${color.dim(`(${task.workstream})`)}`,
    `${task.repo_slug}/${task.file}:${task.line}-${task.end_line}`,
  ];
  if (task.description) lines.push('', task.description);
  // Criteria the description already shows are not repeated.
  const range = task.description_lines;
  const criteria = task.acceptance_criteria.filter((c) => !task.description || !range || c.line < range[0] || c.line > range[1]);
  if (criteria.length) {
    lines.push('', 'Acceptance criteria:');
    for (const c of criteria) lines.push(`  [${c.checked ? 'x' : ' '}] ${c.text}`);
  }
  const ref = `${task.repo_slug}:${task.id}`;
  const hint =
    task.status === 'todo'
      ? `claim it: custodian task claim ${ref} --as NAME`
      : `held by ${task.assignee ?? 'nobody named'}; when done: custodian task status ${ref} done (or give it back: custodian task release ${ref})`;
  lines.push('', color.dim(hint));
  return lines;
}
