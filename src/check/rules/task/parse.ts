import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'task/parse',
  description: 'A task block (or front-matter task list item) that is not valid YAML or not a mapping.',
  docs:
    'The YAML inside a ```` ```task ```` fence must be a mapping of keys (`id`, `status`, …) in the same YAML subset as ' +
    'the front-matter; an item of a front-matter `tasks:` list must be a mapping too. The diagnostic sits at the YAML ' +
    'error\'s position in the file (inside block quotes and list items too). Such a block yields no task.',
});
