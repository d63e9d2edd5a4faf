// `check --staged` in a real pre-commit hook running the real CLI, in a repo with no registry
// (single-repo mode): the staged blobs decide, not the working tree.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { CLI, git, gitRepo, removeTempDirs, runCli, runCliJson, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const GOOD = '---\nid: X-WP-1\n---\n\n```task\nid: X-WP-1-T01\nstatus: todo\n```\n';
const BROKEN = '---\nid: X-WP-1\n---\n\n```task\nid: X-WP-1-T01\nstatus: [todo\n```\n';
const FILE = 'workplans/X-WP-1-plan.md';

let root: string;
let env: Record<string, string>;

beforeEach(() => {
  root = gitRepo({ [FILE]: GOOD, 'README.md': '# x\n' });
  env = { XDG_CACHE_HOME: tempDir('custodian-cache-') };
  const hook = join(root, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" check --staged\n`);
  chmodSync(hook, 0o755);
});

function commit(args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: git(root, ['commit', '-q', ...args], env) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const head = () => git(root, ['rev-parse', 'HEAD']).trim();

describe('pre-commit hook running check --staged', () => {
  test('a broken staged version is refused even when the working tree is fine', () => {
    writeFileSync(join(root, FILE), BROKEN);
    git(root, ['add', FILE]);
    writeFileSync(join(root, FILE), GOOD.replace('todo', 'in_progress'));
    const before = head();
    const result = commit(['-m', 'broken']);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('task/parse');
    expect(result.output).toContain(FILE);
    expect(head()).toBe(before);
  });

  test('a good staged version is accepted even when the working tree is broken', () => {
    writeFileSync(join(root, FILE), GOOD.replace('todo', 'in_progress'));
    git(root, ['add', FILE]);
    writeFileSync(join(root, FILE), BROKEN);
    const before = head();
    expect(commit(['-m', 'good']).ok).toBe(true);
    expect(head()).not.toBe(before);
  });

  test('git commit -a checks what -a stages (the hook gets a temporary index)', () => {
    writeFileSync(join(root, FILE), BROKEN);
    const result = commit(['-a', '-m', 'all']);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('task/parse');
  });

  test('a commit with no planning file staged passes', () => {
    writeFileSync(join(root, 'README.md'), '# x\n\nmore\n');
    writeFileSync(join(root, FILE), BROKEN); // not staged
    git(root, ['add', 'README.md']);
    expect(commit(['-m', 'readme']).ok).toBe(true);
  });
});

describe('check --staged from the command line', () => {
  test('reports the staged text with its own line numbers; nothing staged is exit 0 with no output', () => {
    const none = runCli(['check', '--staged'], { cwd: root, env });
    expect([none.code, none.stdout]).toEqual([0, '']);
    writeFileSync(join(root, FILE), '---\nid: X-WP-1\n---\n\n\n\n```task\nid: X-WP-1-T01\nstatus: [todo\n```\n');
    git(root, ['add', FILE]);
    writeFileSync(join(root, FILE), GOOD);
    const { code, json } = runCliJson(['check', '--staged', '--format', 'json'], { cwd: root, env });
    expect(code).toBe(1);
    expect(json.mode).toBe('single-repo');
    expect(json.diagnostics.map((d: any) => [d.file, d.line, d.rule_id])).toEqual([[FILE, 9, 'task/parse']]);
  });

  test('a file staged for deletion no longer provides its ids', () => {
    writeFileSync(join(root, 'workplans/X-WP-2-next.md'), '---\nid: X-WP-2\n---\n\n```task\nid: X-WP-2-T01\ndepends_on: [X-WP-1-T01]\n```\n');
    git(root, ['add', '-A']);
    git(root, ['rm', '-q', '--cached', FILE]);
    const { code, json } = runCliJson(['check', '--staged', '--json'], { cwd: root, env });
    expect(code).toBe(0);
    expect(json.diagnostics.map((d: any) => [d.file, d.rule_id, d.severity])).toEqual([['workplans/X-WP-2-next.md', 'dependency/unresolved', 'info']]);
  });

  test('--fix with --staged is a usage error', () => {
    expect(runCli(['check', '--staged', '--fix'], { cwd: root, env }).code).toBe(2);
  });
});

test('single-repo mode: no registry, registry rules skipped, the index kept out of the repo', () => {
  const repo = gitRepo({ 'workplans/X-WP-1.md': '---\nid: X-WP-1\ndomain: anything\nrepo: elsewhere\n---\n\n```task\nid: X-WP-1-T01\ndepends_on: [OTHER-1]\n```\n' });
  const cache = tempDir('custodian-cache-');
  const { code, json } = runCliJson(['check', '--json'], { cwd: repo, env: { XDG_CACHE_HOME: cache } });
  expect(code).toBe(0);
  expect(json).toMatchObject({ mode: 'single-repo', error_count: 0, warning_count: 0 });
  expect(json.diagnostics.map((d: any) => [d.rule_id, d.line, d.column])).toEqual([['dependency/unresolved', 9, 14]]);
  expect(git(repo, ['status', '--porcelain'])).toBe('');
});

test('a workspace whose repos are folders of one work tree: staged files map to their repos', () => {
  const root = gitRepo({
    'custodian.yaml': 'version: 1\ndomains:\n  - slug: d\n    name: D\nrepos:\n  - slug: api\n    name: API\n    domain: d\n    path: repos/api\n  - slug: cli\n    name: CLI\n    domain: d\n    path: repos/cli\n',
    'repos/api/workplans/API-WP-1.md': '---\nid: API-WP-1\n---\n\n```task\nid: API-WP-1-T01\n```\n',
    'repos/cli/workplans/CLI-WP-1.md': '---\nid: CLI-WP-1\n---\n\n```task\nid: CLI-WP-1-T01\n```\n',
  });
  writeFileSync(join(root, 'repos/cli/workplans/CLI-WP-1.md'), '---\nid: CLI-WP-1\n---\n\n```task\nid: API-WP-1-T01\ndepends_on: [API-WP-1-T09]\n```\n');
  git(root, ['add', '-A']);
  const { code, json } = runCliJson(['check', '--staged', '--json'], { cwd: root });
  expect(code).toBe(1);
  expect(json.mode).toBe('workspace');
  expect(json.diagnostics.map((d: any) => [d.repo, d.file, d.line, d.rule_id, d.related?.[0]?.repo ?? null])).toEqual([
    ['cli', 'workplans/CLI-WP-1.md', 6, 'task/duplicate-id', 'api'],
    ['cli', 'workplans/CLI-WP-1.md', 7, 'dependency/unknown', null],
  ]);
});
