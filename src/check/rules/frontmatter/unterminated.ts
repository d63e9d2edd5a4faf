import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'frontmatter/unterminated',
  description: 'An opening `---` with no closing line.',
  docs:
    'The opening `---` on line 1 has no closing `---` or `...` line, so nothing tells where the YAML ends. The rule ' +
    'reports the opening line (columns 1–4); the whole file is then read as the body, so its task blocks still count, ' +
    'but the document has no id and no fields until the closing line is added.',
});
