// Small things that should not surprise: every command answers an unknown repo alike, a sync that
// changed nothing says so in one line (with the right plurals) instead of repeating every old
// diagnostic, and a repo cannot be moved into an archived domain.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

describe('an unknown repo', () => {
  it('is not-found (exit 1) for every command that takes a repo', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    const commands = [
      ['check', '--repo', 'nope', '--format', 'json'],
      ['dispatch', 'nope', '--json'],
      ['next', 'nope', '--json'],
      ['doi', 'nope', '--json'],
      ['task', 'list', '--repo', 'nope', '--json'],
      ['workplan', 'list', '--repo', 'nope', '--json'],
      ['repo', 'show', 'nope', '--json'],
      ['repo', 'update', 'nope', '--name', 'X', '--json'],
    ];
    for (const command of commands) {
      const { code, json } = runCliJson(['-w', ws.root, ...command]);
      expect([command.join(' '), code, json.code, json.message]).toEqual([command.join(' '), 1, 'not-found', 'no repo nope in the workspace (try `custodian repo list`)']);
    }
  });
});

describe('sync, for people', () => {
  it('after a change lists the diagnostics; on a no-op says so in one line, with the right plurals', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': '---\nid: A-1\n---\n\n```task\nid: A-1-T1\n```\n\n```task\nstatus: todo\n```\n' } });
    const first = runCli(['-w', ws.root, 'sync']);
    expect(first.stdout).toContain('alpha/workplans/A-1.md');
    expect(first.stderr).toMatch(/^synced 1 repo: 1 file scanned, 1 read, 1 parsed, 0 removed; 1 document, 2 tasks; 1 error, 0 warnings \(\d+ ms\)\n$/);
    const again = runCli(['-w', ws.root, 'sync']);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^index up to date: 1 repo, 1 file; 1 document, 2 tasks; 1 error, 0 warnings \(custodian check lists them\) \(\d+ ms\)\n$/);
  });
});

describe('repo update --domain', () => {
  it('refuses an archived domain (exit 1), changing nothing', () => {
    const ws = tempWorkspace({ alpha: {} });
    const registry = join(ws.root, 'custodian.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('repos:\n', '  - slug: attic\n    name: Attic\n    status: archived\nrepos:\n'));
    const before = readFileSync(registry, 'utf8');
    const { code, json } = runCliJson(['-w', ws.root, 'repo', 'update', 'alpha', '--domain', 'attic', '--json']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ kind: 'error', code: 'refused', reason: 'archived-domain' });
    expect(json.message).toContain('domain attic is archived: cannot move repo alpha into it');
    expect(readFileSync(registry, 'utf8')).toBe(before);
  });
});
