import { checkoutMissing, fail, pass, type Criterion } from '../criterion.js';

export const AGENT_GUIDES = ['AGENTS.md', 'CLAUDE.md'] as const;

export const C5: Criterion<'tree'> = {
  id: 'C5',
  tier: 'core',
  group: 'tree',
  title: 'agent guide present: AGENTS.md or CLAUDE.md',
  docs:
    "Passes when AGENTS.md or CLAUDE.md is committed at the repo's root (the tree of HEAD; a file only in the " +
    'working tree does not count: what is committed is what is integrated).',
  evaluate({ checkout, files }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    const found = AGENT_GUIDES.filter((name) => files.includes(name));
    if (found.length > 0) return pass(`${found.join(' and ')} committed`);
    return fail('no AGENTS.md or CLAUDE.md committed at the repo root: add one telling agents how to work here');
  },
};
