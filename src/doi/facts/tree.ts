// Facts from the tree of HEAD (C3, C5, C8, C9, C12): the root commits, the committed files under
// the checkout, and whether the committed README.md declares a scope. Two git processes per repo
// (rev-list, ls-tree), a third only when README.md must be read.
import { runGit } from '../../workspace/git.js';
import type { CheckoutFacts } from '../model.js';
import { hasScopeSection } from '../scope-section.js';
import type { Limiter } from './limit.js';

export interface TreeGitFacts {
  roots: string[];
  files: string[];
  readme_scope: boolean | null;
}

export async function readTree(checkout: CheckoutFacts, limit: Limiter): Promise<TreeGitFacts> {
  const head = checkout.head;
  if (checkout.work_tree === null || head === null) return { roots: [], files: [], readme_scope: null };
  const [roots, files] = await Promise.all([
    // In a shallow clone rev-list finds the shallow boundary, not the root: C3 skips there.
    checkout.shallow ? Promise.resolve([]) : limit(() => rootCommits(checkout.path, head)),
    limit(() => committedFiles(checkout.path, head)),
  ]);
  const readme_scope = !files.includes('SCOPE.md') && files.includes('README.md') ? await limit(() => readmeHasScope(checkout, head)) : null;
  return { roots, files, readme_scope };
}

async function rootCommits(cwd: string, head: string): Promise<string[]> {
  const { stdout } = await runGit(cwd, ['rev-list', '--max-parents=0', '--end-of-options', head, '--']);
  return stdout.split('\n').filter((line) => line !== '');
}

/**
 * `git ls-tree -r --name-only` run in the checkout lists only the checkout's folder, relative to
 * it: a repo that is a folder of a larger work tree sees its own files, as if at its root.
 */
async function committedFiles(cwd: string, head: string): Promise<string[]> {
  const { stdout } = await runGit(cwd, ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', head]);
  return stdout.split('\0').filter((path) => path !== '');
}

async function readmeHasScope(checkout: CheckoutFacts, head: string): Promise<boolean> {
  const path = checkout.prefix === '' ? 'README.md' : `${checkout.prefix}/README.md`;
  const { stdout } = await runGit(checkout.work_tree!, ['cat-file', 'blob', `${head}:${path}`]);
  return hasScopeSection(stdout);
}
