import { andMore, checkoutMissing, fail, pass, type Criterion } from '../criterion.js';
import { sbomPaths } from '../sbom.js';

export const C9: Criterion<'tree'> = {
  id: 'C9',
  tier: 'standard',
  group: 'tree',
  title: 'dependency snapshot (SBOM) committed',
  docs:
    'Passes when a file named *.cdx.json, *.spdx.json or sbom.* (any folder, any case) is committed in the tree ' +
    'of HEAD.',
  evaluate({ checkout, files }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    const found = sbomPaths(files);
    if (found.length > 0) return pass(`SBOM committed: ${found[0]}${andMore(found.length)}`);
    return fail('no SBOM committed (*.cdx.json, *.spdx.json or sbom.*): generate one (e.g. syft . -o cyclonedx-json=sbom.cdx.json) and commit it');
  },
};
