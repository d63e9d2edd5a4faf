// The worker half of parse-pool.ts: claims the next file from the shared counter, reads and parses
// it (prepareFile) and posts the result, never more than `ahead` files past the writer.
import { parentPort, workerData } from 'node:worker_threads';
import { NEXT, TAKEN, type ParseWorkerData, type ParseWorkerMessage } from './parse-pool.js';
import { prepareFile, type PreparedFile } from './prepare-file.js';
import { writtenResult, type WrittenResult } from './store.js';

const { jobs, counters, ahead } = workerData as ParseWorkerData;

for (let index = Atomics.add(counters, NEXT, 1); index < jobs.length; index = Atomics.add(counters, NEXT, 1)) {
  for (let taken = Atomics.load(counters, TAKEN); index - taken > ahead; taken = Atomics.load(counters, TAKEN)) {
    Atomics.wait(counters, TAKEN, taken, 100);
  }
  const prepared = await prepareFile(jobs[index].checkout, jobs[index].path);
  parentPort!.postMessage({ index, prepared: forWriter(prepared) } satisfies ParseWorkerMessage);
}

/** Only what the writer reads crosses back (writtenResult). */
function forWriter(prepared: PreparedFile): PreparedFile<WrittenResult> {
  return prepared.kind === 'parsed' ? { ...prepared, result: writtenResult(prepared.result) } : prepared;
}
