// `custodian new`: every kind from its template at the conventional path, passing `check` with no
// diagnostic at all; the next free id; refusals (an id in use, an existing file); --dry-run; a
// workspace's own template.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliAsync, runCliJsonAsync } from '../helpers/git-repo.js';
import { snapshot, workspace } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

const FENCE = '```';

function fresh() {
  return workspace([{ slug: 'app' }, { slug: 'lib' }], {
    'repos/app/workplans/APP-WP-0007-start.md': ['---', 'id: APP-WP-0007', 'title: Start', 'domain: core', 'repo: app', 'status: active', '---', '', '## One', '', `${FENCE}task`, 'id: T01', 'status: done', FENCE, '', '## Two', '', `${FENCE}task`, 'id: T02', FENCE, ''].join('\n'),
    'repos/app/docs/tasks/APP-12.md': ['---', 'id: APP-12', 'title: Twelve', 'status: todo', '---', ''].join('\n'),
  });
}

describe('custodian new', () => {
  it('creates every kind with the next free id; the workspace then checks clean', async () => {
    const root = fresh();
    const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
    const made = [
      (await cli('new', 'workplan', '--repo', 'app', '--title', 'Claims: hold work', '--json')),
      (await cli('new', 'task', '--repo', 'app', '--title', 'Write the claim command', '--priority', 'high', '--depends-on', 'APP-WP-0007-T01', '--json')),
      (await cli('new', 'goal', '--repo', 'app', '--title', 'Agents never collide', '--priority', '2', '--json')),
      (await cli('new', 'interface-change', '--repo', 'app', '--title', 'claim output', '--change-type', 'additive', '--interface-type', 'cli', '--affected-repo', 'lib', '--json')),
      (await cli('new', 'decision', '--repo', 'app', '--title', 'The remote is the lock', '--description', 'No server: git push decides.', '--json')),
    ];
    for (const result of made) expect(result.code).toBe(0);
    expect(made.map((r) => [r.json.kind, r.json.created, r.json.document.id, r.json.document.file, r.json.document.status])).toEqual([
      ['new', true, 'APP-WP-0008', 'workplans/APP-WP-0008-claims-hold-work.md', 'draft'],
      ['new', true, 'APP-13', 'docs/tasks/APP-13.md', 'todo'],
      ['new', true, 'GOAL-1', 'goals/GOAL-1-agents-never-collide.md', 'active'],
      ['new', true, 'IC-1', 'interface-changes/IC-1-claim-output.md', 'draft'],
      ['new', true, 'ADR-1', 'decisions/ADR-1-the-remote-is-the-lock.md', 'proposed'],
    ]);
    const check = await cli('check', '--format', 'json');
    expect(check.json.diagnostics).toEqual([]);
    expect(check.code).toBe(0);
    expect(readFileSync(join(root, 'repos/app/docs/tasks/APP-13.md'), 'utf8')).toContain('\nid: APP-13\ntitle: Write the claim command\n# todo | in_progress | blocked | done | cancelled\nstatus: todo\n# critical | high | medium | low\npriority: high\ndepends_on: [APP-WP-0007-T01]\n---\n');
    expect((await cli('goal', 'show', 'app:GOAL-1', '--json')).json.goal).toMatchObject({ priority: 2, repo: 'app', status: 'active' });
    expect((await cli('interface-change', 'show', 'IC-1', '--json')).json.interface_change).toMatchObject({ change_type: 'additive', interface_type: 'cli', affected_repos: ['lib'] });
    expect((await cli('decision', 'show', 'ADR-1', '--json')).json.decision.description).toBe('## Context\n\nNo server: git push decides.\n\n## Decision\n\n## Consequences');
    // A second task file continues the sequence; a lib goal starts its own (goal ids are per repo).
    expect((await cli('new', 'task', '--repo', 'app', '--title', 'Another', '--json')).json.document.id).toBe('APP-14');
    expect((await cli('new', 'goal', '--repo', 'lib', '--title', 'Lib goal', '--json')).json.document.id).toBe('GOAL-1');
  }, 180_000);

  it('refuses an id in use, an existing file, and bad values; writes nothing then', async () => {
    const root = fresh();
    const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
    const before = snapshot(root);
    // Task ids are unique across the workspace: a task id declared inside a workplan counts.
    expect(await cli('new', 'task', '--repo', 'lib', '--id', 'APP-WP-0007-T01', '--title', 'X', '--json')).toMatchObject({ code: 1, json: { kind: 'error', code: 'refused' } });
    expect(await cli('new', 'workplan', '--repo', 'lib', '--id', 'APP-WP-0007', '--title', 'X', '--json')).toMatchObject({ code: 1, json: { code: 'refused' } });
    expect(await cli('new', 'memo', '--title', 'X', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('new', 'task', '--repo', 'app', '--title', 'X', '--priority', 'urgent', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('new', 'task', '--repo', 'app', '--title', 'X', '--depends-on', 'NOPE-1', '--json')).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(await cli('new', 'goal', '--repo', 'app', '--title', 'X', '--priority', 'high', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('new', 'workplan', '--repo', 'app', '--title', 'X', '--domain', 'nope', '--json')).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(await cli('new', 'task', '--title', 'X', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('new', 'task', '--repo', 'app', '--id', '../escape', '--title', 'X', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(snapshot(root)).toEqual(before);
    // An untracked file at the path the next id would take.
    mkdirSync(join(root, 'repos/lib/decisions'), { recursive: true });
    writeFileSync(join(root, 'repos/lib/decisions/ADR-1-keep.md'), 'hand-written, not yet a document\n');
    expect(await cli('new', 'decision', '--repo', 'lib', '--title', 'Keep', '--json')).toMatchObject({ code: 1, json: { code: 'refused', reason: 'exists' } });
    expect(readFileSync(join(root, 'repos/lib/decisions/ADR-1-keep.md'), 'utf8')).toBe('hand-written, not yet a document\n');
  }, 180_000);

  it('--dry-run prints the file as a diff and writes nothing; the repo around the current folder is the default', async () => {
    const root = fresh();
    mkdirSync(join(root, 'repos/lib'), { recursive: true });
    const before = snapshot(root);
    const { code, stdout } = await runCliAsync(['new', 'goal', '--title', 'Dry', '--dry-run'], { cwd: join(root, 'repos/lib') });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '--- /dev/null',
        '+++ b/goals/GOAL-1-dry.md',
        '@@ -0,0 +1,12 @@',
        '+---',
        '+# A goal: what a repository (or every repository of a domain) works towards. A repo\'s active',
        "+# goal is its active goal with the lowest priority; with none, its domain's.",
        '+id: GOAL-1',
        '+type: goal',
        '+title: Dry',
        '+# active | achieved | dropped',
        '+status: active',
        '+# an integer, lower first',
        '+repo: lib',
        `+created: ${new Date().toISOString().slice(0, 10)}`,
        '+---',
        '',
      ].join('\n'),
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("uses the workspace's own template, and refuses one that does not make a valid document", async () => {
    const root = fresh();
    mkdirSync(join(root, '.custodian-templates'));
    writeFileSync(join(root, '.custodian-templates/decision.md'), '---\nid: {{id}}\ntype: decision\ntitle: {{title}}\nstatus: {{status}}\nteam: platform\n---\n\n# {{title}}\n\nWhy:\n');
    const made = await runCliJsonAsync(['-w', root, 'new', 'decision', '--repo', 'app', '--title', 'Own', '--json']);
    expect(made.code).toBe(0);
    expect(readFileSync(join(root, 'repos/app', made.json.document.file), 'utf8')).toBe('---\nid: ADR-1\ntype: decision\ntitle: Own\nstatus: proposed\nteam: platform\n---\n\n# Own\n\nWhy:\n');
    writeFileSync(join(root, '.custodian-templates/goal.md'), '---\nid: {{id}}\nowner: {{nobody}}\n---\n');
    expect(await runCliJsonAsync(['-w', root, 'new', 'goal', '--repo', 'app', '--title', 'X', '--json'])).toMatchObject({ code: 2, json: { code: 'invalid-workspace' } });
    writeFileSync(join(root, '.custodian-templates/goal.md'), '---\nid: {{id}}\ntitle: [broken\n---\n');
    expect(await runCliJsonAsync(['-w', root, 'new', 'goal', '--repo', 'app', '--title', 'X', '--json'])).toMatchObject({ code: 2, json: { code: 'invalid-workspace' } });
    expect(existsSync(join(root, 'repos/app/goals'))).toBe(false);
  });
});
