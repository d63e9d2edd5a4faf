// Point 4 of issue 10: one broken repo is a diagnostic for that repo; every other repo works,
// edits included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, git, removeTempDirs, runCliAsync, runCliJsonAsync, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const plan = (id: string) =>
  ['---', `id: ${id}`, 'domain: core', 'status: active', '---', '', `## ${id}-T1`, '', '```task', `id: ${id}-T1`, 'status: todo', '```', ''].join('\n');

const BROKEN: Record<string, { include?: string; breakIt: (dir: string) => void; reason: RegExp }> = {
  'empty-head': { breakIt: (dir) => writeFileSync(join(dir, '.git/HEAD'), ''), reason: /git/ },
  bare: { breakIt: (dir) => git(dir, ['config', 'core.bare', 'true']), reason: /git/ },
  'corrupt-index': { breakIt: (dir) => writeFileSync(join(dir, '.git/index'), 'DIRC garbage that is not an index'), reason: /index/ },
  'dotdot-include': { include: '["../**/*.md"]', breakIt: () => undefined, reason: /\.\./ },
};

describe('one broken repo among healthy ones', () => {
  let root: string;
  beforeAll(async () => {
    root = tempDir('custodian-ws-');
    const lines = ['version: 1', 'domains:', '  - slug: core', '    name: Core', 'repos:'];
    for (const slug of ['healthy', ...Object.keys(BROKEN)]) {
      lines.push(`  - slug: ${slug}`, `    name: ${slug}`, '    domain: core', `    path: repos/${slug}`);
      if (BROKEN[slug]?.include) lines.push(`    include: ${BROKEN[slug].include}`);
      const dir = join(root, 'repos', slug);
      mkdirSync(dir, { recursive: true });
      git(dir, ['init', '-q', '-b', 'main']);
      writeFiles(dir, { [`workplans/${slug.toUpperCase()}.md`]: plan(slug.toUpperCase()) });
      commitAll(dir, 'initial');
    }
    writeFileSync(join(root, 'custodian.yaml'), lines.join('\n') + '\n');
  });

  it('every broken repo is named with its reason; the healthy one is read, queried and edited', async () => {
    // Broken before the first sync, and broken after a sync that saw it healthy: both hold.
    await runCliAsync(['-w', root, 'sync']);
    for (const [slug, { breakIt }] of Object.entries(BROKEN)) breakIt(join(root, 'repos', slug));

    for (const full of [[], ['--full']]) {
      const synced = await runCliJsonAsync(['-w', root, 'sync', '--json', ...full]);
      expect(synced.code, synced.stderr).toBe(0);
      expect(synced.json.unreachable_repos.sort()).toEqual(Object.keys(BROKEN).sort());
      for (const [slug, { reason }] of Object.entries(BROKEN)) {
        const problem = synced.json.repo_problems.find((p: any) => p.repo_slug === slug);
        expect(problem?.message, slug).toMatch(reason);
        expect(synced.stderr).toContain(`repo ${slug}: `);
      }
      expect(synced.stderr).not.toMatch(/\n\s+at /);
    }

    const listed = await runCliJsonAsync(['-w', root, 'task', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.json.items.map((t: any) => t.id)).toEqual(['HEALTHY-T1']);
    expect((await runCliAsync(['-w', root, 'dispatch', 'healthy', '--json'])).code).toBe(0);
    expect((await runCliAsync(['-w', root, 'next', '--json'])).code).toBe(0);
    const checked = await runCliJsonAsync(['-w', root, 'check', '--format', 'json']);
    expect(checked.code, checked.stderr).toBe(0);

    const edited = await runCliJsonAsync(['-w', root, 'task', 'status', 'HEALTHY-T1', 'done', '--json']);
    expect(edited.code, JSON.stringify(edited.json)).toBe(0);
    expect(readFileSync(join(root, 'repos/healthy/workplans/HEALTHY.md'), 'utf8')).toContain('status: done');

    const doi = await runCliJsonAsync(['-w', root, 'doi', '--json']);
    expect(doi.code, JSON.stringify(doi.json)).toBe(0);
    const tiers = Object.fromEntries(doi.json.items.map((i: any) => [i.repo_slug, i.criteria.find((c: any) => c.id === 'C2')?.status]));
    expect(tiers.healthy).toBe('pass');
  }, 180_000);
});
