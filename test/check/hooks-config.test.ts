// What ships for hooks and CI: the pre-commit framework's hook definition and the README's
// snippets are valid and call the check the way the tests above exercise it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { CLI, gitRepo, PROJECT_ROOT, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

test('.pre-commit-hooks.yaml defines custodian-check for Markdown files, serial, with file names', () => {
  const hooks = jsyaml.load(readFileSync(join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  expect(hooks).toHaveLength(1);
  expect(hooks[0]).toMatchObject({ id: 'custodian-check', language: 'node', entry: 'custodian check', require_serial: true, pass_filenames: true });
  const files = new RegExp(hooks[0].files as string);
  expect(['workplans/a.md', 'docs/tasks/b.markdown'].every((f) => files.test(f))).toBe(true);
  expect(['README.txt', 'a.md.orig'].some((f) => files.test(f))).toBe(false);
});

describe('README: hooks and CI', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- check:start -->'), readme.indexOf('<!-- check:end -->'));
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

  test('every YAML snippet parses', () => {
    const yamls = blocks.filter((b) => b.lang === 'yaml');
    expect(yamls.length).toBe(3);
    for (const block of yamls) expect(() => jsyaml.load(block.text)).not.toThrow();
  });

  test('the snippets run the staged check in hooks, and annotate and upload SARIF in Actions', () => {
    const [preCommit, lefthook, actions] = blocks.filter((b) => b.lang === 'yaml').map((b) => jsyaml.load(b.text) as any);
    expect(preCommit.repos[0].hooks[0]).toMatchObject({ id: 'custodian-check', entry: 'custodian check', require_serial: true });
    expect(lefthook['pre-commit'].commands.custodian.run).toBe('npx --no-install custodian check --staged');
    expect(blocks.some((b) => b.lang === 'sh' && b.text.trim() === 'npx --no-install custodian check --staged')).toBe(true);
    const steps = actions.jobs.custodian.steps as { run?: string; uses?: string; with?: Record<string, string> }[];
    expect(steps.some((s) => s.run === 'npx custodian check --format github')).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.sarif_file).toBe('custodian.sarif');
    expect(actions.jobs.custodian.permissions['security-events']).toBe('write');
  });
});

test('colour on a terminal, none with NO_COLOR', () => {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return; // no pseudo-terminal helper on this machine
  const repo = gitRepo({ 'workplans/X-WP-1.md': '---\nid: X-WP-1\n---\n\n```task\nid: X-WP-1-T01\nstatus: wip\n```\n' });
  const cache = tempDir('custodian-cache-');
  const run = (noColor: boolean) =>
    spawnSync('script', ['-qec', `${process.execPath} ${CLI} check`, '/dev/null'], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cache, ...(noColor ? { NO_COLOR: '1' } : {}) },
    }).stdout;
  expect(run(false)).toContain('\u001b[33mwarning\u001b[39m');
  const plain = run(true);
  expect(plain).toContain('warning');
  expect(plain).not.toContain('\u001b[');
});
