// Events end to end through the CLI: derived from commits only, once, identically in every clone;
// the outbox outlives the index; rewritten history repeats nothing; backfill on purpose.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { git, PROJECT_ROOT, removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';
import { brief, cli, cliJson, commitFiles, daysBefore, eventsAsync as events, NOW, registry, repoWith, TEST_MS, workplan, workspaceRepo } from './workspace.js';

afterAll(removeTempDirs);

const env = { CUSTODIAN_NOW: NOW };
const head = (dir: string) => git(dir, ['rev-parse', 'HEAD']).trim();

describe('events derived from commits', { timeout: TEST_MS }, () => {
  const alpha = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo'], ['T02', 'in_progress']]) });
  const root = workspaceRepo([{ slug: 'alpha', dir: alpha }]);

  it('records HEAD on the first sync and emits nothing for older history', async () => {
    const sync = await cli(['-w', root, 'sync']);
    expect(sync.code).toBe(0);
    expect(sync.stderr).not.toContain('custodian: warning');
    expect(await events(root)).toEqual([]);
    expect(existsSync(join(root, '.custodian', 'outbox.sqlite'))).toBe(true);
  });

  it('emits nothing for a working-tree edit until it is committed', async () => {
    writeFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'in_progress']]) });
    expect((await cli(['-w', root, 'next', '--json'])).code).toBe(0);
    expect(await events(root)).toEqual([]);
    const commit = commitFiles(alpha, {}, 'T01 done', daysBefore(1));
    const list = await events(root);
    expect(brief(list)).toEqual(['task.completed WP-1-T01 todo→done']);
    expect(list[0]).toMatchObject({
      specversion: '1.0',
      source: 'custodian:alpha',
      type: 'org.custodian.task.completed',
      subject: 'WP-1-T01',
      time: daysBefore(1),
      datacontenttype: 'application/json',
      data: { repo: 'alpha', domain: 'payments', file: 'workplans/WP-1.md', kind: 'task', id: 'WP-1-T01', title: 'Task T01', commit, workplan_id: 'WP-1' },
      published_at: null,
    });
  });

  it('derives in the automatic sync of a read command, once', async () => {
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'completed', [['T01', 'done'], ['T02', 'done']]) }, 'all done', daysBefore(0.5));
    expect((await cli(['-w', root, 'task', 'list', '--json'])).code).toBe(0);
    expect(brief(await events(root, ['--no-sync']))).toEqual([
      'task.completed WP-1-T01 todo→done',
      'workstream.completed WP-1 active→completed',
      'task.completed WP-1-T02 in_progress→done',
    ]);
    expect(await events(root)).toHaveLength(3);
  });

  it('never emits again when the index is deleted or rebuilt', async () => {
    const before = (await events(root)).map((e) => e.id);
    rmSync(join(root, '.custodian', 'index.sqlite'));
    expect((await events(root)).map((e) => e.id)).toEqual(before);
    expect((await cli(['-w', root, 'sync', '--full'])).code).toBe(0);
    expect((await events(root)).map((e) => e.id)).toEqual(before);
  });

  it('emits repo.registered when the committed custodian.yaml gains a repo', async () => {
    const beta = repoWith({ 'workplans/B-1.md': workplan('B-1', 'active', [['T01', 'todo']]) });
    writeFiles(root, { 'custodian.yaml': registry([{ slug: 'alpha', dir: alpha }, { slug: 'beta', dir: beta, remote_url: 'https://git.example.org/beta.git' }]) });
    expect(await events(root, ['--type', 'repo.registered'])).toEqual([]);
    const commit = commitFiles(root, {}, 'register beta', daysBefore(0.25));
    const [registered] = await events(root, ['--type', 'org.custodian.repo.registered']);
    expect(registered).toMatchObject({
      type: 'org.custodian.repo.registered',
      source: 'https://git.example.org/beta.git',
      subject: 'beta',
      data: { repo: 'beta', domain: 'payments', file: 'custodian.yaml', kind: 'repo', id: 'beta', title: 'beta', old_value: null, new_value: 'registered', commit },
    });
  });

  it('filters by --pending, --since and --type, and refuses unknown ones (usage, exit 2)', async () => {
    expect(await events(root, ['--pending'])).toHaveLength(4);
    expect(brief(await events(root, ['--since', daysBefore(0.6)]))).toEqual([
      'workstream.completed WP-1 active→completed',
      'task.completed WP-1-T02 in_progress→done',
      'repo.registered beta -→registered',
    ]);
    expect(await events(root, ['--type', 'task.completed,workstream.completed'])).toHaveLength(3);
    const badType = await cliJson(['-w', root, 'events', '--json', '--type', 'task.done']);
    expect(badType.code).toBe(2);
    expect(badType.json).toMatchObject({ kind: 'error', code: 'usage' });
    expect(badType.json.message).toContain('unknown event type "task.done"');
    const badSince = await cliJson(['-w', root, 'events', '--json', '--since', 'last week']);
    expect(badSince.code).toBe(2);
    expect(badSince.json.message).toContain('--since "last week" is not a date');
  });

  it('prints a line per event and a summary on stderr', async () => {
    const result = await cli(['-w', root, 'events', '--type', 'repo.registered']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\S+Z {2}repo\.registered +beta {2}beta {2}\(new\) → registered {2}pending\n$/);
    expect(result.stderr).toBe('1 event, 1 pending\n');
  });

  it('refuses to publish without NATS_URL (usage, exit 2)', async () => {
    const result = await cliJson(['-w', root, 'events', 'publish', '--json'], { ...env, NATS_URL: '' });
    expect(result.code).toBe(2);
    expect(result.json).toMatchObject({ kind: 'error', code: 'usage' });
    expect(result.json.message).toContain('NATS_URL is not set');
  });
});

