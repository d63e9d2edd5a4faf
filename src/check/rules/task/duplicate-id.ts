import { byPlace, describePlace, relatedPlace } from '../../dependencies.js';
import { workspaceRule } from '../../rule.js';
import type { DocumentEntry, TaskEntry } from '../../view.js';

export const rule = workspaceRule(
  {
    id: 'task/duplicate-id',
    severity: 'error',
    description: 'An id declared twice: task and workplan ids anywhere in the workspace, other ids within a repo.',
    docs:
      'Task ids and workplan ids are unique across the whole workspace, so a dependency can name a task in any repo; ' +
      'goal, interface-change and decision ids are unique per repo and kind (they are addressed as `repo:id`). Every ' +
      'declaration of a duplicated id is reported, at its `id` value, with the other declarations as related places ' +
      'and in the message. A task declared both in a workplan\'s front-matter list and as a block of the same workplan is ' +
      'one task, not a duplicate. A file whose front-matter failed to parse still contributes the ids of its parseable ' +
      'task blocks. Until the duplicate is resolved, a dependency on the id is blocked as `ambiguous`.',
    fixable: false,
    messages: {
      task: 'Duplicate task id `{{id}}`: also declared at {{places}}',
      document: 'Duplicate {{kind}} id `{{id}}`{{where}}: also declared at {{places}}',
    },
  },
  (ctx) => {
    for (const task of ctx.scopeTasks) {
      if (task.id === null || !task.scope) continue;
      const others = ctx.view.tasksWithId(task.id).filter((other) => other !== task && other.scope?.task !== task.scope!.task);
      if (others.length === 0) continue;
      const { scope } = task;
      ctx.report({
        target: { task: scope.task, document: scope.document, file: scope.file, path: ['id'] },
        messageId: 'task',
        data: { id: task.id, places: list(others) },
        subject: task.id,
        related: sorted(others).map((o) => relatedPlace(o, `task \`${task.id}\``)),
      });
    }
    for (const doc of ctx.scopeDocuments) {
      if (doc.id === null || !doc.scope || doc.kind === 'task') continue;
      const perRepo = doc.kind !== 'workplan';
      const others = ctx.view
        .documentsWithId(doc.kind, doc.id)
        .filter((other) => other !== doc && other.scope?.document !== doc.scope!.document && (!perRepo || other.repo === doc.repo));
      if (others.length === 0) continue;
      ctx.report({
        target: { document: doc.scope.document, file: doc.scope.file, path: ['id'] },
        messageId: 'document',
        data: { kind: doc.kind, id: doc.id, where: perRepo ? ` in repo \`${doc.repo}\`` : '', places: list(others) },
        subject: `${doc.kind}:${doc.id}`,
        related: sorted(others).map((o) => ({ ...relatedPlace(o, `${doc.kind} \`${doc.id}\``), column: 1 })),
      });
    }
  },
);

function sorted<T extends TaskEntry | DocumentEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(byPlace);
}

function list(entries: readonly (TaskEntry | DocumentEntry)[]): string {
  const shown = sorted(entries).slice(0, 3).map(describePlace);
  return shown.join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
}
