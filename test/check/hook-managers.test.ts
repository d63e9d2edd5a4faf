// The README's hook snippets, run for real: the pre-commit framework (Debian's pre-commit),
// lefthook and husky (pinned devDependencies) each install a hook in a temp repo that runs the
// real CLI; `git commit` of a broken workplan must fail with the diagnostic, a good one must
// land. custodian is installed in each repo the way a user has it (node_modules/.bin, and on
// PATH for pre-commit's `language: system`). Nothing may reach the network: every proxy points
// at a closed port and npm is offline.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLI, git, gitEnv, gitRepo, PROJECT_ROOT, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { systemBinary } from '../helpers/system-binary.js';

afterAll(removeTempDirs);

const FILE = 'workplans/X-WP-1-plan.md';
const GOOD = '---\nid: X-WP-1\n---\n\n```task\nid: X-WP-1-T01\nstatus: todo\n```\n';
const GOOD_EDIT = GOOD.replace('status: todo', 'status: in_progress');
const BROKEN = '---\nid: X-WP-1\n---\n\n```task\nid: X-WP-1-T01\nstatus: [todo\n```\n';
const DIAGNOSTIC = /^ {2}7:14 {2}error {4}Invalid task block: .* {2}task\/parse$/m;

/** The README's hook snippets, exactly as documented. */
function readmeSnippets(): { preCommitConfig: string; lefthookConfig: string; huskyScript: string } {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- check:start -->'), readme.indexOf('<!-- check:end -->'));
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
  const find = (lang: string, marker: string) => {
    const block = blocks.find((b) => b.lang === lang && b.text.includes(marker));
    if (!block) throw new Error(`README: no ${lang} snippet containing ${marker}`);
    return block.text;
  };
  return {
    preCommitConfig: find('yaml', 'repos:'),
    lefthookConfig: find('yaml', 'pre-commit:\n  commands:'),
    huskyScript: find('sh', 'npx --no-install custodian check --staged'),
  };
}
const snippets = readmeSnippets();

const DEAD_PROXY = 'http://127.0.0.1:9';
// Each test installs a hook manager and makes two commits, each starting npm, a hook runner and
// the CLI: a dozen processes, slow on a loaded machine.
const HOOK_TEST_TIMEOUT = 120_000;

/** A temp repo with custodian installed as a dev dependency would be, plus a private env. */
function hookRepo(files: Record<string, string>) {
  const root = gitRepo({ [FILE]: GOOD, ...files });
  const bin = join(root, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(CLI, join(bin, 'custodian'));
  writeFileSync(join(root, 'node_modules', '.gitignore'), '*\n');
  const home = tempDir('custodian-home-');
  const env: Record<string, string> = {
    PATH: [bin, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    PRE_COMMIT_HOME: join(home, 'pre-commit'),
    GIT_CONFIG_GLOBAL: '/dev/null',
    NO_COLOR: '1',
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    PIP_NO_INDEX: '1',
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    ALL_PROXY: DEAD_PROXY,
    no_proxy: '',
    NO_PROXY: '',
  };
  // Asynchronous, so the test worker stays responsive while a hook runs for seconds.
  const run = (command: string, args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(command, args, { cwd: root, env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
  const head = () => git(root, ['rev-parse', 'HEAD']).trim();

  /** Stages `content` as the workplan and commits: the real exit status and output. */
  const commit = async (content: string, message: string) => {
    writeFileSync(join(root, FILE), content);
    git(root, ['add', FILE]);
    const before = head();
    const result = await run('git', ['commit', '-m', message]);
    return { ...result, landed: head() !== before };
  };
  return { root, run, commit };
}

/** The two commits every hook manager must get right. */
async function expectGate(repo: ReturnType<typeof hookRepo>, passedMarker?: RegExp): Promise<void> {
  const broken = await repo.commit(BROKEN, 'broken plan');
  expect(broken.code, broken.output).not.toBe(0);
  expect(broken.landed).toBe(false);
  expect(broken.output).toContain(FILE);
  expect(broken.output).toMatch(DIAGNOSTIC);
  expect(broken.output).toContain('1 problem (1 error, 0 warnings, 0 info)');

  const good = await repo.commit(GOOD_EDIT, 'good plan');
  expect(good.code, good.output).toBe(0);
  expect(good.landed).toBe(true);
  expect(good.output).not.toContain('error');
  if (passedMarker) expect(good.output).toMatch(passedMarker);
  else expect(good.output).toContain('no problems (1 file checked)');
  expect(git(repo.root, ['show', `HEAD:${FILE}`])).toBe(GOOD_EDIT);
}

const preCommit = systemBinary('pre-commit');
describe.skipIf(!preCommit.available)('pre-commit framework (README: repo: local)', () => {
  test('blocks a broken workplan and lets a good one through', async () => {
    const repo = hookRepo({ '.pre-commit-config.yaml': snippets.preCommitConfig });
    const install = await repo.run(preCommit.path, ['install']);
    expect(install.code, install.output).toBe(0);
    expect(install.output).toContain('pre-commit installed at .git/hooks/pre-commit');
    await expectGate(repo, /^custodian check\.+Passed$/m);
  }, HOOK_TEST_TIMEOUT);
});

describe('lefthook (README: lefthook.yml)', () => {
  test('blocks a broken workplan and lets a good one through', async () => {
    const repo = hookRepo({ 'lefthook.yml': snippets.lefthookConfig });
    const install = await repo.run(join(PROJECT_ROOT, 'node_modules', '.bin', 'lefthook'), ['install']);
    expect(install.code, install.output).toBe(0);
    await expectGate(repo);
  }, HOOK_TEST_TIMEOUT);
});

describe('husky (README: .husky/pre-commit)', () => {
  test('blocks a broken workplan and lets a good one through', async () => {
    const repo = hookRepo({ '.husky/pre-commit': snippets.huskyScript });
    const install = await repo.run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'husky', 'bin.js')]);
    expect(install.code, install.output).toBe(0);
    expect(git(repo.root, ['config', 'core.hooksPath']).trim()).toBe('.husky/_');
    await expectGate(repo);
  }, HOOK_TEST_TIMEOUT);
});
