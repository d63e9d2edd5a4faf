import { checkoutMissing, fail, pass, type Criterion } from '../criterion.js';

/** A CI definition custodian recognises, relative to the repo's root. */
export function isCiPath(path: string): boolean {
  return (
    path === '.ci/run' ||
    path === '.gitlab-ci.yml' ||
    path.startsWith('.github/workflows/') ||
    path.startsWith('.gitea/workflows/')
  );
}

export const C12: Criterion<'tree'> = {
  id: 'C12',
  tier: 'full',
  group: 'tree',
  title: 'CI defined',
  docs:
    'Passes when the tree of HEAD holds .ci/run, a file under .github/workflows/ or .gitea/workflows/, or ' +
    '.gitlab-ci.yml (all relative to the repo root).',
  evaluate({ checkout, files }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    const found = files.find(isCiPath);
    if (found) return pass(`CI defined: ${found}`);
    return fail('no CI definition committed: add .github/workflows/<name>.yml, .gitea/workflows/<name>.yml, .gitlab-ci.yml or .ci/run');
  },
};
