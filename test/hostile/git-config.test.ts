// Point 5 of issue 10: a checkout's .git/config (from an archive, a shared folder) never makes
// custodian run a program: fsmonitor, filters, textconv, gpg, external diff, pager and hooks are
// neutralised on every git call.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, removeTempDirs, runCliAsync, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const plan = (status: string) =>
  ['---', 'id: A-1', 'domain: core', 'status: active', '---', '', '## A-1-T1', '', '```task', 'id: A-1-T1', `status: ${status}`, '```', ''].join('\n');

/** A commit carrying a (fake) PGP signature: `log.showSignature` hands it to gpg.program. */
function signedCommit(repo: string): void {
  writeFileSync(join(repo, 'sbom.cdx.json'), '{"signed": true}\n');
  git(repo, ['add', 'sbom.cdx.json']);
  const tree = git(repo, ['write-tree']).trim();
  const parent = git(repo, ['rev-parse', 'HEAD']).trim();
  const body = [
    `tree ${tree}`,
    `parent ${parent}`,
    'author Test <test@example.org> 1767225600 +0000',
    'committer Test <test@example.org> 1767225600 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEE',
    ' -----END PGP SIGNATURE-----',
    '',
    'signed',
    '',
  ].join('\n');
  const commit = execGit(repo, ['hash-object', '-t', 'commit', '-w', '--stdin'], body).trim();
  git(repo, ['update-ref', 'HEAD', commit]);
}

function execGit(repo: string, args: string[], input: string): string {
  return execFileSync('git', args, { cwd: repo, input, encoding: 'utf8' });
}

describe("a checkout's git config runs nothing", () => {
  it('sync, check, check --staged, doi, task status, dispatch and repo show leave no trace of a hook', async () => {
    const markers = tempDir();
    const ran = join(markers, 'ran');
    const hook = join(markers, 'hook.sh');
    writeFileSync(hook, `#!/bin/sh\necho "$1" >> '${ran}'\ncat\n`);
    chmodSync(hook, 0o755);
    const ws = tempWorkspace({
      alpha: {
        'workplans/A-1.md': plan('in_progress'),
        'sbom.cdx.json': '{}\n',
        '.gitattributes': '*.md filter=evil diff=evil\n*.json filter=evil diff=evil\n',
      },
    });
    const repo = ws.repo('alpha');
    signedCommit(repo);
    const hooks = join(markers, 'hooks');
    mkdirSync(hooks);
    for (const name of ['pre-commit', 'post-checkout', 'reference-transaction', 'post-index-change']) {
      writeFileSync(join(hooks, name), `#!/bin/sh\necho ${name} >> '${ran}'\n`);
      chmodSync(join(hooks, name), 0o755);
    }
    const config: [string, string][] = [
      ['core.fsmonitor', `${hook} fsmonitor`],
      ['core.pager', `${hook} pager`],
      ['core.hooksPath', hooks],
      ['diff.external', `${hook} external-diff`],
      ['diff.evil.textconv', `${hook} textconv`],
      ['diff.evil.command', `${hook} diff-driver`],
      ['filter.evil.clean', `${hook} clean`],
      ['filter.evil.smudge', `${hook} smudge`],
      ['filter.evil.process', `${hook} process`],
      ['filter.evil.required', 'true'],
      ['log.showSignature', 'true'],
      ['gpg.program', `${hook} gpg`],
    ];
    for (const [key, value] of config) git(repo, ['config', key, value]);
    expect(existsSync(ran) ? readFileSync(ran, 'utf8') : '').toBe('');

    // Uncommitted and staged changes, so blame and the staged check read the work tree and index.
    writeFileSync(join(repo, 'workplans/A-1.md'), plan('in_progress') + '\nMore.\n');
    writeFileSync(join(repo, 'workplans/A-2.md'), plan('todo').replace(/A-1/g, 'A-2'));
    execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'filter.evil.clean=cat', '-c', 'filter.evil.process=', '-c', 'filter.evil.required=false', '-c', 'core.hooksPath=/dev/null', 'add', 'workplans/A-2.md'], { cwd: repo });
    expect(existsSync(ran) ? readFileSync(ran, 'utf8') : '').toBe('');

    const commands = [
      ['-w', ws.root, 'sync', '--full'],
      ['-w', ws.root, 'check'],
      ['-w', ws.root, 'doi', '--refresh'],
      ['-w', ws.root, 'dispatch', 'alpha'],
      ['-w', ws.root, 'task', 'status', 'A-1-T1', 'blocked'],
    ];
    for (const args of commands) {
      const result = await runCliAsync(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
    }
    const staged = await runCliAsync(['check', '--staged'], { cwd: repo });
    expect(staged.code, staged.stderr).toBeLessThan(2);
    expect(existsSync(ran) ? readFileSync(ran, 'utf8') : '').toBe('');
  }, 120_000);
});
