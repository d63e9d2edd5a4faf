import { checkoutMissing, fail, pass, type Criterion } from '../criterion.js';

export const C8: Criterion<'tree'> = {
  id: 'C8',
  tier: 'standard',
  group: 'tree',
  title: 'scope declared: SCOPE.md, or a ## Scope section in README.md',
  docs:
    "Passes when SCOPE.md is committed at the repo's root, or the committed README.md has a level-2 heading " +
    'starting with "Scope" (ATX or setext; headings inside code blocks do not count). Reads the tree of HEAD.',
  evaluate({ checkout, files, readme_scope }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (files.includes('SCOPE.md')) return pass('SCOPE.md committed');
    if (readme_scope === true) return pass('README.md has a ## Scope section');
    if (files.includes('README.md')) {
      return fail('README.md has no "## Scope" section and no SCOPE.md is committed: add one saying what this repo owns and what it does not');
    }
    return fail('no SCOPE.md or README.md with a "## Scope" section committed: add SCOPE.md saying what this repo owns and what it does not');
  },
};
