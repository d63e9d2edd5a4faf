import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'task/unterminated-fence',
  description: 'A task fence that runs to the end of the file.',
  docs:
    'A ```` ```task ```` fence with no closing fence of the same character and at least the same length swallows the ' +
    'rest of the file (CommonMark\'s rule), so every heading and block after it disappears. The diagnostic spans the ' +
    'fence from its opening line to the last line of the file; the block yields no task.',
});
