// The worker half of parse-pool.ts: claims the next file from the shared counter, reads and parses
// it (prepareFile) and posts the result, never more than AHEAD files past the writer.
import { parentPort, workerData } from 'node:worker_threads';
import { AHEAD, NEXT, TAKEN, type ParseJob, type ParseWorkerData, type ParseWorkerMessage } from './parse-pool.js';
import { prepareFile } from './prepare-file.js';

const { counters } = workerData as ParseWorkerData;
// Started before the files were known (see startParsePool): they come in messages, each repo's
// as git lists it, then null.
const jobs: ParseJob[] = [];
let ended = false;
let arrived: (() => void) | null = null;
parentPort!.on('message', (more: ParseJob[] | null) => {
  if (more === null) ended = true;
  else jobs.push(...more);
  arrived?.();
});

for (;;) {
  // Wait before claiming, not after: a claimed file is one the writer can no longer parse itself.
  for (let taken = Atomics.load(counters, TAKEN); Atomics.load(counters, NEXT) - taken > AHEAD; taken = Atomics.load(counters, TAKEN)) {
    Atomics.wait(counters, TAKEN, taken, 20);
  }
  const index = Atomics.add(counters, NEXT, 1);
  // Claimed before its repo was listed: wait for its list (messages come in only while this waits).
  while (index >= jobs.length && !ended) await new Promise<void>((resolve) => (arrived = resolve));
  if (index >= jobs.length) break;
  const { checkout, path, stamp } = jobs[index];
  const prepared = await prepareFile(checkout, path, stamp);
  parentPort!.postMessage({ index, prepared } satisfies ParseWorkerMessage);
}

