import { stringField } from '../../../documents/fields.js';
import { documentPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'registry/unknown-repo',
    severity: 'warning',
    description: 'A `repo:` that is not the repo the file lives in.',
    docs:
      'A document\'s `repo:` names the repository it belongs to, and that is the repo the file lives in: a workplan ' +
      'copied from another repo and not updated says so here. Goals are the exception: a goal may live in one repo and ' +
      'name another with `repo:` (that is how a coordination repo sets other repos\' goals), so for a goal the rule only ' +
      'checks that the slug is registered. The rule reports the value. Skipped in single-repo mode and by `custodian parse`.',
    fixable: false,
    registry: true,
    messages: {
      otherRepo: 'Unexpected repo `{{repo}}`: this file lives in `{{here}}`',
      unknown: 'Unknown repo `{{repo}}`: no registered repo has this slug (this file lives in `{{here}}`)',
    },
  },
  (ctx) => {
    const registry = ctx.registry;
    if (!registry || registry.mode !== 'workspace' || ctx.repo === null) return;
    for (const doc of ctx.result.documents) {
      const repo = stringField(doc.fields, 'repo');
      if (repo === null || repo === ctx.repo) continue;
      const registered = registry.repos.has(repo);
      if (doc.kind === 'goal' && registered) continue;
      ctx.report({
        at: documentPlace(ctx.lines, doc, ['repo']),
        messageId: registered ? 'otherRepo' : 'unknown',
        data: { repo, here: ctx.repo },
        subject: repo,
      });
    }
  },
);
