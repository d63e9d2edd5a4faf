// `task status` edits the one status value in place, in every form a task is declared in, and
// nothing else; refusals touch no file.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, gitEnv, removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { snapshot, workspace } from './workspace.js';

afterAll(removeTempDirs);

const FENCE = '```';

function repoWith(files: Record<string, string | Buffer>) {
  const prefixed = Object.fromEntries(Object.entries(files).map(([path, text]) => [`repos/app/${path}`, text]));
  const root = workspace([{ slug: 'app' }, { slug: 'web' }], prefixed);
  return {
    root,
    read: (path: string) => readFileSync(join(root, 'repos', 'app', path), 'utf8'),
    bytes: (path: string) => readFileSync(join(root, 'repos', 'app', path)),
    status: (...args: string[]) => runCli(['-w', root, 'task', 'status', ...args]),
    json: (...args: string[]) => runCliJson(['-w', root, 'task', 'status', ...args, '--json']),
  };
}

const BLOCKS = [
  '---',
  'id: APP-WP-1',
  'title: Plan',
  'status: active',
  'updated: "2026-01-02"',
  '---',
  '',
  '# Plan',
  '',
  '## Build it',
  '',
  `${FENCE}task`,
  'id: APP-WP-1-T01',
  '# the reviewer asked for this comment to stay',
  'status: todo   # trailing comment',
  'priority: high',
  FENCE,
  '',
  'Body.',
  '',
  '## No status yet',
  '',
  `${FENCE}task`,
  'id: APP-WP-1-T02',
  'priority: low',
  FENCE,
  '',
].join('\n');

