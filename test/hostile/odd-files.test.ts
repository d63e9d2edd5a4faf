// Point 9 of issue 10: hangs and silent skips. FIFOs, odd lock files, file names that are not
// UTF-8, a checkout reached through a link, two BOMs and leftover temp files each get the
// diagnostic DESIGN's rules imply, the same from every command, and nothing hangs.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { commitAll, git, removeTempDirs, runCliAsync, runCliJsonAsync, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const plan = (id: string, status = 'todo') =>
  ['---', `id: ${id}`, 'domain: core', 'status: active', '---', '', `## ${id}-T1`, '', '```task', `id: ${id}-T1`, `status: ${status}`, '```', ''].join('\n');

function workspaceWith(files: Record<string, string | Buffer>, path = 'repos/alpha'): { root: string; repo: string } {
  const root = tempDir('custodian-ws-');
  const repo = join(root, 'repos/alpha');
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  writeFiles(repo, files);
  commitAll(repo, 'initial');
  writeFileSync(join(root, 'custodian.yaml'), `version: 1\ndomains:\n  - slug: core\n    name: Core\nrepos:\n  - slug: alpha\n    name: alpha\n    domain: core\n    path: ${path}\n`);
  return { root, repo };
}

/** Every diagnostic as `file rule`, from sync and from check: the two must agree. */
async function diagnosticsOf(root: string): Promise<{ sync: string[]; check: string[] }> {
  const synced = await runCliJsonAsync(['-w', root, 'sync', '--json']);
  expect(synced.code, synced.stderr).toBe(0);
  const checked = await runCliJsonAsync(['-w', root, 'check', '--format', 'json'], {});
  expect(checked.code, checked.stderr).toBeLessThan(2);
  const key = (d: any) => `${d.file} ${d.rule_id}`;
  return { sync: synced.json.diagnostics.map(key).sort(), check: checked.json.diagnostics.map(key).sort() };
}

/** Runs the CLI with a hard time limit: a hang is a failure, not a stuck suite. */
function runBounded(args: string[], ms = 20_000) {
  return runCliAsync(args, { timeoutMs: ms });
}

