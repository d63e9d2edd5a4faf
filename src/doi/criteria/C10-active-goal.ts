import { fail, pass, type Criterion } from '../criterion.js';

export const C10: Criterion<'index'> = {
  id: 'C10',
  tier: 'standard',
  group: 'index',
  title: 'an active goal',
  docs:
    "Passes when the repo has an active goal: the one `custodian dispatch` shows (one ranking for both). Its goals " +
    'are those naming it with repo: (in any repo) and those living in it with neither repo: nor domain:; the active ' +
    "one with the lowest priority wins (missing priority last; ties by id, then repo and file); with none, the lowest " +
    "active goal naming the repo's domain with domain:.",
  evaluate({ repo, active_goal }) {
    if (active_goal === null) {
      const scope = repo.domain ? `repo: ${repo.slug} (or domain: ${repo.domain})` : `repo: ${repo.slug}`;
      return fail(`no active goal: add goals/<ID>.md with type: goal, status: active and ${scope}`);
    }
    const priority = active_goal.priority === null ? 'no priority' : `priority ${active_goal.priority}`;
    const where = active_goal.via_domain ? `, through domain ${repo.domain}` : '';
    return pass(`active goal ${active_goal.id ?? `(no id) in ${active_goal.file}`} (${priority}${where})`);
  },
};
