// `check --staged` syncs only the committing repo (DESIGN, "Consistency check"): the other repos
// are answered as last indexed, and the report names the repos it synced.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { commitAll, git, removeTempDirs, runCliJsonAsync, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const REGISTRY = [
  'version: 1',
  'domains:',
  '  - slug: d',
  '    name: D',
  'repos:',
  '  - slug: api',
  '    name: API',
  '    domain: d',
  '    path: repos/api',
  '  - slug: cli',
  '    name: CLI',
  '    domain: d',
  '    path: repos/cli',
  '',
].join('\n');

const API_PLAN = 'workplans/API-WP-1.md';
const CLI_PLAN = 'workplans/CLI-WP-1.md';
const workplan = (id: string, tasks: string) => `---\nid: ${id}\n---\n\n${tasks}`;
const task = (id: string, deps: string[] = []) => `\`\`\`task\nid: ${id}\nstatus: todo\n${deps.length ? `depends_on: [${deps.join(', ')}]\n` : ''}\`\`\`\n`;

let root: string;
let env: Record<string, string>;

beforeEach(() => {
  root = tempDir('custodian-ws-');
  writeFileSync(join(root, 'custodian.yaml'), REGISTRY);
  for (const [slug, files] of [
    ['api', { [API_PLAN]: workplan('API-WP-1', task('API-WP-1-T01')) }],
    ['cli', { [CLI_PLAN]: workplan('CLI-WP-1', task('CLI-WP-1-T01')) }],
  ] as const) {
    const repo = join(root, 'repos', slug);
    mkdirSync(repo, { recursive: true });
    git(repo, ['init', '-q', '-b', 'main']);
    writeFiles(repo, files);
    commitAll(repo, 'initial');
  }
  env = { CUSTODIAN_INDEX: join(tempDir('custodian-index-'), 'index.sqlite') };
});

const cliRepo = () => join(root, 'repos', 'cli');

describe('check --staged syncs the committing repo only', () => {
  test('the JSON names the synced repo; another repo changed on disk is answered as last indexed', async () => {
    expect((await runCliJsonAsync(['sync', '--json'], { cwd: root, env })).code).toBe(0);
    // api's task disappears from its working tree, unstaged and uncommitted: not this commit's business.
    writeFileSync(join(root, 'repos', 'api', API_PLAN), workplan('API-WP-1', task('API-WP-1-T02')));
    writeFileSync(join(cliRepo(), CLI_PLAN), workplan('CLI-WP-1', task('CLI-WP-1-T01', ['API-WP-1-T01'])));
    git(cliRepo(), ['add', CLI_PLAN]);

    const staged = await runCliJsonAsync(['check', '--staged', '--json'], { cwd: cliRepo(), env });
    expect(staged.code).toBe(0);
    expect(staged.json).toMatchObject({ kind: 'check-report', synced_repos: ['cli'], error_count: 0 });
    expect(Object.keys(staged.json).slice(0, 4)).toEqual(['schema_version', 'kind', 'mode', 'synced_repos']);

    // A whole-workspace check syncs everything, sees api's edit, and has no synced_repos key.
    const full = await runCliJsonAsync(['check', '--json'], { cwd: root, env });
    expect(full.json.synced_repos).toBeUndefined();
    expect(full.json.diagnostics.map((d: any) => [d.repo, d.rule_id, d.message.includes('API-WP-1-T01')])).toEqual([['cli', 'dependency/unknown', true]]);
  });

  test('on an index that has never seen the other repos, they are synced too', async () => {
    writeFileSync(join(cliRepo(), CLI_PLAN), workplan('CLI-WP-1', task('CLI-WP-1-T01', ['API-WP-1-T01'])));
    git(cliRepo(), ['add', CLI_PLAN]);
    const staged = await runCliJsonAsync(['check', '--staged', '--json'], { cwd: cliRepo(), env });
    expect([staged.code, staged.json.synced_repos, staged.json.diagnostics]).toEqual([0, ['api', 'cli'], []]);
  });

  test('nothing staged: exit 0, the committing repo synced all the same', async () => {
    await runCliJsonAsync(['sync', '--json'], { cwd: root, env });
    const staged = await runCliJsonAsync(['check', '--staged', '--json'], { cwd: cliRepo(), env });
    expect([staged.code, staged.json.synced_repos, staged.json.error_count]).toEqual([0, ['cli'], 0]);
  });

  test('--no-sync: nothing synced, and the report says so', async () => {
    await runCliJsonAsync(['sync', '--json'], { cwd: root, env });
    writeFileSync(join(cliRepo(), CLI_PLAN), workplan('CLI-WP-1', task('CLI-WP-1-T01', ['API-WP-1-T09'])));
    git(cliRepo(), ['add', CLI_PLAN]);
    const staged = await runCliJsonAsync(['check', '--staged', '--no-sync', '--json'], { cwd: cliRepo(), env });
    expect(staged.json.synced_repos).toEqual([]);
    expect(staged.json.diagnostics.map((d: any) => d.rule_id)).toEqual(['dependency/unknown']);
  });
});
