import { fail, pass, type Criterion } from '../criterion.js';

export const C1: Criterion<'index'> = {
  id: 'C1',
  tier: 'core',
  group: 'index',
  title: 'registered with an active domain',
  docs:
    'Passes when the repo is listed in custodian.yaml and its domain is registered there with status active. ' +
    'Fails in single-repo mode (no registry), for a domain that is not registered, and for an archived domain. ' +
    "The repo's own status is not judged: an archived repo in an active domain passes.",
  evaluate({ mode, repo, domain }) {
    if (mode === 'single-repo' || repo.domain === null) {
      return fail('not registered: no custodian.yaml lists this repo; add it to a workspace under an active domain');
    }
    if (domain === null) return fail(`domain ${repo.domain} is not registered: add it under domains: in custodian.yaml`);
    if (domain.status !== 'active') {
      return fail(`domain ${domain.slug} is ${domain.status}: move the repo to an active domain or reactivate ${domain.slug}`);
    }
    return pass(`registered in active domain ${domain.slug}`);
  },
};
