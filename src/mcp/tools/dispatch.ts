// `dispatch`: `custodian dispatch <repo> [--limit N] --json`. When the answer is too long, the
// same question is asked again with a smaller limit (the CLI's own trimming, with its
// `truncated` flags), so the answer stays one the CLI gives.
import { z } from 'zod';
import { ANSWER_BYTES, fitDocument, jsonBytes } from '../bounds.js';
import { repoArg } from '../schema.js';
import { defineTool } from '../tool.js';

const SMALLER_LIMITS = [20, 10, 5, 2, 1];

export const dispatchTool = defineTool({
  name: 'dispatch',
  description: "What to work on now in a repo: active goal, active workstreams with their pending tasks (ready or blocked, and why), ready task ids, tasks needing a human, pending interface changes.",
  input: z.strictObject({
    repo: repoArg.describe('repo slug'),
    limit: z.number().int().min(1).max(50).default(50).describe('at most this many tasks per workstream and ready ids (1-50)'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, at) {
    const { dispatch: dispatchRepo } = await import('../../api/dispatch.js');
    let doc = await dispatchRepo({ ...at, repo: args.repo, limit: args.limit });
    if (jsonBytes(doc) <= ANSWER_BYTES) return doc;
    for (const limit of SMALLER_LIMITS.filter((l) => l < args.limit)) {
      // Synced by the first call: the smaller answers come from the same index.
      doc = await dispatchRepo({ ...at, sync: false, repo: args.repo, limit });
      if (jsonBytes(doc) <= ANSWER_BYTES) {
        return { ...doc, truncation_note: `limit lowered from ${args.limit} to ${limit} to stay under ${ANSWER_BYTES / 1024} KB. For every task: list kind=task repo=${args.repo}.` };
      }
    }
    return fitDocument(
      doc,
      [['active_workstreams'], ['human_interventions'], ['pending_interface_changes'], ['ready_tasks']],
      `Limit 1 was still too long. For every task: list kind=task repo=${args.repo}.`,
    );
  },
});
