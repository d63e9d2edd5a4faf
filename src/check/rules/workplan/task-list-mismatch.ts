import { idList, qualifyTaskId } from '../../../documents/fields.js';
import type { ParsedDocument, Task } from '../../../documents/model.js';
import { normalisePriority, normaliseTaskStatus } from '../../../documents/vocabulary.js';
import { taskLabel } from '../../declarations.js';
import { linePlace, sourcePlace, taskPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';
import type { FileRuleContext } from '../../types.js';

export const rule = fileRule(
  {
    id: 'workplan/task-list-mismatch',
    severity: 'error',
    description: 'The front-matter `tasks:` list and the body\'s task blocks disagree.',
    docs:
      'A workplan may declare its tasks in a front-matter `tasks:` list, in ```` ```task ```` blocks, or both. When it ' +
      'uses both, the list is an index of the blocks: every listed task needs a block and every block a list item ' +
      '(reported at the id of the one that has no twin), and a task declared in both places must say the same thing in ' +
      'both. Every key written in both declarations is compared (except `id`): `status` and `priority` after ' +
      'normalising aliases and letter case, `depends_on` after qualifying short ids, any other key as data; a key written ' +
      'in only one of them is not a disagreement. Each differing key is reported at the block\'s value, with the list ' +
      'item\'s value as the related place.',
    fixable: false,
    messages: {
      listOnly: 'Task `{{task}}` is in the front-matter `tasks:` list but has no task block',
      blockOnly: 'Task `{{task}}` has a task block but is missing from the front-matter `tasks:` list',
      differs: 'Task `{{task}}` has `{{key}}: {{block}}` in its block but `{{key}}: {{listed}}` in the front-matter list',
    },
  },
  (ctx) => {
    for (const doc of ctx.result.documents) {
      if (doc.kind !== 'workplan' || !doc.valid || !Array.isArray(doc.fields.tasks)) continue;
      const kinds = new Set(doc.tasks.flatMap((t) => [t.source.kind, ...(t.mirror ? [t.mirror.source.kind] : [])]));
      if (!kinds.has('list') || !kinds.has('block')) continue;
      for (const task of doc.tasks) {
        if (task.id === null && task.local_id === null) continue;
        if (task.mirror) compareDeclarations(ctx, doc, task);
        else if (task.source.kind === 'list') unpaired(ctx, doc, task, 'listOnly');
        else if (task.source.kind === 'block') unpaired(ctx, doc, task, 'blockOnly');
      }
    }
  },
);

type Context = FileRuleContext<'listOnly' | 'blockOnly' | 'differs'>;

function unpaired(ctx: Context, doc: ParsedDocument, task: Task, messageId: 'listOnly' | 'blockOnly'): void {
  ctx.report({ at: taskPlace(ctx.lines, doc, task, ['id']), messageId, data: { task: taskLabel(task) }, subject: `${taskLabel(task)}:unpaired` });
}

function compareDeclarations(ctx: Context, doc: ParsedDocument, task: Task): void {
  const mirror = task.mirror!;
  for (const key of Object.keys(task.fields)) {
    if (key === 'id' || !Object.hasOwn(mirror.fields, key)) continue;
    const block = task.fields[key];
    const listed = mirror.fields[key];
    if (same(key, block, listed, doc.id)) continue;
    const related = sourcePlace(ctx.lines, doc, mirror.source, [key], linePlace(ctx.lines, mirror.line));
    ctx.report({
      at: taskPlace(ctx.lines, doc, task, [key]),
      messageId: 'differs',
      data: { task: taskLabel(task), key, block: show(block), listed: show(listed) },
      subject: `${taskLabel(task)}:${key}`,
      related: [{ file: ctx.file, line: related.line, column: related.column, message: 'front-matter list item' }],
    });
  }
}

function same(key: string, a: unknown, b: unknown, workplanId: string | null): boolean {
  if (key === 'status' && typeof a === 'string' && typeof b === 'string') {
    return (normaliseTaskStatus(a).value ?? a) === (normaliseTaskStatus(b).value ?? b);
  }
  if (key === 'priority' && typeof a === 'string' && typeof b === 'string') {
    return (normalisePriority(a).value ?? a) === (normalisePriority(b).value ?? b);
  }
  if (key === 'depends_on') {
    const qualify = (ids: string[]) => ids.map((id) => qualifyTaskId(id, workplanId).id ?? id).join('\0');
    return qualify(idList(a)) === qualify(idList(b));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
