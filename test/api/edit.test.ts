// The edit operations, parse, check, rules and the registry reads called as a library: each
// returns the document the CLI prints with --json (the same edit made on two identical copies,
// one through the api and one through the CLI), changes files exactly as the CLI does, and
// fails with typed errors.
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as api from '../../src/api/index.js';
import { gitRepo, removeTempDirs, runCli, runCliJson, tempDir } from '../helpers/git-repo.js';
import { fixtureCopy, snapshot } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

afterEach(() => {
  // No index left open by any api call (Linux: /proc/self/fd).
  if (!existsSync('/proc/self/fd')) return;
  const open = readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });
  expect(open.filter((target) => target.includes('index.sqlite'))).toEqual([]);
});

/** Two identical copies of the example workspace: one edited through the api, one through the CLI. */
function twins() {
  const a = fixtureCopy();
  const b = fixtureCopy();
  return {
    a,
    b,
    cli: (...args: string[]) => runCliJson(['-w', b, ...args]),
    /** The document with each copy's root written as ROOT. */
    same: (doc: unknown, root: string) => JSON.parse(JSON.stringify(doc).split(root).join('ROOT')),
  };
}

describe('edits: the api and the CLI make the same edit and answer with the same document', () => {
  it('task status, with previous_status and changed; --if-status as ifStatus', async () => {
    const { a, b, cli } = twins();
    const doc = await api.taskStatus({ workspace: a, id: 'LEDG-WP-0001-T03', status: 'wip' });
    expect(doc).toMatchObject({ kind: 'task', previous_status: 'todo', changed: true, task: { id: 'LEDG-WP-0001-T03', status: 'in_progress' } });
    expect(doc).toEqual(cli('task', 'status', 'LEDG-WP-0001-T03', 'wip', '--json').json);
    expect(snapshot(a)).toEqual(snapshot(b));
    const again = await api.taskStatus({ workspace: a, id: 'LEDG-WP-0001-T03', status: 'in_progress' });
    expect(again).toMatchObject({ previous_status: 'in_progress', changed: false });
    const lost = await api.taskStatus({ workspace: a, id: 'LEDG-WP-0001-T03', status: 'done', ifStatus: 'todo' }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(api.CustodianError);
    expect(lost).toMatchObject({ code: 'conflict' });
    await expect(api.taskStatus({ workspace: a, id: 'LEDG-WP-0001-T03', status: 'finished' })).rejects.toMatchObject({ code: 'usage' });
  });

  it('interface-change publish and resolve, dated `today`', async () => {
    const { a } = twins();
    const resolved = await api.interfaceChangeResolve({ workspace: a, id: 'IC-7', today: '2026-12-24' });
    expect(resolved).toMatchObject({ kind: 'interface-change', changed: true, interface_change: { id: 'IC-7', status: 'resolved', resolved_at: '2026-12-24' } });
    expect(readFileSync(join(a, 'repos/ledger-api', resolved.interface_change.file), 'utf8')).toContain('resolved_at: "2026-12-24"');
    expect(await api.interfaceChangeResolve({ workspace: a, id: 'ledger-api:IC-7' })).toMatchObject({ changed: false, interface_change: { resolved_at: '2026-12-24' } });
    await expect(api.interfaceChangePublish({ workspace: a, id: 'IC-7' })).rejects.toMatchObject({ code: 'refused' });
  });

  it('domain add, archive and rename; a dry run writes nothing and labels its diffs as asked', async () => {
    const { a, b, cli, same } = twins();
    const before = snapshot(a);
    const dry = await api.domainAdd({ workspace: a, slug: 'ops', name: 'Ops', dryRun: true });
    expect(dry).toMatchObject({ kind: 'domain-add', changed: true, dry_run: true, edits: [{ repo_slug: null, file: 'custodian.yaml' }] });
    expect(dry.edits[0].diff).toMatch(/^--- a\/custodian\.yaml\n\+\+\+ b\/custodian\.yaml\n/);
    const fromCwd = await api.domainAdd({ workspace: a, cwd: join(a, 'repos'), slug: 'ops', name: 'Ops', dryRun: true, diffLabels: 'cwd' });
    expect(fromCwd.edits[0].diff).toMatch(/^--- a\/\.\.\/custodian\.yaml\n/);
    expect(snapshot(a)).toEqual(before);

    expect(await api.domainAdd({ workspace: a, slug: 'ops', name: 'Ops team', description: 'Pager' })).toEqual(
      cli('domain', 'add', 'ops', '--name', 'Ops team', '--description', 'Pager', '--json').json,
    );
    expect(await api.domainArchive({ workspace: a, slug: 'ops' })).toEqual(cli('domain', 'archive', 'ops', '--json').json);
    expect(await api.domainRename({ workspace: a, from: 'payments', to: 'money', name: 'Money' })).toEqual(
      cli('domain', 'rename', 'payments', 'money', '--name', 'Money', '--json').json,
    );
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(same(await api.domainList({ workspace: a }), a)).toEqual(same(cli('domain', 'list', '--json').json, b));
    expect(await api.domainShow({ workspace: a, slug: 'money' })).toEqual(cli('domain', 'show', 'money', '--json').json);
    await expect(api.domainArchive({ workspace: a, slug: 'money' })).rejects.toMatchObject({ code: 'refused', details: { reason: 'active-workplans' } });
    await expect(api.domainAdd({ workspace: a, slug: 'ops', name: 'Again' })).rejects.toMatchObject({ code: 'refused' });
    await expect(api.domainAdd({ workspace: a, slug: 'x' })).rejects.toMatchObject({ code: 'usage' });
  });

  it('repo add, update, path and archive; repo list, show and find', async () => {
    const { a, b, cli, same } = twins();
    const added = await api.repoAdd({ workspace: a, slug: 'extra', path: join(a, 'repos/nothere'), domain: 'docs', allowMissing: true });
    expect(added).toMatchObject({ kind: 'repo-add', fingerprint_status: 'missing-checkout', warnings: [{ code: 'missing-checkout' }] });
    expect(same(added, a)).toEqual(same(cli('repo', 'add', 'extra', '--path', join(b, 'repos/nothere'), '--domain', 'docs', '--allow-missing', '--json').json, b));
    // A relative path is taken from `cwd` and written relative to the workspace folder.
    const updated = await api.repoUpdate({ workspace: a, cwd: join(a, 'repos'), slug: 'extra', path: 'elsewhere', name: 'Extra' });
    expect(updated.repo).toMatchObject({ path: 'repos/elsewhere', name: 'Extra' });
    expect(same(updated, a)).toEqual(same(runCliJson(['-w', b, 'repo', 'update', 'extra', '--path', 'elsewhere', '--name', 'Extra', '--json'], { cwd: join(b, 'repos') }).json, b));
    expect(same(await api.repoPath({ workspace: a, slug: 'extra', host: 'box', path: '/srv/extra', local: true }), a)).toEqual(
      same(cli('repo', 'path', 'extra', 'box', '/srv/extra', '--local', '--json').json, b),
    );
    expect(same(await api.repoArchive({ workspace: a, slug: 'extra' }), a)).toEqual(same(cli('repo', 'archive', 'extra', '--json').json, b));
    expect(snapshot(a)).toEqual(snapshot(b));

    expect(same(await api.repoList({ workspace: a, domain: 'payments' }), a)).toEqual(same(cli('repo', 'list', '--domain', 'payments', '--json').json, b));
    expect(same(await api.repoShow({ workspace: a, slug: 'ledger-api' }), a)).toEqual(same(cli('repo', 'show', 'ledger-api', '--json').json, b));
    const none = await api.repoFind({ workspace: a, remote: 'https://example.org/none.git' });
    expect(none).toEqual({ schema_version: 1, kind: 'repo-find', query: { fingerprint: null, remote: 'https://example.org/none.git' }, items: [] });
    expect(none).toEqual(cli('repo', 'find', '--remote', 'https://example.org/none.git', '--json').json);
    await expect(api.repoFind({ workspace: a })).rejects.toMatchObject({ code: 'usage' });
    await expect(api.repoShow({ workspace: a, slug: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('init', async () => {
    const a = tempDir();
    const b = tempDir();
    const doc = await api.init({ cwd: a, dir: 'ws' });
    expect(doc).toEqual({ schema_version: 1, kind: 'init', root: join(a, 'ws'), config_file: 'custodian.yaml', gitignore: { file: '.gitignore', created: true, added: ['.custodian/', 'custodian.local.yaml'] } });
    expect(JSON.stringify(doc).split(a).join('ROOT')).toBe(JSON.stringify(runCliJson(['init', 'ws', '--json'], { cwd: b }).json).split(b).join('ROOT'));
    expect(readFileSync(join(a, 'ws/custodian.yaml'), 'utf8')).toBe(readFileSync(join(b, 'ws/custodian.yaml'), 'utf8'));
    await expect(api.init({ cwd: a, dir: 'ws' })).rejects.toMatchObject({ code: 'refused', details: { reason: 'exists' } });
  });
});

describe('parse, rules and check', () => {
  it('parse: the files as given, relative to cwd', async () => {
    const root = fixtureCopy();
    const files = ['workplans/LEDG-WP-0001-idempotent-postings.md', 'nope.md'];
    const cwd = join(root, 'repos/ledger-api');
    const doc = await api.parse({ cwd, files });
    expect(doc.files.map((f) => f.file)).toEqual(files);
    expect(doc.files[1].diagnostics).toMatchObject([{ rule_id: 'file/unreadable', severity: 'error' }]);
    expect(doc).toEqual(runCliJson(['parse', '--json', ...files], { cwd }).json);
  });

  it('rules', async () => {
    const doc = await api.rules();
    expect(doc.items.length).toBeGreaterThan(10);
    expect(doc).toEqual(runCliJson(['rules', '--json']).json);
  });

  it('check: the check-report document; checkRun with a dry-run fix writes nothing and tells what it would change', async () => {
    const file = 'workplans/X-WP-1.md';
    const text = '---\nid: X-WP-1\nstatus: active\n---\n\n## Export\n\n```task\nid: X-WP-1-T01\nstatus: complete\n```\n';
    const root = gitRepo({ [file]: text });
    const env = { ...process.env, XDG_CACHE_HOME: tempDir('custodian-cache-') };
    const report = await api.check({ cwd: root, env });
    expect(report).toMatchObject({ kind: 'check-report', mode: 'single-repo' });
    expect(report.fixable_count).toBeGreaterThan(0);
    expect(report).toEqual(runCliJson(['check', '--json'], { cwd: root, env: { XDG_CACHE_HOME: env.XDG_CACHE_HOME! } }).json);

    const dry = await api.checkRun({ cwd: root, env, fix: true, dryRun: true });
    expect(dry.fix).toMatchObject({ dry_run: true, not_fixed: [], changed: [{ file, path: file }] });
    expect(dry.fix!.changed[0].diff).toContain('-status: complete\n+status: done\n');
    expect(dry.report.error_count + dry.report.warning_count).toBe(0);
    expect(readFileSync(join(root, file), 'utf8')).toBe(text);

    const fixed = await api.check({ cwd: root, env, fix: true });
    expect(fixed.diagnostics).toEqual([]);
    expect(readFileSync(join(root, file), 'utf8')).toContain('status: done');
    await expect(api.check({ cwd: root, env, dryRun: true })).rejects.toMatchObject({ code: 'usage' });
    await expect(api.check({ cwd: root, env, fix: true, staged: true })).rejects.toMatchObject({ code: 'usage' });
  });

  it('check: staged blobs, paths outside the include globs skipped, unknown rules warned about', async () => {
    const root = fixtureCopy();
    writeFileSync(join(root, 'custodian.yaml'), `${readFileSync(join(root, 'custodian.yaml'), 'utf8')}rules:\n  no/such-rule: off\n`);
    const warnings: string[] = [];
    const run = await api.checkRun({ workspace: root, cwd: root, paths: ['repos/ledger-api/AGENTS.md', 'repos/ledger-api/workplans'], onWarning: (m) => warnings.push(m) });
    expect(run.skipped_paths).toEqual(['repos/ledger-api/AGENTS.md']);
    expect(run.input.fileCount).toBeGreaterThan(0);
    expect(warnings).toEqual(["unknown rule `no/such-rule` in the registry's rules (ignored; see `custodian rules`)"]);
    const staged = await api.checkRun({ workspace: root, cwd: root, staged: true });
    expect(staged.input.fileCount).toBe(0);
    expect(staged.report.diagnostics).toEqual([]);
    expect(runCli(['-w', root, 'check', '--staged'], { cwd: root }).stderr).toContain('no problems (0 files checked)');
  });
});
