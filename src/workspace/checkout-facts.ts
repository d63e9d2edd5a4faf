// What `repo add` learns from the checkout: its fingerprint (the root commit) and origin URL,
// or why it cannot know them (a shallow clone, no commits yet, no checkout on this host).
import { existsSync } from 'node:fs';
import { findGitDirs, isShallow } from './git-dirs.js';
import { readOriginUrl } from './git-config.js';
import { rootCommits } from './git-facts.js';
import { runGit } from './git.js';

export type FingerprintStatus = 'recorded' | 'given' | 'shallow' | 'no-commits' | 'not-a-repo' | 'missing-checkout';

export interface CheckoutFacts {
  status: Exclude<FingerprintStatus, 'given'>;
  fingerprint: string | null;
  /** Every root commit of HEAD (several when unrelated histories were merged). */
  roots: string[];
  origin: string | null;
}

export async function checkoutFacts(checkout: string): Promise<CheckoutFacts> {
  if (!existsSync(checkout)) return { status: 'missing-checkout', fingerprint: null, roots: [], origin: null };
  const dirs = findGitDirs(checkout);
  if (!dirs) return { status: 'not-a-repo', fingerprint: null, roots: [], origin: null };
  const origin = await readOriginUrl(dirs.commonDir);
  // In a shallow clone rev-list finds the shallow boundary: recording it would be a wrong fingerprint.
  if (isShallow(dirs.commonDir)) return { status: 'shallow', fingerprint: null, roots: [], origin };
  const roots = await rootCommits(dirs.workTree);
  if (roots.length === 0) return { status: 'no-commits', fingerprint: null, roots, origin };
  const fingerprint = roots.length === 1 ? roots[0] : await firstParentRoot(dirs.workTree, roots);
  return { status: 'recorded', fingerprint, roots, origin };
}

/**
 * With several roots (another project's history merged in), the fingerprint is the root that
 * HEAD's first-parent chain leads to: where this repository itself began. Merging more
 * histories in later never changes it, where "the oldest root" could.
 */
async function firstParentRoot(workTree: string, roots: string[]): Promise<string> {
  const result = await runGit(workTree, ['rev-list', '--first-parent', '--max-parents=0', '--end-of-options', 'HEAD', '--']);
  const found = result.stdout.split('\n').filter((line) => line !== '');
  return found[found.length - 1] ?? roots[roots.length - 1];
}
