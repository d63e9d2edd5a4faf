// A temp workspace: custodian.yaml plus repos that are real git repositories.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, git, tempDir, writeFiles, type FileMap } from '../helpers/git-repo.js';

export interface TempWorkspace {
  root: string;
  repo(slug: string): string;
}

export function tempWorkspace(repos: Record<string, FileMap>, options: { commit?: boolean } = {}): TempWorkspace {
  const root = tempDir('custodian-ws-');
  const lines = ['version: 1', 'domains:', '  - slug: core', '    name: Core', 'repos:'];
  for (const [slug, files] of Object.entries(repos)) {
    lines.push(`  - slug: ${slug}`, `    name: ${slug}`, '    domain: core', `    path: repos/${slug}`);
    const dir = join(root, 'repos', slug);
    mkdirSync(dir, { recursive: true });
    git(dir, ['init', '-q', '-b', 'main']);
    writeFiles(dir, files);
    if (options.commit !== false) commitAll(dir, 'initial');
  }
  writeFileSync(join(root, 'custodian.yaml'), lines.join('\n') + '\n');
  return { root, repo: (slug) => join(root, 'repos', slug) };
}

export const workplan = (id: string, tasks: [string, string][] = []) =>
  ['---', `id: ${id}`, 'status: active', '---', '', ...tasks.flatMap(([taskId, status]) => [`## ${taskId}`, '', '```task', `id: ${taskId}`, `status: ${status}`, '```', ''])].join('\n');