describe('every event type, against the published schema', { timeout: TEST_MS }, () => {
  it('derives each type with its data, and every event validates against schemas/event.schema.json', async () => {
    const files = {
      'workplans/WP-7.md': workplan('WP-7', 'active', [['T01', 'todo']]),
      'decisions/ADR-1.md': '---\nid: ADR-1\ntitle: Use JetStream\nstatus: proposed\n---\n',
      'goals/G-1.md': '---\nid: G-1\ntitle: Ship events\nstatus: dropped\npriority: 1\n---\n',
      'interface-changes/IC-1.md': '---\nid: IC-1\ntitle: New subject\nstatus: draft\naffected_repos: [alpha, beta]\n---\n',
      'docs/tasks/TASK-9.md': '---\nid: TASK-9\ntitle: Loose task\nstatus: in_progress\n---\n',
    };
    const alpha = repoWith(files);
    const root = workspaceRepo([{ slug: 'alpha', dir: alpha }]);
    expect((await cli(['-w', root, 'sync'])).code).toBe(0);
    commitFiles(
      alpha,
      {
        'workplans/WP-7.md': workplan('WP-7', 'completed', [['T01', 'done']]),
        'decisions/ADR-1.md': files['decisions/ADR-1.md'].replace('proposed', 'accepted'),
        'goals/G-1.md': files['goals/G-1.md'].replace('dropped', 'active'),
        'interface-changes/IC-1.md': files['interface-changes/IC-1.md'].replace('draft', 'published'),
        'docs/tasks/TASK-9.md': files['docs/tasks/TASK-9.md'].replace('in_progress', 'done'),
      },
      'everything moves',
      daysBefore(1),
    );
    const list = await events(root);
    expect(brief(list).sort()).toEqual([
      'decision.resolved ADR-1 proposed→accepted',
      'goal.activated G-1 dropped→active',
      'interface_change.published IC-1 draft→published',
      'task.completed TASK-9 in_progress→done',
      'task.completed WP-7-T01 todo→done',
      'workstream.completed WP-7 active→completed',
    ]);
    expect(list.find((e) => e.subject === 'IC-1')!.data.affected_repos).toEqual(['alpha', 'beta']);
    const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'event.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const { published_at, ...event } of list) {
      expect(published_at).toBeNull();
      expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ ...list[0], data: { ...list[0].data, extra: 1 } })).toBe(false);
  });
});

