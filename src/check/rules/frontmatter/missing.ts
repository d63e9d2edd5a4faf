import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'frontmatter/missing',
  description: 'A planning file with no front-matter.',
  docs:
    'A planning document starts with a `---` line, YAML keys (at least `id`) and a closing `---` (or `...`) line. A matched ' +
    'file without one is reported at line 1 and skipped: it declares no documents and no tasks. A README or notes file ' +
    'that lives among the plans triggers this rule; narrow the repo\'s `include` globs, or turn the rule `off` in ' +
    '`custodian.yaml` for that repo.',
});
