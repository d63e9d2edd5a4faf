// The `custodian://guide` resource: what an agent reads once to use the tools well. Kept short
// (a client may put all of it into context) and in step with docs/formats.md and docs/mcp.md.

export const GUIDE_URI = 'custodian://guide';

export const GUIDE = `# custodian for agents

custodian keeps plans in Markdown files in git: the files are the truth, an index answers fast.
Every tool answers with the JSON document \`custodian … --json\` prints for the same question.
An answer stays under about 8,000 tokens: lists page (\`next_cursor\`), a longer document is cut
and says so in \`truncation_note\`.

## The loop

1. \`next\` with \`as\` (your name) and \`claim: true\`: the first ready task, taken for you in the
   same step (your own in_progress tasks come first). \`{"task": null}\`: nothing is ready.
2. Do the work the task's \`description\` and \`acceptance_criteria\` ask for.
3. \`task_update\` with \`status: "done"\` (or \`release: true\` to give it back).
4. \`check\` before you finish: it lists broken files, unknown dependencies and cycles.

A refused edit is an error result with \`"code": "conflict"\` and a \`reason\`: \`taken\` (someone
else holds the task: do not retry, take another), \`changed\` (the file changed under the edit:
retry), \`not-ready\` (a dependency is not done, or it is not open work). \`current\` holds the
task's status and assignee. \`if_status\` with \`status\` is a compare-and-set.

## The tools

- \`next\`: what to take now (one repo or all); \`dispatch\`: a repo's whole picture.
- \`show\`: any document by id (\`repo:id\` when an id is used in several repos); \`sections\` picks parts.
- \`list\`: ids and titles with filters (\`kind\`, \`repo\`, \`status\`, …) or \`query\` (full text).
- \`task_update\`: \`status\`, \`claim\`, \`release\` or \`fields\` (\`null\` removes a key); \`dry_run\` shows the diff.
- \`check\`: counts and the first problems; \`doi\`: integration tiers; \`registry\`: domains and repos.

## The files

A workplan is a Markdown file with front-matter (\`id\` required, \`title\`, \`status\`: draft |
active | blocked | completed | cancelled, \`domain\`, \`repo\`). Its tasks are fenced blocks:

    \`\`\`task
    id: PAY-WP-0003-T01
    status: todo          # todo | in_progress | blocked | done | cancelled
    priority: high        # critical | high | medium | low
    depends_on: [PAY-WP-0002-T04]
    \`\`\`

The task's title is the heading above the block; its description, the text below it down to the
next heading. \`T01\` alone means \`<workplan id>-T01\`. A task file (\`docs/tasks/ID.md\`) holds one task
in its front-matter, with \`## Description\` and \`## Acceptance Criteria\` (checkboxes).
\`needs_human: true\` marks a task an agent must not take; \`assignee\` names who holds it.

A task is ready when it is todo or in_progress, every dependency is done, its workplan is active
and it needs no human. Order: in_progress first, then priority, then workplan, then position.

Goals (\`active\` | \`achieved\` | \`dropped\`), interface changes (\`draft\` → \`published\` →
\`resolved\`) and decisions (\`proposed\` | \`accepted\` | \`rejected\` | \`superseded\`) are files too.
Never edit status or assignee by hand when a tool can: tools edit in place, keep every other byte,
and refuse when the file changed under them.
`;
