// `check --fix` on real files: atomic, byte-preserving (BOM, CRLF, comments), idempotent, never
// in a file with parse errors, never over a file that changed since it was read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyFixes, runCheck } from '../../src/check/index.js';
import { syncWorkspace } from '../../src/index/sync.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { gitRepo, removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const FILE = 'workplans/X-WP-1-exports.md';
const BEFORE = '\uFEFF---\r\nid: X-WP-1\r\nstatus: active # still going\r\n---\r\n\r\n## Export\r\n\r\n```task\r\nid: X-WP-1-T01\r\nstatus: complete\r\n```\r\n';

function repoWith(text: string): { root: string; env: Record<string, string> } {
  return { root: gitRepo({ [FILE]: text }), env: { XDG_CACHE_HOME: tempDir('custodian-cache-') } };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('check --fix', () => {
  test('fixes in place keeping the BOM, CRLF and comments, then reports what remains; a second run changes nothing', () => {
    const { root, env } = repoWith(BEFORE);
    const day = today();
    const first = runCli(['check', '--fix'], { cwd: root, env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`fixed 1 file: ${FILE}`);
    expect(first.stderr).toContain('no problems (1 file checked)');
    const after = readFileSync(join(root, FILE));
    const expected = (date: string) =>
      Buffer.from(
        `\uFEFF---\r\nid: X-WP-1\r\nstatus: completed # still going\r\ncompleted: ${date}\r\n---\r\n\r\n## Export\r\n\r\n\`\`\`task\r\nid: X-WP-1-T01\r\nstatus: done\r\n\`\`\`\r\n`,
        'utf8',
      );
    expect([expected(day), expected(today())].some((b) => b.equals(after))).toBe(true);
    const second = runCli(['check', '--fix'], { cwd: root, env });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('fixed');
    expect(readFileSync(join(root, FILE)).equals(after)).toBe(true);
  });

  test('--dry-run prints the unified diff, writes nothing, and exits by what would remain', () => {
    const { root, env } = repoWith(BEFORE);
    const result = runCli(['check', '--fix', '--dry-run'], { cwd: root, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`--- a/${FILE}\n+++ b/${FILE}\n`);
    const diff = result.stdout.replace(/\r/g, '');
    expect(diff).toContain('-status: active # still going\n+status: completed # still going\n+completed: ');
    expect(diff).toContain('-status: complete\n+status: done\n');
    expect(result.stderr).toContain('would fix 1 file; nothing was written');
    expect(result.stderr).toContain('after fixing: no problems (1 file checked)');
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(BEFORE);
  });

  test('a file with a parse error is left alone, and the error still fails the check', () => {
    const broken = '---\nid: X-WP-1\nstatus: in-progress\n---\n\n```task\nid: X-WP-1-T01\nstatus: [\n```\n';
    const { root, env } = repoWith(broken);
    const result = runCli(['check', '--fix', '--format', 'json'], { cwd: root, env });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics.map((d: any) => [d.rule_id, d.fixable])).toEqual([
      ['status/alias', false],
      ['task/parse', false],
    ]);
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(broken);
  });

  test('a file that changed after the check read it is not overwritten', async () => {
    const { root, env } = repoWith(BEFORE);
    process.env.XDG_CACHE_HOME = env.XDG_CACHE_HOME;
    const ws = await resolveWorkspace({ cwd: root, env: { ...process.env, ...env } });
    const { db } = await syncWorkspace(ws);
    const run = await runCheck(ws, db);
    db.close();
    // The fixes are data in the fixable diagnostics: one file has them.
    expect(new Set(run.diagnostics.filter((d) => d.fix).map((d) => d.file))).toEqual(new Set([FILE]));
    const edited = BEFORE.replace('## Export', '## Export (edited meanwhile)');
    writeFileSync(join(root, FILE), edited);
    const results = await applyFixes(ws, run, { cwd: root });
    expect(results.map((r) => [r.file, r.changed])).toEqual([[FILE, false]]);
    expect(results[0].skipped).toContain('changed since it was read');
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(edited);
  });
});
