import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'file/unreadable',
  description: 'A file that cannot be read as text: binary, not UTF-8, over the size cap, or a link leaving the repo.',
  docs:
    'Every file matched by a repo\'s `include` globs must be UTF-8 text (a BOM is fine) without NUL bytes, at most 5 MiB, ' +
    'and must not be a symbolic link that leads out of the repository. A file that is not is reported with the reason and ' +
    'skipped: bytes that are not UTF-8 at the line and column of the first bad byte (and its offset), anything else at ' +
    'line 1, column 1; sync, check and parse report the same position. The rest of the ' +
    'workspace is still read. custodian never rewrites such a file: re-save it as UTF-8 or exclude it from `include`.',
});
