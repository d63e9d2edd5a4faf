// Tasks declared as fenced ```task blocks in a workplan body.
import { report, type ParseContext } from './context.js';
import { isMapping, qualifyTaskId, stringField, taskValues } from './fields.js';
import type { Heading, Task } from './model.js';
import type { ScannedFence } from './scanner/types.js';
import { acceptanceCriteria, firstHeadingAfter, sectionAfter, sectionText } from './sections.js';
import { readYaml } from './yaml/read.js';

export function isTaskFence(fence: ScannedFence): boolean {
  const info = fence.info;
  return info.startsWith('task') && (info.length === 4 || /\s/.test(info[4]));
}

export function taskBlocks(ctx: ParseContext, workplanId: string | null): Task[] {
  const taskFences = ctx.fences.filter(isTaskFence);
  const tasks: Task[] = [];
  for (let i = 0; i < taskFences.length; i++) {
    const task = taskFromFence(ctx, taskFences[i], workplanId, taskFences[i + 1]?.line ?? Infinity);
    if (task) tasks.push(task);
  }
  return tasks;
}

function taskFromFence(ctx: ParseContext, fence: ScannedFence, workplanId: string | null, nextFenceLine: number): Task | null {
  const { lines } = ctx;
  if (fence.to_eof) {
    report(ctx, 'task/unterminated-fence', 'Unterminated task fence: the block runs to the end of the file, expected a closing fence', {
      line: fence.line,
      column: fence.column,
      end_line: fence.end_line,
      end_column: lines.lineEnd(fence.end_line) - lines.lineStart(fence.end_line) + 1,
    });
    return null;
  }
  const yaml = readYaml(fence.content);
  if (!yaml.ok) {
    const { problem } = yaml;
    report(ctx, 'task/parse', `Invalid task block: ${problem.message}`, blockPosition(ctx, fence, problem.line, problem.column));
    return null;
  }
  const value = yaml.value ?? {};
  if (!isMapping(value)) {
    report(ctx, 'task/parse', 'Invalid task block: expected a YAML mapping of keys (id, status, …)', {
      line: fence.content_line,
      column: 1,
    });
    return null;
  }
  const written = stringField(value, 'id');
  const { id, local_id } = qualifyTaskId(written, workplanId);
  if (written === null) {
    report(ctx, 'task/missing-id', 'Task block has no id, expected an `id:` key', { line: fence.line, column: fence.column });
  }
  const heading = headingAbove(ctx.headings, fence.line);
  const section = sectionAfter(ctx.headings, fence.end_line, heading ? heading.level : null, nextFenceLine);
  const description = sectionText(lines, section);
  return {
    id,
    local_id,
    title: stringField(value, 'title') ?? heading?.text ?? written ?? '',
    ...taskValues(value),
    workplan_id: workplanId,
    line: fence.line,
    column: fence.column,
    end_line: fence.end_line,
    description: description.text,
    description_lines: description.range,
    acceptance_criteria: acceptanceCriteria(lines, ctx.headings, section, ctx.inCode),
    fields: value,
    source: {
      kind: 'block',
      fence: { start: fence.start_offset, end: fence.end_offset, line: fence.line, end_line: fence.end_line },
      content: contentRegion(ctx, fence),
      yaml: fence.content,
      content_offsets: fence.content_offsets,
    },
  };
}

/** The nearest heading above a line, of any level. */
function headingAbove(headings: readonly Heading[], line: number): Heading | undefined {
  const after = firstHeadingAfter(headings, line - 1);
  return after > 0 ? headings[after - 1] : undefined;
}

function contentRegion(ctx: ParseContext, fence: ScannedFence) {
  const count = fence.content_offsets.length;
  if (count === 0) {
    const at = ctx.lines.lineStart(fence.content_line);
    return { start: at, end: at, line: fence.content_line, end_line: fence.content_line - 1 };
  }
  const lastLine = fence.content_line + count - 1;
  return { start: fence.content_offsets[0], end: ctx.lines.lineEnd(lastLine), line: fence.content_line, end_line: lastLine };
}

/** A position inside a block's YAML mapped to the file, through the content line offsets. */
function blockPosition(ctx: ParseContext, fence: ScannedFence, line: number, column: number) {
  const index = Math.max(0, Math.min(line - 1, Math.max(fence.content_offsets.length - 1, 0)));
  const lineStart = fence.content_offsets[index];
  if (lineStart === undefined || !fence.exact_offsets) return { line: fence.content_line + index, column };
  return ctx.lines.position(lineStart + column - 1);
}

