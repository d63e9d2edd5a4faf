// .ci/run installs the Debian packages the tests start, on a fresh CI machine; scripts/test-deps.sh
// (run by `npm test` too) lists them to check and install what is missing. The two lists must agree,
// or CI would start without a package a suite needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

test(".ci/run installs every Debian package scripts/test-deps.sh checks for, and no other", () => {
  const ciRun = readFileSync(join(PROJECT_ROOT, '.ci', 'run'), 'utf8');
  const testDeps = readFileSync(join(PROJECT_ROOT, 'scripts', 'test-deps.sh'), 'utf8');
  const listed = /^PACKAGES=\(\n([\s\S]*?)\n\)/m.exec(testDeps)![1];
  const checked = [...listed.matchAll(/^\s*"\S+ (\S+)"$/gm)].map((m) => m[1]);
  const installLine = /apt-get install -y -q --no-install-recommends (.+)$/m.exec(ciRun)![1];
  expect(checked.length).toBeGreaterThanOrEqual(5);
  expect(installLine.split(' ').sort()).toEqual([...checked].sort());
});
