// Answers stay bounded whatever the workspace's size: on a generated plan of 3,000 tasks (one
// workplan of 600 tasks, one task with a 200 KB description, 599 check errors, a repo whose
// dispatch answer is over 32 KB even at the tool's largest limit), no tool
// answers more than 32 KB, lists page through everything with their cursor, a long document is
// cut with a note, and the tool list stays under 16 KB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { workspace } from '../dispatch/workspace.js';
import { startMcp, type McpSession } from './client.js';

const ANSWER = 32 * 1024;
const REPOS = 12;
const WORDS = 'ledger posting account balance currency journal entry retry timeout index query schema migration'.split(' ');
const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');

/** Every task of R00-WP-0001 after the first depends on a task that does not exist: one check error each. */
const UNKNOWN_DEPENDENCIES = 599;

/** 3,000 tasks: 11 repos × 20 workplans × 10 tasks, and repo-00 with one workplan of 600, and 20 of 10 (the last of 9). */
function plan(): Record<string, string> {
  const files: Record<string, string> = {};
  let tasks = 0;
  const workplan = (repo: number, w: number, count: number) => {
    const id = `R${String(repo).padStart(2, '0')}-WP-${String(w).padStart(4, '0')}`;
    const lines = ['---', `id: ${id}`, `title: ${words(w, 4)}`, 'status: active', `created: "2026-01-${String(1 + (w % 28)).padStart(2, '0')}"`, '---', '', `# ${words(w, 4)}`, ''];
    for (let t = 1; t <= count; t++) {
      const local = `T${String(t).padStart(3, '0')}`;
      lines.push(`## ${local} — ${words(t, 6)}`, '', '```task', `id: ${id}-${local}`, `status: ${['todo', 'todo', 'in_progress', 'blocked', 'done'][t % 5]}`, `priority: ${['high', 'medium', 'low'][t % 3]}`);
      if (t > 1) lines.push(`depends_on: [${id}-T${String(t - 1).padStart(3, '0')}]`);
      lines.push('```', '', `${words(t + w, 40)}.`, '', '- [ ] code', '- [ ] tests', '');
      tasks++;
    }
    files[`repos/repo-${String(repo).padStart(2, '0')}/workplans/${id}.md`] = lines.join('\n');
  };
  // repo-00: a workplan of 600 tasks, each after the first also depending on an unknown task.
  workplan(0, 1, 600);
  let unknown = 0;
  files['repos/repo-00/workplans/R00-WP-0001.md'] = files['repos/repo-00/workplans/R00-WP-0001.md'].replace(/depends_on: \[(R00-WP-0001-T\d+)\]/g, (_, id) => {
    unknown++;
    return `depends_on: [${id}, NOPE-${id}]`;
  });
  expect(unknown).toBe(UNKNOWN_DEPENDENCIES);
  // The task `next` proposes first (critical, in the earliest workplan): a 200 KB description.
  const huge = ['---', 'id: R01-WP-0000', 'title: The long one', 'status: active', 'created: "2025-12-01"', '---', '', '## Rewrite the posting engine', '', '```task', 'id: R01-WP-0000-T01', 'status: todo', 'priority: critical', '```', ''];
  for (let p = 0; p < 2000; p++) huge.push(`Paragraph ${p}: ${words(p, 14)}.`, '');
  files['repos/repo-01/workplans/R01-WP-0000.md'] = huge.join('\n');
  tasks++;
  for (let r = 1; r < REPOS; r++) for (let w = 1; w <= 20; w++) workplan(r, w, 10);
  // repo-00 also gets many short active workstreams: its dispatch answer is long at any limit.
  let w = 2;
  while (tasks < 3000) workplan(0, w++, Math.min(10, 3000 - tasks));
  expect(tasks).toBe(3000);
  return files;
}

let root: string;
let mcp: McpSession;

beforeAll(async () => {
  const repos = Array.from({ length: REPOS }, (_, r) => ({ slug: `repo-${String(r).padStart(2, '0')}` }));
  root = workspace(repos, plan());
  expect(runCli(['-w', root, 'sync']).code).toBe(0);
  mcp = await startMcp(root);
}, 180_000);
afterAll(async () => {
  await mcp?.close();
  removeTempDirs();
});

async function bounded(name: string, args: Record<string, unknown>) {
  const result = await mcp.call(name, args);
  expect(result.isError, `${name} ${JSON.stringify(args)}: ${JSON.stringify(result.content).slice(0, 300)}`).toBeFalsy();
  const text = (result.content[0] as { text: string }).text;
  expect(Buffer.byteLength(text), `${name} ${JSON.stringify(args)}`).toBeLessThanOrEqual(ANSWER);
  return JSON.parse(text);
}

