// `show`: `custodian task|workplan|goal|interface-change|decision show <id> --json`, whichever
// kind the id names (tried in that order unless `kind` says), optionally with only some parts.
import { z } from 'zod';
import type { WorkspaceOptions } from '../../api/context.js';
import { CustodianError, notFound } from '../../errors.js';
import { fitDocument } from '../bounds.js';
import { refArg } from '../schema.js';
import { defineTool } from '../tool.js';
import { TASK_PARTS } from './next.js';

export const DOCUMENT_KINDS = ['task', 'workplan', 'goal', 'interface-change', 'decision'] as const;
type Kind = (typeof DOCUMENT_KINDS)[number];

const SECTIONS = ['description', 'acceptance_criteria', 'fields', 'tasks'] as const;

type Show = (options: WorkspaceOptions & { id: string }) => Promise<Record<string, unknown>>;

/** Each kind's show operation (`custodian <kind> show <id> --json`) and the key its document holds the record under. */
const SHOW: Record<Kind, { key: string; show: Show }> = {
  task: { key: 'task', show: async (o) => ({ ...(await (await import('../../api/tasks.js')).taskShow(o)) }) },
  workplan: { key: 'workplan', show: async (o) => ({ ...(await (await import('../../api/workplans.js')).workplanShow(o)) }) },
  goal: { key: 'goal', show: async (o) => ({ ...(await (await import('../../api/records.js')).goalShow(o)) }) },
  'interface-change': { key: 'interface_change', show: async (o) => ({ ...(await (await import('../../api/records.js')).interfaceChangeShow(o)) }) },
  decision: { key: 'decision', show: async (o) => ({ ...(await (await import('../../api/records.js')).decisionShow(o)) }) },
};

export const showTool = defineTool({
  name: 'show',
  description: 'One document by id (task, workplan, goal, interface change or decision) with its description, acceptance criteria, fields and, for a workplan, its tasks.',
  input: z.strictObject({
    id: refArg.describe('the id, or repo:id when it is used in several repos'),
    kind: z.enum(DOCUMENT_KINDS).optional().describe('the kind, when the id alone is not enough'),
    sections: z.array(z.enum(SECTIONS)).min(1).max(SECTIONS.length).optional().describe('only these parts (default: all)'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, at) {
    const { kind, doc } = await find(args.id, args.kind, at);
    const key = SHOW[kind].key;
    const record = { ...(doc[key] as Record<string, unknown>) };
    if (args.sections) for (const part of SECTIONS) if (!args.sections.includes(part)) delete record[part];
    const parts = kind === 'workplan' ? ['tasks', 'description', 'fields'] : TASK_PARTS;
    return fitDocument(
      { ...doc, [key]: record },
      parts.map((part) => [key, part]),
      `Ask show with sections for fewer parts${kind === 'workplan' ? ', or list kind=task for the tasks' : ''}; the whole text is in the file at ${key}.file.`,
    );
  },
});

async function find(id: string, kind: Kind | undefined, at: WorkspaceOptions): Promise<{ kind: Kind; doc: Record<string, unknown> }> {
  if (kind !== undefined) return { kind, doc: await SHOW[kind].show({ ...at, id }) };
  let synced = false;
  for (const candidate of DOCUMENT_KINDS) {
    const { show } = SHOW[candidate];
    try {
      // The first lookup brought the index up to date; the others read it as it is.
      return { kind: candidate, doc: await show({ ...at, ...(synced ? { sync: false } : {}), id }) };
    } catch (error) {
      if (!(error instanceof CustodianError && error.code === 'not-found')) throw error;
      synced = true;
    }
  }
  throw notFound(`no task, workplan, goal, interface change or decision ${id} in the workspace`);
}
