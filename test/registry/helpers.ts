// Temp workspaces for the registry commands, and the CLI run inside them.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, git, runCli, runCliJson, tempDir, writeFiles, type FileMap } from '../helpers/git-repo.js';

/** A temp folder holding `files` (custodian.yaml among them). */
export function workspace(files: FileMap): string {
  const root = tempDir('custodian-ws-');
  writeFiles(root, files);
  return root;
}

/** The CLI run in `cwd` (the workspace is found by walking up from there). */
export function cli(cwd: string, args: string[], env: Record<string, string | undefined> = {}) {
  return runCli(args, { cwd, env });
}

export function cliJson<T = any>(cwd: string, args: string[], env: Record<string, string | undefined> = {}) {
  return runCliJson<T>([...args, '--json'], { cwd, env });
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Every file's bytes, to show that a refused or dry-run command changed nothing. */
export function snapshot(root: string, paths: string[]): Record<string, string> {
  return Object.fromEntries(paths.map((p) => [p, read(root, p)]));
}

export const crlf = (text: string) => text.replace(/\n/g, '\r\n');

export type { FileMap };

/** A git repository at `root/path` holding `files`, committed (unless `commit: false`). */
export function repoIn(root: string, path: string, files: FileMap, options: { commit?: boolean; origin?: string } = {}): string {
  const dir = join(root, path);
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  writeFiles(dir, files);
  if (options.origin) git(dir, ['remote', 'add', 'origin', options.origin]);
  if (options.commit !== false) commitAll(dir, 'initial', '2026-01-01T00:00:00Z');
  return dir;
}

/** A front-matter document. */
export function doc(frontmatter: string, body = ''): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}

export const taskBlock = (id: string, status: string) => `\n## ${id}\n\n\`\`\`task\nid: ${id}\nstatus: ${status}\n\`\`\`\n`;