describe('identical ids in every clone', { timeout: TEST_MS }, () => {
  it('two clones syncing at different moments derive the same events with the same ids', async () => {
    const origin = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo'], ['T02', 'todo']]) });
    const originWs = tempDir('custodian-origin-ws-');
    git(originWs, ['init', '-q', '-b', 'main']);
    writeFiles(originWs, { '.gitignore': '.custodian/\nalpha/\n', 'custodian.yaml': registry([{ slug: 'alpha', dir: 'alpha' }]) });
    commitFiles(originWs, {}, 'registry', daysBefore(30));
    const clone = async () => {
      const ws = tempDir('custodian-clone-');
      git(ws, ['clone', '-q', originWs, '.']);
      git(ws, ['clone', '-q', origin, 'alpha']);
      expect((await cli(['-w', ws, 'sync'])).code).toBe(0);
      return ws;
    };
    const a = await clone();
    const b = await clone();
    commitFiles(origin, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'todo']]) }, 'T01', daysBefore(3));
    git(join(b, 'alpha'), ['pull', '-q', '--ff-only']);
    expect(brief(await events(b))).toEqual(['task.completed WP-1-T01 todo→done']);
    commitFiles(origin, { 'workplans/WP-1.md': workplan('WP-1', 'completed', [['T01', 'done'], ['T02', 'done']]) }, 'all', daysBefore(2));
    writeFiles(originWs, { 'custodian.yaml': registry([{ slug: 'alpha', dir: 'alpha' }, { slug: 'beta', dir: 'beta' }]) });
    commitFiles(originWs, {}, 'register beta', daysBefore(1));
    for (const ws of [a, b]) {
      git(join(ws, 'alpha'), ['pull', '-q', '--ff-only']);
      git(ws, ['pull', '-q', '--ff-only']);
    }
    const fromA = await events(a);
    const fromB = await events(b);
    expect(brief(fromA)).toEqual([
      'task.completed WP-1-T01 todo→done',
      'workstream.completed WP-1 active→completed',
      'task.completed WP-1-T02 todo→done',
      'repo.registered beta -→registered',
    ]);
    expect(fromB.map((e) => e.id).sort()).toEqual(fromA.map((e) => e.id).sort());
    expect(fromB.map(({ published_at, ...e }) => e).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      fromA.map(({ published_at, ...e }) => e).sort((x, y) => x.id.localeCompare(y.id)),
    );
  });
});

describe('rewritten history', { timeout: TEST_MS }, () => {
  it('an amend (a rewrite, as a rebase or force-push is) or a reset and re-commit repeats no event; a real new change still makes one', async () => {
    const alpha = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo'], ['T02', 'todo'], ['T03', 'todo']]) });
    const root = workspaceRepo([{ slug: 'alpha', dir: alpha }]);
    expect((await cli(['-w', root, 'sync'])).code).toBe(0);
    const base = head(alpha);
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'todo'], ['T03', 'todo']]) }, 'T01', daysBefore(5));
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T01 todo→done']);
    git(alpha, ['commit', '-q', '--amend', '-m', 'T01, reworded'], { GIT_COMMITTER_DATE: daysBefore(4) });
    const amend = await cli(['-w', root, 'sync']);
    expect(amend.stderr).not.toContain('custodian: warning');
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T01 todo→done']);
    git(alpha, ['reset', '-q', '--hard', base]);
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T01 todo→done']);
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'done'], ['T03', 'todo']]) }, 'T01 and T02', daysBefore(3));
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T01 todo→done', 'task.completed WP-1-T02 todo→done']);
    // Reopened and completed again on the new history: a real second completion.
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo'], ['T02', 'done'], ['T03', 'todo']]) }, 'reopen', daysBefore(2));
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'done'], ['T03', 'todo']]) }, 'again', daysBefore(1));
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T01 todo→done', 'task.completed WP-1-T02 todo→done', 'task.completed WP-1-T01 todo→done']);
  });

  it('resumes from HEAD with one warning when the last derived commit is gone from the repository', async () => {
    const dir = tempDir('custodian-replaced-');
    const root = workspaceRepo([{ slug: 'alpha', dir }]);
    git(dir, ['init', '-q', '-b', 'main']);
    commitFiles(dir, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo']]) }, 'one', daysBefore(10));
    expect((await cli(['-w', root, 'sync'])).code).toBe(0);
    // Another repository at the same path: the old commit is not in it.
    rmSync(join(dir, '.git'), { recursive: true, force: true });
    git(dir, ['init', '-q', '-b', 'main']);
    commitFiles(dir, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done']]) }, 'other', daysBefore(9));
    const sync = await cli(['-w', root, 'sync']);
    expect(sync.code).toBe(0);
    expect(sync.stderr.match(/warning: events: repo alpha: the last derived commit [0-9a-f]{40} is no longer in the repository \(history rewritten\); events resume from HEAD/g)).toHaveLength(1);
    expect(await events(root)).toEqual([]);
    commitFiles(dir, { 'workplans/WP-1.md': workplan('WP-1', 'completed', [['T01', 'done']]) }, 'done', daysBefore(8));
    expect(brief(await events(root))).toEqual(['workstream.completed WP-1 active→completed']);
  });
});

