// Batched git calls as where the native addon is not built: the shell is started by
// child_process. The cases are in git-batch-cases.ts.
import { afterAll, vi } from 'vitest';
import { describeBatchedGit } from './git-batch-cases.js';

afterAll(() => vi.unstubAllEnvs());

describeBatchedGit('batched git calls, without the native addon', async () => {
  vi.stubEnv('CUSTODIAN_NATIVE', '0');
  const { canSpawnNative } = await import('../../src/workspace/native-spawn.js');
  if (canSpawnNative()) throw new Error('CUSTODIAN_NATIVE=0 should leave the addon unloaded');
  return (await import('../../src/workspace/git-batch.js')).batchedGit;
});
