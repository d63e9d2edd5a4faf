// remark's parse in a worker thread with a time limit: some inputs take remark minutes (a
// 200 KB line of `*a` took 163 s), and the sync must not hang on one hostile file. One worker
// serves every fallback in turn; it is ended when a parse overruns and started again on the
// next request, and it never keeps the process alive on its own.

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';

// Plain JavaScript so that the worker runs the same under the compiled CLI and the tests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const parser = (async () => {
  const { unified } = await import(workerData.unified);
  const { default: remarkParse } = await import(workerData.remarkParse);
  return unified().use(remarkParse).freeze();
})();
parentPort.on('message', async ({ id, text }) => {
  try {
    parentPort.postMessage({ id, tree: (await parser).parse(text) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

export class RemarkTimeout extends Error {}

/** remark itself threw on the text: the same text will fail the same way. */
export class RemarkParseError extends Error {}

interface Job {
  id: number;
  text: string;
  timeoutMs: number;
  done: (tree: Root) => void;
  fail: (error: Error) => void;
}

interface Reply {
  id: number;
  tree?: Root;
  error?: string;
}

const queue: Job[] = [];
/** The job being parsed, and the worker parsing it. */
let running: { job: Job; timer: NodeJS.Timeout; worker: Worker } | null = null;
let worker: Worker | null = null;
let nextId = 1;

/** remark's mdast of `text`, or a rejection once the parse has run `timeoutMs`. */
export function parseInWorker(text: string, timeoutMs: number): Promise<Root> {
  // No time at all (a test forcing the timeout path): fail without starting a worker.
  if (timeoutMs <= 0) return Promise.reject(new RemarkTimeout('remark took longer than 0 ms'));
  return new Promise<Root>((done, fail) => {
    queue.push({ id: nextId++, text, timeoutMs, done, fail });
    runNext();
  });
}

function runNext(): void {
  if (running !== null) return;
  const job = queue.shift();
  if (job === undefined) {
    worker?.unref();
    return;
  }
  const current = startWorker();
  current.ref();
  const timer = setTimeout(() => {
    stopWorker();
    finishRunning()?.fail(new RemarkTimeout(`remark took longer than ${job.timeoutMs} ms`));
  }, job.timeoutMs);
  running = { job, timer, worker: current };
  current.postMessage({ id: job.id, text: job.text });
}

function finishRunning(): Job | undefined {
  if (running === null) return undefined;
  const { job, timer } = running;
  clearTimeout(timer);
  running = null;
  queueMicrotask(runNext);
  return job;
}

function startWorker(): Worker {
  if (worker !== null) return worker;
  const resolve = createRequire(import.meta.url).resolve;
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      unified: pathToFileURL(resolve('unified')).href,
      remarkParse: pathToFileURL(resolve('remark-parse')).href,
    },
  });
  started.on('message', (reply: Reply) => {
    if (running?.worker !== started || running.job.id !== reply.id) return;
    const job = finishRunning()!;
    if (reply.tree !== undefined) job.done(reply.tree);
    else job.fail(new RemarkParseError(reply.error ?? 'remark failed'));
  });
  started.on('error', (error) => {
    if (worker === started) worker = null;
    if (running?.worker === started) finishRunning()?.fail(error);
  });
  started.on('exit', () => {
    if (worker === started) worker = null;
    if (running?.worker === started) finishRunning()?.fail(new Error('remark worker stopped'));
  });
  worker = started;
  return started;
}

function stopWorker(): void {
  const stopping = worker;
  worker = null;
  void stopping?.terminate();
}
