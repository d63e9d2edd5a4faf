import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CustodianError } from '../../src/errors.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { DEFAULT_INCLUDE } from '../../src/workspace/types.js';
import { git, gitRepo, removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const REGISTRY = (name: string) =>
  `version: 1\ndomains:\n  - slug: core\n    name: ${name}\nrepos:\n  - slug: api\n    name: API\n    domain: core\n    path: ../api\n`;

/** A workspace folder (not a git repo) named `name` holding a registry and nested folders. */
function workspaceFolder(name: string): string {
  const root = tempDir(`custodian-${name}-`);
  writeFiles(root, { 'custodian.yaml': REGISTRY(name), 'deep/nested/folder/.keep': '' });
  return root;
}

const hash16 = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 16);
const ENV = { HOME: '/home/tester' };

describe('workspace discovery precedence', () => {
  const flagged = workspaceFolder('flag');
  const fromEnv = workspaceFolder('env');
  const around = workspaceFolder('around');
  const cwd = join(around, 'deep', 'nested', 'folder');
  const domainName = async (options: Parameters<typeof resolveWorkspace>[0]) =>
    (await resolveWorkspace(options)).domains[0].name;

  it('--workspace wins over CUSTODIAN_WORKSPACE and the folders above', async () => {
    expect(await domainName({ cwd, workspace: flagged, env: { ...ENV, CUSTODIAN_WORKSPACE: fromEnv } })).toBe('flag');
  });

  it('CUSTODIAN_WORKSPACE wins over the folders above', async () => {
    expect(await domainName({ cwd, env: { ...ENV, CUSTODIAN_WORKSPACE: fromEnv } })).toBe('env');
  });

  it('else the nearest custodian.yaml above a nested folder', async () => {
    const ws = await resolveWorkspace({ cwd, env: ENV });
    expect(ws).toMatchObject({
      mode: 'workspace',
      root: around,
      config_file: join(around, 'custodian.yaml'),
      local_file: null,
      index_path: join(around, '.custodian', 'index.sqlite'),
      config_text: REGISTRY('around'),
    });
    expect(ws.repos.map((r) => r.checkout)).toEqual([join(around, '..', 'api')]);
  });

  it('resolves relative --workspace and CUSTODIAN_WORKSPACE against the current folder, and accepts the file itself', async () => {
    expect((await resolveWorkspace({ cwd: join(flagged, 'deep'), workspace: '..', env: ENV })).root).toBe(flagged);
    expect((await resolveWorkspace({ cwd: flagged, env: { ...ENV, CUSTODIAN_WORKSPACE: './deep/..' } })).root).toBe(flagged);
    expect((await resolveWorkspace({ cwd, workspace: join(fromEnv, 'custodian.yaml'), env: ENV })).root).toBe(fromEnv);
  });

  it('prefers a registry above over the git repo around the current folder', async () => {
    const root = gitRepo({ 'custodian.yaml': REGISTRY('versioned'), 'workplans/a.md': 'a' });
    const ws = await resolveWorkspace({ cwd: join(root, 'workplans'), env: ENV });
    expect(ws.mode).toBe('workspace');
    expect(ws.root).toBe(root);
  });

  it('else single-repo mode in the git work tree around the current folder', async () => {
    const parent = tempDir();
    const repo = join(parent, 'My Project.v2');
    mkdirSync(repo);
    git(repo, ['init', '-q']);
    writeFiles(repo, { 'docs/tasks/t.md': 't' });
    const ws = await resolveWorkspace({ cwd: join(repo, 'docs', 'tasks'), env: { ...ENV, XDG_CACHE_HOME: '/xdg' } });
    expect(ws).toEqual({
      mode: 'single-repo',
      root: repo,
      config_file: null,
      local_file: null,
      domains: [],
      repos: [
        {
          slug: 'my-project-v2',
          name: 'My Project.v2',
          domain: null,
          path: '.',
          checkout: repo,
          host_paths: {},
          remote_url: null,
          fingerprint: null,
          description: null,
          status: 'active',
          include: [...DEFAULT_INCLUDE],
          rules: {},
          extra: {},
        },
      ],
      rules: {},
      index_path: `/xdg/custodian/${hash16(repo)}/index.sqlite`,
      index_source: 'default',
      config_text: null,
    });
  });

  it('uses the linked worktree itself in single-repo mode', async () => {
    const repo = gitRepo({ 'workplans/a.md': 'a' });
    const worktree = join(tempDir(), 'feature-wt');
    git(repo, ['worktree', 'add', '-q', '-b', 'feature', worktree]);
    const ws = await resolveWorkspace({ cwd: join(worktree, 'workplans'), env: ENV });
    expect(ws.mode).toBe('single-repo');
    expect(ws.root).toBe(worktree);
    expect(ws.repos[0].slug).toBe('feature-wt');
    expect(ws.index_path).toBe(`/home/tester/.cache/custodian/${hash16(worktree)}/index.sqlite`);
  });
});

describe('index path overrides', () => {
  it('--index beats CUSTODIAN_INDEX, both relative to the current folder', async () => {
    const root = workspaceFolder('idx');
    const env = { ...ENV, CUSTODIAN_INDEX: 'from-env.sqlite' };
    expect((await resolveWorkspace({ cwd: root, index: '/tmp/flag.sqlite', env })).index_path).toBe('/tmp/flag.sqlite');
    expect((await resolveWorkspace({ cwd: join(root, 'deep'), env })).index_path).toBe(join(root, 'deep', 'from-env.sqlite'));
  });

  it('applies to single-repo mode too', async () => {
    const repo = gitRepo({ 'a.md': 'a' });
    expect((await resolveWorkspace({ cwd: repo, index: 'i.sqlite', env: ENV })).index_path).toBe(join(repo, 'i.sqlite'));
  });
});

describe('when there is no workspace', () => {
  const failure = async (options: Parameters<typeof resolveWorkspace>[0]) => {
    const error = await resolveWorkspace(options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CustodianError);
    expect((error as CustodianError).code).toBe('invalid-workspace');
    return (error as CustodianError).message;
  };

  it('outside any git repo and registry, says how to get one', async () => {
    const dir = tempDir();
    expect(await failure({ cwd: dir, env: ENV })).toBe(
      `no workspace here: ${dir} has no custodian.yaml above it and is not inside a git repository. ` +
        'Run `custodian init` to create a workspace, pass --workspace DIR (or set CUSTODIAN_WORKSPACE), ' +
        'or run custodian inside a git repository to check that repository alone.',
    );
  });

  it('--workspace naming a folder without a registry or no folder at all', async () => {
    const dir = tempDir();
    expect(await failure({ cwd: dir, workspace: dir, env: ENV })).toBe(
      `--workspace ${dir}: no custodian.yaml there. Run \`custodian init\` in that folder to create one.`,
    );
    expect(await failure({ cwd: dir, workspace: 'missing', env: ENV })).toBe(`--workspace ${join(dir, 'missing')}: no such folder`);
    expect(await failure({ cwd: dir, env: { ...ENV, CUSTODIAN_WORKSPACE: 'gone' } })).toBe(
      `CUSTODIAN_WORKSPACE ${join(dir, 'gone')}: no such folder`,
    );
  });

  it('an invalid registry names the file relative to the current folder', async () => {
    const root = tempDir();
    writeFiles(root, { 'custodian.yaml': 'version: 1\nrepos: {}\n', 'sub/.keep': '' });
    expect(await failure({ cwd: join(root, 'sub'), env: ENV })).toBe('../custodian.yaml:2:8: repos: expected a list, found a mapping');
  });
});
