// Temp workspaces for the CLI tests: a copy of the example workspace, or one built from a file
// map, each its own git repository (the repos are plain folders inside it, as in fixtures/).
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commitAll, git, PROJECT_ROOT, tempDir, writeFiles, type FileMap } from '../helpers/git-repo.js';

export const FIXTURE = join(PROJECT_ROOT, 'fixtures', 'workspace');

export function fixtureCopy(): string {
  const root = tempDir('custodian-dispatch-');
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.custodian') });
  git(root, ['init', '-q', '-b', 'main']);
  commitAll(root, 'fixture');
  return root;
}

export interface RepoSpec {
  slug: string;
  domain?: string;
}

/** A workspace with the given repos (under repos/<slug>) and files (paths relative to the workspace). */
export function workspace(repos: RepoSpec[], files: FileMap, domains = ['core']): string {
  const root = tempDir('custodian-dispatch-');
  const registry = ['version: 1', 'domains:', ...domains.flatMap((d) => [`  - slug: ${d}`, `    name: ${d}`]), 'repos:'];
  for (const repo of repos) {
    registry.push(`  - slug: ${repo.slug}`, `    name: ${repo.slug}`, `    domain: ${repo.domain ?? domains[0]}`, `    path: repos/${repo.slug}`);
  }
  writeFiles(root, { 'custodian.yaml': `${registry.join('\n')}\n`, ...files });
  git(root, ['init', '-q', '-b', 'main']);
  commitAll(root, 'workspace');
  return root;
}

/** Every file's bytes under a folder (the index folder left out), to prove a command wrote nothing. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.custodian' || name === '.git') continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(root, full), readFileSync(full).toString('base64'));
    }
  };
  walk(root);
  return out;
}
