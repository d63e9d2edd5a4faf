// An archived repo is history: sync does not warn that its checkout is gone, `next` across repos
// and `doi` of every repo leave it out; named explicitly, it still answers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const plan = (id: string, status: string, priority: string) =>
  `---\nid: ${id}\nstatus: active\n---\n\n\`\`\`task\nid: ${id}-T1\nstatus: ${status}\npriority: ${priority}\n\`\`\`\n`;

describe('archived repos', () => {
  const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': plan('A-1', 'todo', 'low') }, kept: { 'workplans/K-1.md': plan('K-1', 'todo', 'critical') } });
  writeFileSync(
    join(ws.root, 'custodian.yaml'),
    [
      'version: 1',
      'domains:',
      '  - slug: core',
      '    name: Core',
      '  - slug: attic',
      '    name: Attic',
      '    status: archived',
      'repos:',
      '  - slug: alpha',
      '    name: alpha',
      '    domain: core',
      '    path: repos/alpha',
      '  - slug: kept',
      '    name: kept',
      '    domain: core',
      '    path: repos/kept',
      '    status: archived',
      '  - slug: gone',
      '    name: gone',
      '    domain: core',
      '    path: repos/gone',
      '    status: archived',
      '  - slug: gone-too',
      '    name: gone-too',
      '    domain: attic',
      '    path: repos/gone-too',
      '',
    ].join('\n'),
  );

  it('sync does not warn about an archived repo whose checkout is gone', () => {
    const json = runCliJson(['-w', ws.root, 'sync', '--json']);
    expect(json.json.unreachable_repos).toEqual([]);
    expect(json.stderr).toBe('');
    const human = runCli(['-w', ws.root, 'task', 'list']);
    expect(human.stderr).not.toContain('checkout not found');
  });

  it('next across repos leaves an archived repo out; named, it answers', () => {
    expect(runCliJson(['-w', ws.root, 'next', '--json']).json.task).toMatchObject({ id: 'A-1-T1', repo_slug: 'alpha' });
    expect(runCliJson(['-w', ws.root, 'next', 'kept', '--json']).json.task).toMatchObject({ id: 'K-1-T1', repo_slug: 'kept' });
  });

  it('doi of every repo leaves archived repos out; named, one answers', () => {
    expect(runCliJson(['-w', ws.root, 'doi', '--json']).json.items.map((i: any) => i.repo_slug)).toEqual(['alpha']);
    expect(runCliJson(['-w', ws.root, 'doi', 'kept', '--json']).json.items.map((i: any) => i.repo_slug)).toEqual(['kept']);
  });
});