describe('events backfill', { timeout: TEST_MS }, () => {
  it('derives past events since a date on purpose, once', async () => {
    const alpha = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo'], ['T02', 'todo']]) }, daysBefore(20));
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'todo']]) }, 'T01', daysBefore(10));
    commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'done'], ['T02', 'done']]) }, 'T02', daysBefore(5));
    const root = workspaceRepo([{ slug: 'alpha', dir: alpha }], daysBefore(35));
    expect((await cli(['-w', root, 'sync'])).code).toBe(0);
    expect(await events(root)).toEqual([]);
    const first = await cliJson(['-w', root, 'events', 'backfill', '--since', daysBefore(7).slice(0, 10), '--json']);
    expect(first.code).toBe(0);
    expect(first.json).toEqual({ schema_version: 1, kind: 'event-backfill', since: `${daysBefore(7).slice(0, 10)}T00:00:00.000Z`, derived: 1 });
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T02 todo→done']);
    expect((await cliJson(['-w', root, 'events', 'backfill', '--since', daysBefore(30), '--json'])).json.derived).toBe(1);
    expect((await cliJson(['-w', root, 'events', 'backfill', '--since', daysBefore(30), '--json'])).json.derived).toBe(0);
    expect(brief(await events(root))).toEqual(['task.completed WP-1-T02 todo→done', 'task.completed WP-1-T01 todo→done']);
    const missing = await cli(['-w', root, 'events', 'backfill']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--since <date>' not specified");
  });
});

describe('task.stale', { timeout: TEST_MS }, () => {
  it('comes from C14 facts once per stale period, at the explicit sync or the events command, never from a read command', async () => {
    const alpha = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'in_progress'], ['T02', 'in_progress']]) }, daysBefore(50));
    const root = workspaceRepo([{ slug: 'alpha', dir: alpha }], daysBefore(50));
    // First sync 30 days ago: both tasks are already stale then, which is older history.
    expect((await cli(['-w', root, 'sync'], { CUSTODIAN_NOW: daysBefore(30) })).code).toBe(0);
    const touched = commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'in_progress'], ['T02', 'in_progress']]).replace('id: T02\n', 'id: T02\npriority: high\n') }, 'touch T02', daysBefore(20));
    const at = (days: number) => ({ CUSTODIAN_NOW: daysBefore(days) });
    expect((await cli(['-w', root, 'sync'], at(19))).code).toBe(0);
    // T02 becomes stale 14 days after its touch (6 days ago); a read command does not look.
    expect((await cli(['-w', root, 'next', '--json'], at(1))).code).toBe(0);
    expect(await events(root, ['--no-sync'])).toEqual([]);
    expect((await cli(['-w', root, 'sync'], at(1))).code).toBe(0);
    const list = await events(root, ['--no-sync']);
    expect(brief(list)).toEqual(['task.stale WP-1-T02 in_progress→stale']);
    expect(list[0]).toMatchObject({ time: daysBefore(6), data: { commit: touched, last_touched_at: daysBefore(20), workplan_id: 'WP-1', file: 'workplans/WP-1.md' } });
    expect(await events(root, [], at(0))).toHaveLength(1);
    expect((await cli(['-w', root, 'sync'], at(-3))).code).toBe(0);
    expect(await events(root, [], at(-3))).toHaveLength(1);
  });
});
