// `task_update`: one edit of a task's file, as `custodian task status <id> <status> [--if-status S]`,
// `task claim <id> --as NAME`, `task release <id> [--as NAME]` or `task set <id> key=value…`
// with --json: the same refusals (`conflict` with `reason` taken | changed | not-ready and the
// task's `current` state).
import { z } from 'zod';
import { usageError } from '../../errors.js';
import { fitDocument } from '../bounds.js';
import { TASK_STATUSES, nameArg, refArg } from '../schema.js';
import { defineTool } from '../tool.js';
import { TASK_PARTS } from './next.js';

const fieldValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string().min(1).max(300)).max(100)]);

export const taskUpdateTool = defineTool({
  name: 'task_update',
  description:
    "Change one task in its file: `status` (with `if_status` as compare-and-set), `claim` or `release` (with `as`), or `fields`. A refusal is a conflict error with reason taken (do not retry), changed (retry) or not-ready.",
  input: z.strictObject({
    id: refArg.describe('task id, or repo:id'),
    status: z.enum(TASK_STATUSES).optional().describe('the new status'),
    if_status: z.enum(TASK_STATUSES).optional().describe('with status: only if the status is still this'),
    claim: z.boolean().optional().describe('take it: in_progress, assignee `as`; only if ready, todo and free'),
    release: z.boolean().optional().describe('give it back: todo, no assignee'),
    as: nameArg.optional().describe('who claims (required) or releases (only if held by this name)'),
    fields: z
      .record(z.string().regex(/^[A-Za-z_][\w-]*$/).max(64), fieldValue)
      .optional()
      .describe('keys to set (priority, title, assignee, needs_human, depends_on, any other); null removes a key'),
    dry_run: z.boolean().optional().describe('answer with the diff, write nothing'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, at) {
    const chosen = (['status', 'claim', 'release', 'fields'] as const).filter((k) => args[k] !== undefined && args[k] !== false);
    if (chosen.length !== 1) throw usageError(`task_update takes exactly one of status, claim, release or fields${chosen.length ? ` (got ${chosen.join(', ')})` : ''}`);
    if (args.if_status !== undefined && chosen[0] !== 'status') throw usageError('if_status goes with status');
    if (args.as !== undefined && chosen[0] !== 'claim' && chosen[0] !== 'release') throw usageError('as goes with claim or release');
    const edit = { ...at, id: args.id, dryRun: args.dry_run === true };
    let doc: { task: object };
    switch (chosen[0]) {
      case 'status':
        doc = await (await import('../../api/task-status.js')).taskStatus({ ...edit, status: args.status!, ifStatus: args.if_status });
        break;
      case 'claim':
        if (args.as === undefined) throw usageError('claim needs as: who takes the task');
        doc = await (await import('../../api/claim.js')).claim({ ...edit, as: args.as });
        break;
      case 'release':
        doc = await (await import('../../api/claim.js')).release({ ...edit, as: args.as });
        break;
      case 'fields':
        doc = await (await import('../../api/task-set.js')).taskSet({ ...edit, assignments: assignments(args.fields!) });
        break;
    }
    return fitDocument(doc, [...TASK_PARTS.map((part) => ['task', part]), ['diff']], 'The whole text is in the file at task.file.');
  },
});

/** `fields` as the CLI's `task set` assignments: `key=value`, a list comma-separated, null as `key=` (removes the key). */
export function assignments(fields: Record<string, z.output<typeof fieldValue>>): string[] {
  return Object.entries(fields).map(([key, value]) => {
    if (value === null) return `${key}=`;
    if (Array.isArray(value)) return `${key}=${value.join(',')}`;
    return `${key}=${String(value)}`;
  });
}
