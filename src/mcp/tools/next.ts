// `next`: `custodian next [<repo>] [--as NAME] [--claim] [--include-human] --json`. With `claim`,
// src/api's next claims as `task claim` does, moving on when another agent wins the race.
import { z } from 'zod';
import { fitDocument } from '../bounds.js';
import { nameArg, repoArg } from '../schema.js';
import { defineTool } from '../tool.js';

export const nextTool = defineTool({
  name: 'next',
  description:
    'The first task to take now (dispatch order), with its description and acceptance criteria; {"task": null} when none. With `as` and `claim`: take it in the same step.',
  input: z.strictObject({
    repo: repoArg.optional().describe('only this repo (default: every repo)'),
    as: nameArg.optional().describe('who asks: its own in_progress tasks come first'),
    claim: z.boolean().optional().describe('also claim the task for `as` (the next one if another agent wins it)'),
    include_human: z.boolean().optional().describe('also tasks marked needs_human'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  async run(args, at) {
    const { next: nextTask } = await import('../../api/next.js');
    const doc = await nextTask({ ...at, repo: args.repo, includeHuman: args.include_human === true, as: args.as, claim: args.claim === true });
    return fitDocument(doc, TASK_PARTS.map((part) => ['task', part]), 'The whole text is in the file at task.file, lines task.line to task.end_line.');
  },
});

/** The parts of a task detail cut first when it is too long to answer whole. */
export const TASK_PARTS = ['description', 'acceptance_criteria', 'fields'] as const;
