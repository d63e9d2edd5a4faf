import { documentPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'interface-change/unknown-repo',
    severity: 'error',
    description: 'An interface change whose `affected_repos` names a repo that is not registered.',
    docs:
      'Each slug in an interface change\'s `affected_repos` must be a registered repo, or the change never shows in ' +
      'that repo\'s dispatch and its consumers are never told. Each unknown slug is reported at its place in the list. ' +
      'It consults the registry, so like the `registry/*` rules it is skipped in single-repo mode and by `custodian parse`.',
    fixable: false,
    registry: true,
    messages: { unknown: 'Unknown affected repo `{{slug}}` in `{{owner}}`: no registered repo has this slug' },
  },
  (ctx) => {
    const registry = ctx.registry;
    if (!registry || registry.mode !== 'workspace') return;
    for (const doc of ctx.result.documents) {
      if (doc.kind !== 'interface-change' || !Array.isArray(doc.fields.affected_repos)) continue;
      doc.fields.affected_repos.forEach((slug: unknown, index: number) => {
        if (typeof slug !== 'string' || registry.repos.has(slug)) return;
        ctx.report({
          at: documentPlace(ctx.lines, doc, ['affected_repos', index]),
          messageId: 'unknown',
          data: { slug, owner: doc.id ?? 'interface change' },
          subject: `${doc.id ?? ''}:${slug}`,
        });
      });
    }
  },
);
