import { andMore, checkoutMissing, fail, pass, type Criterion } from '../criterion.js';
import type { DriftKind } from '../model.js';

const REMEDY: Record<DriftKind, string> = {
  'completed-with-open-tasks': 'close the tasks or reopen the workplan',
  'active-all-closed': 'mark the workplan completed (custodian check --fix does it)',
  'mirror-disagrees': 'make the front-matter list item and the task block agree',
  'task-sets-differ': 'declare every task in both the tasks: list and the body, or in one form only',
};

export const C13: Criterion<'index'> = {
  id: 'C13',
  tier: 'full',
  group: 'index',
  title: 'no drift: workplan statuses agree with their tasks, task lists agree with bodies',
  docs:
    'Fails for a workplan that is completed while a task is still open (todo, in_progress, blocked or an unknown ' +
    'status), an active workplan whose tasks are all done or cancelled (never for a workplan with no tasks), a task ' +
    'declared both in the front-matter tasks: list and as a block whose status or title disagree, and a workplan ' +
    "using both forms whose sets of ids differ. A workplan's tasks are its list items and blocks plus the task files " +
    'of the same repo naming it with workplan:.',
  evaluate({ checkout, drift }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (drift.length === 0) return pass('workplan statuses agree with their tasks');
    const first = drift[0];
    return fail(`${first.file}:${first.line} ${first.workplan_id ?? '(no id)'}: ${first.reason}: ${REMEDY[first.kind]}${andMore(drift.length)}`);
  },
};
