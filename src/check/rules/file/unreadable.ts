import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'file/unreadable',
  description: 'A file that cannot be read as text: binary, not UTF-8, over the size cap, or a link leaving the repo.',
  docs:
    'Every file matched by a repo\'s `include` globs must be UTF-8 text (a BOM is fine) without NUL bytes, at most 5 MiB, ' +
    'and must not be a symbolic link that leads out of the repository. A file that is not is reported at line 1, column 1 ' +
    'with the reason (for bytes that are not UTF-8, the offset of the first bad byte) and skipped; the rest of the ' +
    'workspace is still read. custodian never rewrites such a file: re-save it as UTF-8 or exclude it from `include`.',
});
