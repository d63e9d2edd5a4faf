// Tasks declared in a workplan's front-matter `tasks:` list, with `### T01 — …` body sections as
// their descriptions; and the merge with body blocks when a workplan uses both forms.
import { report, type ParseContext } from './context.js';
import { isMapping, qualifyTaskId, stringField, taskValues, type Fields } from './fields.js';
import type { Heading, Region, Task } from './model.js';
import { acceptanceCriteria, sectionAfter, sectionText } from './sections.js';

export function listTasks(ctx: ParseContext, items: unknown[], regions: Region[], workplanId: string | null): Task[] {
  const tasks: Task[] = [];
  items.forEach((item, index) => {
    const region = regions[index];
    if (!isMapping(item)) {
      report(ctx, 'task/parse', 'Invalid task list item: expected a mapping of keys (id, title, status, …)', {
        line: region.line,
        column: 1,
      });
      return;
    }
    tasks.push(listTask(ctx, item, index, region, workplanId));
  });
  return tasks;
}

function listTask(ctx: ParseContext, item: Fields, index: number, region: Region, workplanId: string | null): Task {
  const written = stringField(item, 'id');
  const { id, local_id } = qualifyTaskId(written, workplanId);
  if (written === null) {
    report(ctx, 'task/missing-id', 'Task list item has no id, expected an `id:` key', { line: region.line, column: 1 });
  }
  const heading = written === null ? undefined : sectionHeading(ctx.headings, [written, id]);
  const section = heading ? sectionAfter(ctx.headings, heading.line, heading.level, Infinity) : null;
  const description = section ? sectionText(ctx.lines, section) : { text: '', range: null };
  return {
    id,
    local_id,
    title: stringField(item, 'title') ?? (heading ? headingTitle(heading.text, written!) : null) ?? written ?? '',
    ...taskValues(item),
    workplan_id: workplanId,
    line: region.line,
    column: 1,
    end_line: region.end_line,
    description: description.text,
    description_lines: description.range,
    acceptance_criteria: section ? acceptanceCriteria(ctx.lines, ctx.headings, section, ctx.inCode) : [],
    fields: item,
    source: { kind: 'list', index, item: region },
  };
}

/** The first heading whose text starts with one of the ids, followed by a non-word character. */
function sectionHeading(headings: readonly Heading[], ids: (string | null)[]): Heading | undefined {
  return headings.find((heading) =>
    ids.some((id) => id !== null && heading.text.startsWith(id) && !/[\w]/.test(heading.text.charAt(id.length))),
  );
}

/** `T01 — Connect the publisher` → `Connect the publisher`. */
function headingTitle(text: string, id: string): string | null {
  const rest = text.slice(id.length).replace(/^[\s:—–-]+/, '').trim();
  return rest === '' ? null : rest;
}

/**
 * One task per id: a task declared both in the list and as a block keeps the block (it holds the
 * description) and records the list item as its mirror, so rules can compare the two and edits
 * can change both.
 */
export function mergeDeclarations(listed: Task[], blocks: Task[]): Task[] {
  if (listed.length === 0) return blocks;
  if (blocks.length === 0) return listed;
  const unpaired = new Map<string, Task[]>();
  for (const task of listed) {
    if (task.id === null) continue;
    const same = unpaired.get(task.id);
    if (same) same.push(task);
    else unpaired.set(task.id, [task]);
  }
  const blockForTwin = new Map<Task, Task>();
  for (const block of blocks) {
    const twin = block.id === null ? undefined : unpaired.get(block.id)?.shift();
    if (twin) {
      blockForTwin.set(twin, block);
      block.mirror = {
        source: twin.source,
        line: twin.line,
        title: stringField(twin.fields, 'title'),
        status: twin.status,
        status_raw: twin.status_raw,
        fields: twin.fields,
      };
    }
  }
  // Keep list order for listed tasks, then the blocks that the list does not name.
  const merged = listed.map((task) => blockForTwin.get(task) ?? task);
  for (const block of blocks) if (!block.mirror) merged.push(block);
  return merged;
}
