import { checkoutMissing, fail, firstLine, pass, type Criterion } from '../criterion.js';

export const C7: Criterion<'check'> = {
  id: 'C7',
  tier: 'standard',
  group: 'check',
  title: '`check` reports no errors for the repo',
  docs:
    "Passes when `custodian check --repo <slug>` would report no error-severity diagnostic in the repo's files " +
    '(warnings and infos do not count; cross-file rules such as duplicate ids and dependencies see the whole ' +
    'workspace). It is re-evaluated whenever the repo\'s files, its registry entry, or the workspace\'s set of ' +
    'workplan and task ids (with the dependencies that cross repos) change.',
  evaluate({ checkout, errors, repo }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (errors.length === 0) return pass('custodian check reports no errors');
    const first = errors[0];
    const count = `${errors.length} check error${errors.length === 1 ? '' : 's'}`;
    return fail(`${count}, first ${first.file}:${first.line} ${first.rule_id} (${firstLine(first.message)}): run custodian check --repo ${repo.slug}`);
  },
};
