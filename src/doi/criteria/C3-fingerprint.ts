import { checkoutMissing, fail, pass, skip, type Criterion } from '../criterion.js';

const short = (sha: string) => sha.slice(0, 12);

export const C3: Criterion<'tree'> = {
  id: 'C3',
  tier: 'core',
  group: 'tree',
  title: "fingerprint recorded and equal to the checkout's root commit",
  docs:
    "Passes when the registry's fingerprint is a root commit of HEAD (git rev-list --max-parents=0 HEAD; with " +
    'several roots, any of them). Fails when no fingerprint is recorded, when the checkout has no commits, or when ' +
    'the fingerprint is not a root commit. Skips in a shallow clone, where the true root is not available: a ' +
    'shallow boundary is never reported as a mismatch.',
  evaluate({ repo, checkout, roots }) {
    const recorded = repo.fingerprint;
    if (recorded === null) {
      const hint = roots.length === 1 && !checkout.shallow ? roots[0] : '<root commit: git rev-list --max-parents=0 HEAD>';
      return fail(`no fingerprint recorded: add fingerprint: ${hint} to the repo's entry in custodian.yaml`);
    }
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (checkout.head === null) return fail(`no commits yet: the root commit cannot match fingerprint ${short(recorded)} until something is committed`);
    if (checkout.shallow) return skip(`shallow clone: the root commit is not available (git fetch --unshallow to verify ${short(recorded)})`);
    if (roots.includes(recorded)) return pass(`root commit ${short(recorded)} matches the fingerprint`);
    const found = roots.length === 0 ? 'none found' : roots.map(short).join(', ');
    return fail(`fingerprint ${short(recorded)} is not a root commit of this checkout (root: ${found}): wrong clone, or correct fingerprint in custodian.yaml`);
  },
};
