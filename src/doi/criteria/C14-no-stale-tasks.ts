import { ageInDays, andMore, checkoutMissing, DAY_SECONDS, fail, pass, type Criterion } from '../criterion.js';

export const STALE_AFTER_DAYS = 14;

export const C14: Criterion<'history'> = {
  id: 'C14',
  tier: 'full',
  group: 'history',
  title: 'no in_progress task untouched for more than 14 days',
  docs:
    "Fails when an in_progress task's lines (its fence block, front-matter list item or task-file front-matter) " +
    'were last committed more than 14 days ago (git blame, commit time of the newest line). A line that is not ' +
    'committed yet counts as touched now. For a task declared in both forms, the block is its lines.',
  evaluate({ checkout, stale_candidates }, now) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (stale_candidates.length === 0) return pass('no in_progress tasks');
    const limit = now.getTime() / 1000 - STALE_AFTER_DAYS * DAY_SECONDS;
    const stale = stale_candidates
      .filter((t) => t.touched_at !== null && t.touched_at < limit)
      .sort((a, b) => a.touched_at! - b.touched_at! || a.file.localeCompare(b.file) || a.line - b.line);
    const n = stale_candidates.length;
    if (stale.length === 0) return pass(`${n} in_progress task${n === 1 ? '' : 's'}, all touched within ${STALE_AFTER_DAYS} days`);
    const first = stale[0];
    const days = ageInDays(first.touched_at!, now);
    return fail(`${first.task_id ?? '(no id)'} (${first.file}:${first.line}) is in_progress but untouched for ${days} days: update it or set its real status${andMore(stale.length)}`);
  },
};
