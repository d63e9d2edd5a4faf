import { stringField } from '../../../documents/fields.js';
import { documentPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'registry/unknown-domain',
    severity: 'error',
    description: 'A `domain:` that is not a domain slug of the registry.',
    docs:
      'A document\'s `domain:` (workplans and goals use it; any kind is checked) must be the slug of a domain in ' +
      '`custodian.yaml`: a goal naming an unknown domain is never any repo\'s active goal, and `domain rename` cannot ' +
      'find it. The rule reports the value. Like every registry rule it is skipped in single-repo mode (there is no ' +
      'registry) and by `custodian parse`.',
    fixable: false,
    registry: true,
    messages: { unknown: 'Unknown domain `{{domain}}`: expected a domain slug of the registry{{suggestion}}' },
  },
  (ctx) => {
    const registry = ctx.registry;
    if (!registry || registry.mode !== 'workspace') return;
    for (const doc of ctx.result.documents) {
      const domain = stringField(doc.fields, 'domain');
      if (domain === null || registry.domains.has(domain)) continue;
      ctx.report({
        at: documentPlace(ctx.lines, doc, ['domain']),
        messageId: 'unknown',
        data: { domain, suggestion: suggest(domain, registry.domains) },
        subject: domain,
      });
    }
  },
);

function suggest(value: string, known: ReadonlySet<string>): string {
  const lower = value.toLowerCase();
  for (const slug of known) if (slug === lower || slug.replace(/[-_]/g, '') === lower.replace(/[-_ ]/g, '')) return ` (did you mean \`${slug}\`?)`;
  return known.size > 0 && known.size <= 8 ? ` (${[...known].sort().join(', ')})` : '';
}
