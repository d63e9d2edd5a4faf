import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'task/missing-id',
  description: 'A task with no id.',
  docs:
    'Every task (fenced block, front-matter list item or task file) needs an `id:`. The diagnostic sits at the block\'s ' +
    'opening fence, the list item\'s line or the task file\'s first line. A task without an id cannot be depended on, ' +
    'dispatched or edited by `custodian task status`. A missing id is always this rule, never `schema/invalid`.',
});
