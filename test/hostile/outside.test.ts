// Point 6 of issue 10: custodian reads and writes only regular files whose real path is inside the
// workspace or the repo, and never echoes an outside file's content in an error.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, git, removeTempDirs, runCliAsync, runCliJsonAsync, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const plan = (id: string, status = 'todo') =>
  ['---', `id: ${id}`, 'domain: core', 'status: active', '---', '', `## ${id}-T1`, '', '```task', `id: ${id}-T1`, `status: ${status}`, '```', ''].join('\n');

const REGISTRY = (repos: string) => `version: 1\ndomains:\n  - slug: core\n    name: Core\nrepos:${repos ? `\n${repos}` : ' []\n'}`;
const repoEntry = (slug: string, path: string, include?: string) =>
  `  - slug: ${slug}\n    name: ${slug}\n    domain: core\n    path: ${JSON.stringify(path)}\n${include ? `    include: ${include}\n` : ''}`;

describe('outside the work tree', () => {
  it('a repo path of / or ../../.. is not a repo: nothing there is indexed or edited', async () => {
    const top = tempDir();
    writeFiles(top, { 'workplans/OUT.md': plan('OUT') });
    const ws = join(top, 'a/b/c');
    mkdirSync(ws, { recursive: true });
    writeFileSync(join(ws, 'custodian.yaml'), REGISTRY(repoEntry('root', '/') + repoEntry('up', '../../..')));
    const synced = await runCliJsonAsync(['-w', ws, 'sync', '--json']);
    expect(synced.code).toBe(0);
    expect(synced.json.tasks).toBe(0);
    expect(synced.json.repo_problems).toEqual([
      { repo_slug: 'root', message: 'not inside a git work tree' },
      { repo_slug: 'up', message: 'not inside a git work tree' },
    ]);
    const edit = await runCliJsonAsync(['-w', ws, 'task', 'status', 'OUT-T1', 'done', '--json']);
    expect(edit.code).toBe(1);
    expect(edit.json.code).toBe('not-found');
    expect(readFileSync(join(top, 'workplans/OUT.md'), 'utf8')).toBe(plan('OUT'));
  });

  it('an include glob with ../ never reads files outside the repo, even inside a larger work tree', async () => {
    const big = tempDir();
    git(big, ['init', '-q', '-b', 'main']);
    writeFiles(big, { 'secret/SECRET.md': plan('SECRET'), 'sub/workplans/IN.md': plan('IN') });
    commitAll(big, 'initial');
    const ws = tempDir();
    writeFileSync(join(ws, 'custodian.yaml'), REGISTRY(repoEntry('sub', join(big, 'sub'), '["../secret/*.md", "workplans/*.md"]') + repoEntry('ok', join(big, 'sub'))));
    const listed = await runCliJsonAsync(['-w', ws, 'task', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.json.items.map((t: any) => `${t.repo_slug}:${t.id}`)).toEqual(['ok:IN-T1']);
    expect((await runCliAsync(['-w', ws, 'sync'])).stderr).toContain('repo sub: include glob `../secret/*.md` leaves the repository');
  });

  it('init never appends to a .gitignore that is a link to a file outside the workspace', async () => {
    const outside = join(tempDir(), 'shared-ignore');
    writeFileSync(outside, 'node_modules/\n');
    const ws = tempDir();
    symlinkSync(outside, join(ws, '.gitignore'));
    const result = await runCliJsonAsync(['init', ws, '--json']);
    expect(result.code).toBe(1);
    expect(result.json.code).toBe('refused');
    expect(result.json.message).toContain('.gitignore');
    expect(readFileSync(outside, 'utf8')).toBe('node_modules/\n');
  });

  it('a custodian.local.yaml linked to a secrets file is refused without a byte of it in the message', async () => {
    const secrets = join(tempDir(), 'secrets.env');
    const ws = tempDir();
    writeFileSync(join(ws, 'custodian.yaml'), REGISTRY(''));
    for (const content of ['API_KEY=sk-live-SECRET1\n', 'repos:\n  - slug: SECRET2\n', 'version: SECRET3\n', 'token: "SECRET4\n']) {
      writeFileSync(secrets, content);
      symlinkSync(secrets, join(ws, 'custodian.local.yaml'));
      for (const args of [['task', 'list', '--json'], ['domain', 'add', 'more', '--name', 'More', '--json']]) {
        const result = await runCliAsync(['-w', ws, ...args]);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stdout + result.stderr).not.toMatch(/SECRET|sk-live/);
        expect(result.stdout + result.stderr).toContain('custodian.local.yaml');
      }
      expect(readFileSync(secrets, 'utf8')).toBe(content);
      unlinkSync(join(ws, 'custodian.local.yaml'));
    }
  }, 120_000);

  it('domain add never writes through a custodian.yaml linked to a file outside the workspace', async () => {
    const elsewhere = join(tempDir(), 'custodian.yaml');
    writeFileSync(elsewhere, REGISTRY(''));
    const ws = tempDir();
    symlinkSync(elsewhere, join(ws, 'custodian.yaml'));
    const result = await runCliJsonAsync(['-w', ws, 'domain', 'add', 'more', '--name', 'More', '--json']);
    expect(result.code).toBe(2);
    expect(result.json.code).toBe('invalid-workspace');
    expect(readFileSync(elsewhere, 'utf8')).toBe(REGISTRY(''));
    // A link that stays inside the workspace is a regular registry.
    const inside = tempDir();
    writeFileSync(join(inside, 'real.yaml'), REGISTRY(''));
    symlinkSync('real.yaml', join(inside, 'custodian.yaml'));
    expect((await runCliJsonAsync(['-w', inside, 'domain', 'add', 'more', '--name', 'More', '--json'])).code).toBe(0);
    expect(readFileSync(join(inside, 'real.yaml'), 'utf8')).toContain('slug: more');
  });
});
