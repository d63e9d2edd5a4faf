// The worker half of parse-pool.ts: claims the next file from the shared counter, reads and parses
// it (prepareFile) and posts the result, never more than AHEAD files past the writer.
import { parentPort, workerData } from 'node:worker_threads';
import { AHEAD, NEXT, TAKEN, type ParseJob, type ParseWorkerData, type ParseWorkerMessage } from './parse-pool.js';
import { prepareFile } from './prepare-file.js';

const { counters } = workerData as ParseWorkerData;
// Started before the files were known (see startParsePool): they come as the first message.
const jobs = await new Promise<ParseJob[]>((resolve) => parentPort!.once('message', resolve));

for (;;) {
  // Wait before claiming, not after: a claimed file is one the writer can no longer parse itself.
  for (let taken = Atomics.load(counters, TAKEN); Atomics.load(counters, NEXT) - taken > AHEAD; taken = Atomics.load(counters, TAKEN)) {
    Atomics.wait(counters, TAKEN, taken, 20);
  }
  const index = Atomics.add(counters, NEXT, 1);
  if (index >= jobs.length) break;
  const prepared = await prepareFile(jobs[index].checkout, jobs[index].path);
  parentPort!.postMessage({ index, prepared } satisfies ParseWorkerMessage);
}

