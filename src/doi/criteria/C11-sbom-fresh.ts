import { ageInDays, checkoutMissing, DAY_SECONDS, fail, isoDay, pass, type Criterion } from '../criterion.js';

export const SBOM_MAX_AGE_DAYS = 30;

export const C11: Criterion<'history'> = {
  id: 'C11',
  tier: 'full',
  group: 'history',
  title: 'SBOM committed within the last 30 days',
  docs:
    'Passes when the newest commit touching a committed SBOM file (commit time, not author time) is at most 30 ' +
    'days old. Fails when there is no SBOM (see C9) or when it is older.',
  evaluate({ checkout, sbom_paths, sbom_committed_at }, now) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (sbom_paths.length === 0) return fail('no SBOM committed (see C9): commit one, then refresh it at least every 30 days');
    if (sbom_committed_at === null) return fail(`no commit found for ${sbom_paths[0]}: commit the SBOM`);
    const age = ageInDays(sbom_committed_at, now);
    const when = `${age} day${age === 1 ? '' : 's'} ago (${isoDay(sbom_committed_at)})`;
    if (now.getTime() / 1000 - sbom_committed_at > SBOM_MAX_AGE_DAYS * DAY_SECONDS) {
      return fail(`SBOM last committed ${when}, over ${SBOM_MAX_AGE_DAYS} days: regenerate and commit it`);
    }
    return pass(`SBOM committed ${when}`);
  },
};