describe('hangs and silent skips', () => {
  it('a FIFO, or a link to one, inside a repo: nothing hangs; the link is file/unreadable in sync and check alike', async () => {
    const { root, repo } = workspaceWith({ 'workplans/A-1.md': plan('A-1') });
    execFileSync('mkfifo', [join(repo, 'workplans/pipe')]);
    symlinkSync('pipe', join(repo, 'workplans/pipe-link.md'));
    execFileSync('mkfifo', [join(repo, 'workplans/raw-pipe.md')]);
    for (const command of [['sync'], ['check'], ['doi'], ['check', '--fix']]) {
      const result = await runBounded(['-w', root, ...command]);
      expect(result.signal, command.join(' ')).toBeNull();
      expect(result.code, `${command.join(' ')}: ${result.stderr}`).toBeLessThan(2);
    }
    const { sync, check } = await diagnosticsOf(root);
    // git lists no FIFO, so the FIFO itself is no file of the repo; the link to one is.
    expect(sync).toEqual(['workplans/pipe-link.md file/unreadable']);
    expect(check).toEqual(sync);
  }, 120_000);

  it('a file name that is not UTF-8 is file/unreadable, in sync and check alike, on every sync', async () => {
    const { root, repo } = workspaceWith({ 'workplans/A-1.md': plan('A-1') });
    const name = Buffer.concat([Buffer.from(`${repo}/workplans/B-`), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]);
    writeFileSync(name, plan('B-1'));
    const first = await diagnosticsOf(root);
    expect(first.sync).toEqual(['workplans/B-\\xff\\xfe.md file/unreadable']);
    expect(first.check).toEqual(first.sync);
    // The no-op path stats the same file again: nothing vanishes, nothing is rewritten.
    const again = await runCliJsonAsync(['-w', root, 'sync', '--json']);
    expect(again.json.files.removed).toBe(0);
    expect(again.json.diagnostics.map((d: any) => d.file)).toEqual(['workplans/B-\\xff\\xfe.md']);
    expect(again.json.diagnostics[0].message).toContain('not valid UTF-8');
  }, 60_000);

  it('a checkout reached through a symbolic link is read like any other', async () => {
    const { root, repo } = workspaceWith({ 'workplans/A-1.md': plan('A-1') }, 'linked');
    symlinkSync(repo, join(root, 'linked'));
    const synced = await runCliJsonAsync(['-w', root, 'sync', '--json']);
    expect(synced.json.unreachable_repos).toEqual([]);
    expect(synced.json.tasks).toBe(1);
    const doi = await runCliJsonAsync(['-w', root, 'doi', '--json']);
    expect(doi.json.items[0].criteria.find((c: any) => c.id === 'C2').status).toBe('pass');
    expect((await runCliJsonAsync(['-w', root, 'task', 'status', 'A-1-T1', 'done', '--json'])).code).toBe(0);
    expect(readFileSync(join(repo, 'workplans/A-1.md'), 'utf8')).toBe(plan('A-1', 'done'));
  }, 60_000);

  it('two BOMs: one is stripped, the second is text, so the file has no front-matter; sync, check and parse agree', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const { root, repo } = workspaceWith({ 'workplans/A-1.md': Buffer.concat([bom, bom, Buffer.from(plan('A-1'))]) });
    const { sync, check } = await diagnosticsOf(root);
    expect(sync).toEqual(['workplans/A-1.md frontmatter/missing']);
    expect(check).toEqual(sync);
    const parsed = await runCliJsonAsync(['parse', join(repo, 'workplans/A-1.md'), '--json']);
    expect(parsed.json.files[0].diagnostics.map((d: any) => d.rule_id)).toEqual(['frontmatter/missing']);
    // A single BOM is no problem at all.
    writeFileSync(join(repo, 'workplans/A-1.md'), Buffer.concat([bom, Buffer.from(plan('A-1'))]));
    expect(await diagnosticsOf(root)).toEqual({ sync: [], check: [] });
  }, 60_000);

  it('temp files a killed write left behind are cleaned up by the next write of that folder', async () => {
    const { root, repo } = workspaceWith({ 'workplans/A-1.md': plan('A-1').replace('status: todo', 'status: wip') });
    // A process that has exited: its pid names nobody now.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const minuteAgo = new Date(Date.now() - 60_000);
    const leftover = join(repo, `workplans/.A-1.md.${dead}.0123456789ab.tmp`);
    writeFileSync(leftover, 'half a write');
    utimesSync(leftover, minuteAgo, minuteAgo);
    const live = join(repo, `workplans/.A-1.md.${process.pid}.ba9876543210.tmp`);
    writeFileSync(live, 'a write in progress');
    utimesSync(live, minuteAgo, minuteAgo);
    expect((await runCliAsync(['-w', root, 'check', '--fix'])).code).toBe(0);
    expect(readFileSync(join(repo, 'workplans/A-1.md'), 'utf8')).toContain('status: in_progress');
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(join(repo, 'workplans')).sort()).toEqual(['.A-1.md.' + process.pid + '.ba9876543210.tmp', 'A-1.md']);
  }, 60_000);

  it('an empty lock file, or one from the future, does not keep a command waiting', async () => {
    const { root, repo } = workspaceWith({ 'workplans/A-1.md': plan('A-1') });
    expect((await runCliAsync(['-w', root, 'sync'])).code).toBe(0);
    const index = join(root, '.custodian/index.sqlite');
    const lockFile = join(root, '.custodian', `${createHash('sha1').update(index).digest('hex')}.lock`);
    const future = new Date(Date.now() + 3600_000);
    const records = [
      '', // a writer that died between creating the lock and writing its record
      JSON.stringify({ pid: 999_999, host: `${hostname()}-elsewhere`, time: future.toISOString(), nonce: 'x', path: index }),
    ];
    for (const record of records) {
      writeFileSync(lockFile, record);
      utimesSync(lockFile, future, future);
      writeFileSync(join(repo, 'workplans/A-1.md'), plan('A-1', record === '' ? 'done' : 'blocked'));
      const started = Date.now();
      const listed = await runBounded(['-w', root, 'task', 'list', '--json'], 25_000);
      expect(listed.signal).toBeNull();
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout).items[0].status).toBe(record === '' ? 'done' : 'blocked');
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  }, 120_000);
});
