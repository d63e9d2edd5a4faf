import { andMore, checkoutMissing, fail, firstLine, pass, type Criterion } from '../criterion.js';

export const C13: Criterion<'check'> = {
  id: 'C13',
  tier: 'full',
  group: 'check',
  title: 'no drift: workplan statuses agree with their tasks, task lists agree with bodies',
  docs:
    'Passes when `custodian check --repo <slug>` reports nothing for the two workplan rules: `workplan/status-rollup` ' +
    '(a completed workplan with an open task, or an active one whose every task is done or cancelled; its tasks are ' +
    'its blocks and list items plus the task files anywhere in the workspace naming it with workplan:) and ' +
    '`workplan/task-list-mismatch` (a front-matter tasks: list and the body blocks that disagree). It is the same ' +
    'check run as C7, so DoI and `check` always agree; a rule turned off in the registry does not count.',
  evaluate({ checkout, drift }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (drift.length === 0) return pass('workplan statuses agree with their tasks');
    const first = drift[0];
    const remedy = first.fixable ? 'custodian check --fix fixes it' : 'see custodian check';
    return fail(`${first.file}:${first.line} ${first.rule_id} (${firstLine(first.message)}): ${remedy}${andMore(drift.length)}`);
  },
};
