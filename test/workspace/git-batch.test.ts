// Batched git calls with the shell started by the native addon (where it was built: under CI=true
// spawn-reading.test.ts insists on it). The cases are in git-batch-cases.ts.
import { describeBatchedGit } from './git-batch-cases.js';

describeBatchedGit('batched git calls', async () => (await import('../../src/workspace/git-batch.js')).batchedGit);
