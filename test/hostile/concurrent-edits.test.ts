// Point 7 of issue 10: agents editing different tasks of one file are never turned away. The
// file is locked, then read, then edited; a compare-and-set still refuses when its task changed.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, runCliAsync, runCliJsonAsync } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const AGENTS = 12;
const ids = Array.from({ length: AGENTS }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
const plan = ['---', 'id: WP-1', 'domain: core', 'status: active', '---', '', ...ids.flatMap((t) => [`## ${t}`, '', '```task', `id: ${t}`, 'status: todo', '```', ''])].join('\n');

describe('twelve agents, one workplan', () => {
  it('twelve agents setting twelve different tasks at once all succeed, and every edit is kept', async () => {
    const ws = tempWorkspace({ alpha: { 'workplans/WP-1.md': plan } });
    expect((await runCliAsync(['-w', ws.root, 'sync'])).code).toBe(0);
    const results = await Promise.all(ids.map((t) => runCliJsonAsync(['-w', ws.root, 'task', 'status', `WP-1-${t}`, 'in_progress', '--if-status', 'todo', '--json'])));
    expect(results.map((r) => `${r.code} ${r.json.kind} ${r.json.code ?? ''}`.trim())).toEqual(ids.map(() => '0 task'));
    expect(readFileSync(join(ws.repo('alpha'), 'workplans/WP-1.md'), 'utf8')).toBe(plan.replace(/status: todo/g, 'status: in_progress'));
    const listed = await runCliJsonAsync(['-w', ws.root, 'task', 'list', '--json']);
    expect(listed.json.items.map((t: any) => t.status)).toEqual(ids.map(() => 'in_progress'));
  }, 180_000);

  it('a compare-and-set still refuses when its own task changed, while the others go through', async () => {
    const ws = tempWorkspace({ alpha: { 'workplans/WP-1.md': plan } });
    expect((await runCliAsync(['-w', ws.root, 'sync'])).code).toBe(0);
    // Two agents race for T01 while ten others set their own tasks.
    const claims = [0, 1].map(() => runCliJsonAsync(['-w', ws.root, 'task', 'status', 'WP-1-T01', 'in_progress', '--if-status', 'todo', '--json']));
    const others = ids.slice(2).map((t) => runCliJsonAsync(['-w', ws.root, 'task', 'status', `WP-1-${t}`, 'done', '--json']));
    const [a, b, ...rest] = await Promise.all([...claims, ...others]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(loser.json).toMatchObject({ kind: 'error', code: 'conflict' });
    expect(loser.json.message).toContain('is in_progress, not todo');
    expect(rest.map((r) => r.code)).toEqual(ids.slice(2).map(() => 0));
    const text = readFileSync(join(ws.repo('alpha'), 'workplans/WP-1.md'), 'utf8');
    expect((text.match(/status: done/g) ?? []).length).toBe(AGENTS - 2);
    expect((text.match(/status: in_progress/g) ?? []).length).toBe(1);
  }, 180_000);
});
