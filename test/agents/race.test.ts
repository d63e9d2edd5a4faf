// N agents at once: N real CLI processes run `next --as agent-i --claim` together on one
// workspace and each gets a different task; nobody's update is lost (every claim is in a file).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, gitEnv, removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { workspace } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

const FENCE = '```';
const AGENTS = 6;

function runAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...gitEnv(), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('next --claim with agents racing', () => {
  it(`gives ${AGENTS} agents claiming at once ${AGENTS} different tasks, most of them in one file`, async () => {
    // Four ready tasks share one workplan (every agent wants its first one), three more are task files.
    const plan = ['---', 'id: RACE-WP-1', 'status: active', '---', ''];
    for (let i = 1; i <= 4; i++) plan.push(`## Task ${i}`, '', `${FENCE}task`, `id: T0${i}`, 'priority: high', FENCE, '');
    const taskFiles = Object.fromEntries([5, 6, 7].map((n) => [`repos/app/docs/tasks/RACE-${n}.md`, `---\nid: RACE-${n}\ntitle: Task ${n}\n---\n`]));
    const root = workspace([{ slug: 'app' }], { 'repos/app/workplans/RACE-WP-1.md': plan.join('\n'), ...taskFiles });
    expect(runCliJson(['-w', root, 'sync', '--json']).code).toBe(0);

    const results = await Promise.all(Array.from({ length: AGENTS }, (_, i) => runAsync(['-w', root, 'next', '--as', `agent-${i}`, '--claim', '--json'])));
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    const claimed = results.map((result, i) => {
      const doc = JSON.parse(result.stdout);
      expect(doc).toMatchObject({ schema_version: 1, kind: 'next', claimed: true, task: { status: 'in_progress', assignee: `agent-${i}` } });
      return doc.task.id as string;
    });
    expect(new Set(claimed).size).toBe(AGENTS);

    // The files agree: each claimed task names its one agent, the rest are untouched.
    const list = runCliJson(['-w', root, 'task', 'list', '--json']).json.items as { id: string; status: string; assignee: string | null }[];
    const held = list.filter((t) => t.assignee !== null);
    expect(held.map((t) => t.id).sort()).toEqual([...claimed].sort());
    for (const t of held) expect(t.status).toBe('in_progress');
    expect(list.filter((t) => t.assignee === null).map((t) => t.status)).toEqual(Array(7 - AGENTS).fill('todo'));
    // Dispatch order: the workplan's tasks were taken first.
    expect(claimed.filter((id) => id.startsWith('RACE-WP-1-')).length).toBe(4);

    // Each agent asking again resumes its own task; an eighth agent gets what is left, then nothing.
    for (let i = 0; i < AGENTS; i++) {
      expect(runCliJson(['-w', root, 'next', '--as', `agent-${i}`, '--claim', '--json']).json.task.id).toBe(claimed[i]);
    }
    const late = runCliJson(['-w', root, 'next', '--as', 'late', '--claim', '--json']).json;
    expect(late).toMatchObject({ claimed: true, task: { assignee: 'late' } });
    expect(runCliJson(['-w', root, 'next', '--as', 'later', '--claim', '--json'])).toMatchObject({ code: 0, json: { kind: 'next', task: null, claimed: false } });
    expect(readFileSync(join(root, 'repos/app/workplans/RACE-WP-1.md'), 'utf8').match(/assignee: /g)?.length).toBe(4);
  }, 240_000);
});
