import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'frontmatter/parse',
  description: 'Front-matter that is not valid YAML of the accepted subset, or a `---js` engine.',
  docs:
    'The front-matter must be one YAML 1.2 document (core schema: dates stay strings) holding a mapping, without anchors, ' +
    'aliases, tags or merge keys, without duplicate keys, and within 64 KiB. The diagnostic sits at the YAML error\'s own ' +
    'line and column. A `---js` (or any other `---<engine>`) opening is refused without running anything. A file whose ' +
    'front-matter fails still contributes the ids of its parseable task blocks, so one broken file does not turn into ' +
    '`dependency/unknown` errors elsewhere, but none of its tasks is ever ready.',
});
