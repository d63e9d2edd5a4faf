import { fail, pass, type Criterion } from '../criterion.js';

export const C2: Criterion<'tree'> = {
  id: 'C2',
  tier: 'core',
  group: 'tree',
  title: 'checkout reachable on this host',
  docs:
    "Passes when the repo's checkout on this host (host_paths[<hostname>], else path) is a folder inside a git " +
    'work tree. A repo with no commits yet passes (and fails C3). Fails when the folder does not exist or is not ' +
    'inside any git work tree.',
  evaluate({ checkout }) {
    if (!checkout.exists) {
      return fail(`checkout not found at ${checkout.path}: clone the repo there, or add this host to its host_paths in custodian.yaml`);
    }
    if (checkout.work_tree === null) {
      return fail(`${checkout.path} is not inside a git work tree: clone the repo there (or run git init)`);
    }
    const notes = [checkout.head === null ? 'no commits yet' : null, checkout.head !== null && checkout.branch === null ? 'detached HEAD' : null]
      .filter((n) => n !== null)
      .join(', ');
    return pass(`git checkout at ${checkout.path}${notes ? ` (${notes})` : ''}`);
  },
};
