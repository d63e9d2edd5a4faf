// runGit as where the native addon is not built: git is started by child_process. The cases are in
// run-git-cases.ts.
import { afterAll, vi } from 'vitest';
import { describeRunGit } from './run-git-cases.js';

afterAll(() => vi.unstubAllEnvs());

describeRunGit('runGit, without the native addon', async () => {
  vi.stubEnv('CUSTODIAN_NATIVE', '0');
  const { canSpawnNative } = await import('../../src/workspace/native-spawn.js');
  if (canSpawnNative()) throw new Error('CUSTODIAN_NATIVE=0 should leave the addon unloaded');
  return import('../../src/workspace/git.js');
});