describe('task status: every declaration form, byte for byte', () => {
  it('edits a block value in place (comments kept), inserts a missing key after id, never bumps updated or rolls up', () => {
    const repo = repoWith({ 'workplans/APP-WP-1.md': BLOCKS });
    expect(repo.status('APP-WP-1-T01', 'wip')).toMatchObject({ code: 0, stdout: 'APP-WP-1-T01: todo → in_progress  (app/workplans/APP-WP-1.md:12)\n' });
    expect(repo.status('APP-WP-1-T02', 'closed').code).toBe(0);
    expect(repo.status('APP-WP-1-T01', 'done').code).toBe(0);
    expect(repo.read('workplans/APP-WP-1.md')).toBe(
      BLOCKS.replace('status: todo   # trailing comment', 'status: done   # trailing comment').replace('id: APP-WP-1-T02\n', 'id: APP-WP-1-T02\nstatus: done\n'),
    );
  });

  it('keeps the `> ` prefixes of a block in a block quote, on an edited and an inserted line', () => {
    const text = ['---', 'id: APP-WP-3', '---', '', '> ## Quoted', '>', `> ${FENCE}task`, '> id: APP-WP-3-T01', '> status: open', `> ${FENCE}`, '>', `> ${FENCE}task`, '> id: APP-WP-3-T02', '> priority: low', `> ${FENCE}`, ''].join('\n');
    const repo = repoWith({ 'workplans/APP-WP-3.md': text });
    expect(repo.status('APP-WP-3-T01', 'in_progress').code).toBe(0);
    expect(repo.status('APP-WP-3-T02', 'blocked').code).toBe(0);
    expect(repo.read('workplans/APP-WP-3.md')).toBe(text.replace('> status: open', '> status: in_progress').replace('> id: APP-WP-3-T02\n', '> id: APP-WP-3-T02\n> status: blocked\n'));
  });

  it('edits indented fences (inside a list item, and indented three spaces)', () => {
    const text = [
      '---',
      'id: APP-WP-2',
      '---',
      '',
      '- Step one:',
      '',
      `  ${FENCE}task`,
      '  id: APP-WP-2-T01',
      '  status: open',
      `  ${FENCE}`,
      '',
      `   ${FENCE}task`,
      '   id: APP-WP-2-T02',
      `   ${FENCE}`,
      '',
    ].join('\n');
    const repo = repoWith({ 'workplans/APP-WP-2.md': text });
    expect(repo.status('APP-WP-2-T01', 'done').code).toBe(0);
    expect(repo.status('APP-WP-2-T02', 'cancelled').code).toBe(0);
    expect(repo.read('workplans/APP-WP-2.md')).toBe(text.replace('  status: open', '  status: done').replace('   id: APP-WP-2-T02\n', '   id: APP-WP-2-T02\n   status: cancelled\n'));
  });

  it('edits a front-matter list item, inserting the key where the item has none', () => {
    const text = ['---', 'id: APP-WP-4', 'status: active', 'tasks:', '  - id: T01', '    title: First', '    status: todo', '  - id: T02', '    title: Second', '---', '', '# Four', ''].join('\n');
    const repo = repoWith({ 'workplans/APP-WP-4.md': text });
    expect(repo.status('APP-WP-4-T01', 'done').code).toBe(0);
    expect(repo.status('APP-WP-4-T02', 'doing').code).toBe(0);
    expect(repo.read('workplans/APP-WP-4.md')).toBe(text.replace('    status: todo', '    status: done').replace('  - id: T02\n', '  - id: T02\n    status: in_progress\n'));
  });

  it('edits a task file, and inserts status after id in one that has none', () => {
    const withStatus = ['---', 'id: APP-7', 'title: A task file', 'status: open', 'scope: narrow', '---', '', '## Description', '', 'Words.', ''].join('\n');
    const without = ['---', 'id: APP-8', 'title: Another', '---', ''].join('\n');
    const repo = repoWith({ 'docs/tasks/APP-7.md': withStatus, 'docs/tasks/APP-8.md': without });
    expect(repo.status('APP-7', 'todo').code).toBe(0);
    expect(repo.status('APP-8', 'wontfix').code).toBe(0);
    expect(repo.read('docs/tasks/APP-7.md')).toBe(withStatus.replace('status: open', 'status: todo'));
    expect(repo.read('docs/tasks/APP-8.md')).toBe(without.replace('id: APP-8\n', 'id: APP-8\nstatus: cancelled\n'));
  });

  it('edits both declarations of a task declared in the list and as a block', () => {
    const text = ['---', 'id: APP-WP-5', 'tasks:', '  - id: T01', '    title: Twice', '    status: todo', '---', '', '### T01 — Twice', '', `${FENCE}task`, 'id: T01', 'status: todo', FENCE, ''].join('\n');
    const repo = repoWith({ 'workplans/APP-WP-5.md': text });
    const { code, json } = repo.json('APP-WP-5-T01', 'done');
    expect(code).toBe(0);
    expect(json).toMatchObject({ schema_version: 1, kind: 'task', task: { id: 'APP-WP-5-T01', status: 'done', status_raw: 'done', declared_in: ['block', 'list'] } });
    expect(repo.read('workplans/APP-WP-5.md')).toBe(text.replace('    status: todo', '    status: done').replace('id: T01\nstatus: todo', 'id: T01\nstatus: done'));
  });

  it('keeps CRLF line endings and the BOM, on an edited and an inserted line', () => {
    const text = BLOCKS.replace(/\n/g, '\r\n');
    const repo = repoWith({ 'workplans/APP-WP-1.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    expect(repo.status('APP-WP-1-T01', 'in_progress').code).toBe(0);
    expect(repo.status('APP-WP-1-T02', 'done').code).toBe(0);
    const expected = text.replace('status: todo   # trailing comment', 'status: in_progress   # trailing comment').replace('id: APP-WP-1-T02\r\n', 'id: APP-WP-1-T02\r\nstatus: done\r\n');
    expect(repo.bytes('workplans/APP-WP-1.md').equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected)]))).toBe(true);
  });

  it('prints the re-synced task as JSON, and leaves a file already at that status alone', () => {
    const repo = repoWith({ 'workplans/APP-WP-1.md': BLOCKS });
    const { json } = repo.json('APP-WP-1-T01', 'in_progress');
    expect(json.task).toMatchObject({ id: 'APP-WP-1-T01', status: 'in_progress', repo_slug: 'app', file: 'workplans/APP-WP-1.md', line: 12 });
    const before = repo.read('workplans/APP-WP-1.md');
    expect(repo.status('APP-WP-1-T01', 'in_progress')).toMatchObject({ code: 0, stdout: 'APP-WP-1-T01: already in_progress, file unchanged  (app/workplans/APP-WP-1.md:12)\n' });
    expect(repo.read('workplans/APP-WP-1.md')).toBe(before);
    // The index follows at once: dispatch sees the new status.
    const dispatch = runCliJson(['-w', repo.root, 'dispatch', 'app', '--json']).json;
    expect(dispatch.active_workstreams[0].pending_tasks.map((t: any) => [t.id, t.status])).toEqual([
      ['APP-WP-1-T01', 'in_progress'],
      ['APP-WP-1-T02', 'todo'],
    ]);
  });
});