describe('bounded answers on 3,000 tasks', () => {
  it('keeps the tool list under 16 KB', async () => {
    const { tools } = await mcp.client.listTools();
    expect(Buffer.byteLength(JSON.stringify({ tools }))).toBeLessThan(16 * 1024);
  });

  it('answers every tool under 32 KB at its largest settings', async () => {
    await bounded('next', {});
    await bounded('dispatch', { repo: 'repo-03', limit: 50 });
    await bounded('list', { limit: 200 });
    await bounded('list', { kind: 'workplan', limit: 200 });
    await bounded('list', { query: 'ledger posting', limit: 200 });
    await bounded('check', { limit: 100 });
    await bounded('doi', { limit: 20 });
    await bounded('registry', { action: 'repo_list', limit: 200 });
    await bounded('show', { id: 'R00-WP-0001-T300' });
  });

  it('cuts a 200 KB description and says where the rest is', async () => {
    const whole = runCliJson(['-w', root, 'task', 'show', 'R01-WP-0000-T01', '--json']).json.task;
    expect(Buffer.byteLength(whole.description)).toBeGreaterThan(200_000);
    for (const doc of [await bounded('next', {}), await bounded('show', { id: 'R01-WP-0000-T01' })]) {
      expect(doc.task.id).toBe('R01-WP-0000-T01');
      expect(doc.task.description.length).toBeLessThan(whole.description.length);
      expect(whole.description.startsWith(doc.task.description.slice(0, -1))).toBe(true);
      expect(doc.truncation_note).toMatch(/^cut to stay under 32 KB: task\.description to its first \d+ of \d+ characters/);
      expect(doc.task.acceptance_criteria).toEqual(whole.acceptance_criteria);
    }
  });

  it('cuts a workplan of 600 tasks to the tasks that fit, or shows only the parts asked for', async () => {
    const doc = await bounded('show', { id: 'R00-WP-0001' });
    expect(doc.workplan.task_counts.total).toBe(600);
    expect(doc.workplan.tasks.length).toBeGreaterThan(10);
    expect(doc.workplan.tasks.length).toBeLessThan(600);
    expect(doc.truncation_note).toMatch(/workplan\.tasks to its first \d+ of 600 items/);
    const fields = await bounded('show', { id: 'R00-WP-0001', sections: ['fields'] });
    expect(fields.workplan.tasks).toBeUndefined();
    expect(fields.truncation_note).toBeUndefined();
  });

  it('lowers dispatch limit until the answer fits: the answer the CLI gives with that limit', async () => {
    // The CLI's answer at the tool's largest limit does not fit: the tool must lower it.
    const whole = runCliJson(['-w', root, 'dispatch', 'repo-00', '--limit', '50', '--json']).json;
    expect(Buffer.byteLength(JSON.stringify(whole))).toBeGreaterThan(ANSWER);
    const doc = await bounded('dispatch', { repo: 'repo-00', limit: 50 });
    const lowered = /^limit lowered from 50 to (\d+) to stay under 32 KB/.exec(doc.truncation_note);
    expect(lowered).not.toBeNull();
    const { truncation_note: _note, ...answer } = doc;
    const cli = runCliJson(['-w', root, 'dispatch', 'repo-00', '--limit', lowered![1], '--json']).json;
    expect({ ...answer, last_state_synced_at: 'T' }).toEqual({ ...cli, last_state_synced_at: 'T' });
    // The shorter lists still say how long the whole ones are.
    const all = runCliJson(['-w', root, 'dispatch', 'repo-00', '--limit', '0', '--json']).json;
    expect(doc.ready_tasks_total).toBe(all.ready_tasks.length);
    expect(doc.ready_tasks.length).toBeLessThan(all.ready_tasks.length);
    expect(doc.ready_tasks_truncated).toBe(true);
    expect(doc.active_workstreams.map((ws: { pending_total: number }) => ws.pending_total)).toEqual(
      all.active_workstreams.map((ws: { pending_tasks: unknown[] }) => ws.pending_tasks.length),
    );
  });

  it('counts every check problem and lists the first that fit', async () => {
    const report = runCliJson(['-w', root, 'check', '--format', 'json']).json;
    const unknown = report.diagnostics.filter((d: { severity: string; message: string }) => d.severity === 'error' && d.message.includes('NOPE-R00-WP-0001-T'));
    expect(unknown).toHaveLength(UNKNOWN_DEPENDENCIES);
    expect(report.error_count).toBeGreaterThanOrEqual(UNKNOWN_DEPENDENCIES);
    const doc = await bounded('check', { limit: 100 });
    expect(doc).toMatchObject({ error_count: report.error_count, warning_count: report.warning_count, truncated: true });
    expect(doc.diagnostics).toEqual(report.diagnostics.slice(0, doc.diagnostics.length));
  });

  it('pages through all 3,000 tasks with the cursor', async () => {
    const all = runCliJson(['-w', root, 'task', 'list', '--json']).json.items;
    expect(all.length).toBeGreaterThanOrEqual(2990);
    const seen: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await bounded('list', { limit: 200, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(all.length);
      seen.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((t) => t.id)).toEqual(all.map((t: { id: string }) => t.id));
  });
});