describe('task status: refusals touch no file', () => {
  const broken = ['---', 'id: APP-WP-6', '---', '', `${FENCE}task`, 'id: APP-WP-6-T01', 'status: todo', FENCE, '', `${FENCE}task`, 'id: APP-WP-6-T02', 'status: [unclosed', FENCE, ''].join('\n');
  const dup = ['---', 'id: DUP-1', 'title: Twice', '---', ''].join('\n');

  function setup() {
    const root = workspace([{ slug: 'app' }, { slug: 'web' }], {
      'repos/app/workplans/APP-WP-6.md': broken,
      'repos/app/workplans/APP-WP-1.md': BLOCKS,
      'repos/app/docs/tasks/DUP-1.md': dup,
      'repos/web/docs/tasks/DUP-1.md': dup,
    });
    return { root, before: snapshot(root), run: (...args: string[]) => runCliJson(['-w', root, 'task', 'status', ...args, '--json']) };
  }

  it('refuses a file with parse errors, an unknown id, an invalid status, an ambiguous id, a failed claim', () => {
    const { root, before, run } = setup();
    const refusal = run('APP-WP-6-T01', 'done');
    expect(refusal).toMatchObject({ code: 1, json: { kind: 'error', code: 'refused', diagnostics: [{ rule_id: 'task/parse', line: 12 }] } });
    expect(run('NOPE-1', 'done')).toMatchObject({ code: 1, json: { kind: 'error', code: 'not-found', message: 'no task NOPE-1 in the workspace' } });
    expect(run('APP-WP-1-T01', 'finished')).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    expect(run('APP-WP-1-T01', 'done', '--if-status', 'maybe')).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    const ambiguous = run('DUP-1', 'done');
    expect(ambiguous).toMatchObject({ code: 1, json: { kind: 'error', code: 'ambiguous' } });
    expect(ambiguous.json.message).toContain('name one as app:DUP-1');
    expect(ambiguous.json.candidates.map((c: any) => c.repo_slug)).toEqual(['app', 'web']);
    expect(run('APP-WP-1-T01', 'in_progress', '--if-status', 'in_progress')).toMatchObject({
      code: 1,
      json: { kind: 'error', code: 'conflict', message: 'task APP-WP-1-T01 is todo, not in_progress: not changing it' },
    });
    expect(snapshot(root)).toEqual(before);
    // repo:id names one of the duplicates.
    expect(run('web:DUP-1', 'done')).toMatchObject({ code: 0, json: { task: { id: 'DUP-1', repo_slug: 'web', status: 'done' } } });
    expect(readFileSync(join(root, 'repos/web/docs/tasks/DUP-1.md'), 'utf8')).toBe(dup.replace('id: DUP-1\n', 'id: DUP-1\nstatus: done\n'));
    expect(readFileSync(join(root, 'repos/app/docs/tasks/DUP-1.md'), 'utf8')).toBe(dup);
  });
});

describe('task status --if-status: a claim', () => {
  function runAsync(args: string[]): Promise<{ code: number; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...gitEnv(), NO_COLOR: '1' } });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
    });
  }

  it('lets exactly one of two agents racing for the same task win', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 3; i++) files[`repos/app/docs/tasks/RACE-${i}.md`] = ['---', `id: RACE-${i}`, 'title: Contested', 'status: todo', '---', ''].join('\n');
    const root = workspace([{ slug: 'app' }], files);
    runCli(['-w', root, 'sync']);
    for (let i = 1; i <= 3; i++) {
      const claim = ['-w', root, 'task', 'status', `RACE-${i}`, 'in_progress', '--if-status', 'todo', '--json'];
      const results = await Promise.all([runAsync(claim), runAsync(claim)]);
      const codes = results.map((r) => r.code).sort();
      expect(codes).toEqual([0, 1]);
      const loser = JSON.parse(results.find((r) => r.code === 1)!.stdout);
      expect(loser).toMatchObject({ kind: 'error', code: 'conflict' });
      expect(readFileSync(join(root, `repos/app/docs/tasks/RACE-${i}.md`), 'utf8')).toBe(files[`repos/app/docs/tasks/RACE-${i}.md`].replace('status: todo', 'status: in_progress'));
    }
  });
});
