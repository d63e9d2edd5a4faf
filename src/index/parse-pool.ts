// A full sync's reading and parsing, shared by this thread and a worker thread. Files are handed
// over repo by repo, as git lists them, and each is claimed from one shared counter by whichever
// thread is free first: the worker parses ahead while this thread writes rows, and this thread
// parses a file itself whenever it has caught up with the worker. Rows are still written in file
// order, as an in-process sync writes them.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { prepareFile, type PreparedFile } from './prepare-file.js';

export interface ParseJob {
  checkout: string;
  path: string;
  /** Its stat stamp, or null: the read stamps it (prepareFile). */
  stamp: string | null;
}

/**
 * What a worker is started with (parse-worker.ts). Its jobs follow as messages, each repo's as its
 * list arrives, then null: no more.
 */
export interface ParseWorkerData {
  counters: Int32Array;
}

/** A parsed file as a worker posts it. */
export interface ParseWorkerMessage {
  index: number;
  prepared: PreparedFile;
}

/** Slots of the shared counters: the next file to claim, and how many files the writer has taken. */
export const NEXT = 0;
export const TAKEN = 1;

/**
 * How many files the workers may parse ahead of the writer: their results wait in memory. The
 * worker starts while this thread still lists the other repos, and 64 held it back then (at 10,000
 * files: 256 took a first sync from 2.01 to 1.93 s, 512 no further, each ~3 MiB more at its peak).
 */
export const AHEAD = 256;
/**
 * One worker nearly keeps up with the writer; each more costs a V8 of its own that loads and
 * optimises the parser again (measured at 10,000 files on 2 cores: two workers took 3.5 s and
 * 245 MiB against 2.7 s and 163 MiB for one, and this thread parsing files ahead while it waited
 * for the worker took 3.0 s and 225 MiB).
 */
const DEFAULT_WORKERS = 1;

export interface ParsePool {
  /**
   * Hands the workers more files, in the order take() will return them. (A worker still loading
   * its modules takes none: this thread parses what it reaches first, all of a small workspace.)
   */
  add(jobs: ParseJob[]): void;
  /** No more files: the workers stop once they have parsed the ones added. */
  end(): void;
  /**
   * Settles once a worker has parsed a file (or failed): until then this thread parses every file
   * it takes itself (a worker loads its modules for ~100 ms first), and a caller with other work to
   * do (listing the rest of the repos) had better do that first.
   */
  readonly started: Promise<void>;
  /** The next file in job order (one added already), read and parsed. */
  take(): Promise<PreparedFile>;
  /** Stops the workers (a sync that failed midway leaves them waiting for the writer). */
  close(): Promise<void>;
}

/**
 * Starts parse workers before the files are known, so that they load their modules while git lists
 * the repos; null where in-process parsing is as good (one core, or no worker script).
 */
export async function startParsePool(): Promise<ParsePool | null> {
  const workers = workerCount();
  // The worker is a file of its own beside this module: parse-worker.js in the compiled tree
  // (dist/), parse-worker.mjs in the bundle, absent when running from sources.
  const script = new URL(import.meta.url.endsWith('.mjs') ? './parse-worker.mjs' : './parse-worker.js', import.meta.url);
  if (workers < 1 || !existsSync(fileURLToPath(script))) return null;
  const { Worker } = await import('node:worker_threads');
  return new SharedParsePool((data) => new Worker(script, { workerData: data }), workers);
}

/** Runs `work` with a pool started for it (null: parse in-process) and closes the pool afterwards, whatever happens. */
export async function withParsePool<T>(work: (pool: ParsePool | null) => Promise<T>): Promise<T> {
  const pool = await startParsePool();
  try {
    return await work(pool);
  } finally {
    await pool?.close();
  }
}

/** DEFAULT_WORKERS where there is a core to spare; CUSTODIAN_PARSE_THREADS overrides it (0: parse in-process). */
function workerCount(): number {
  const configured = process.env.CUSTODIAN_PARSE_THREADS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  return availableParallelism() > 1 ? DEFAULT_WORKERS : 0;
}

class SharedParsePool implements ParsePool {
  private readonly counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private readonly delivered = new Map<number, PreparedFile>();
  private readonly workers: Worker[] = [];
  private readonly jobs: ParseJob[] = [];
  private waiting: { index: number; wake: () => void } | null = null;
  private taken = 0;
  /** Files this thread parsed itself, because no worker had claimed them when it needed them. */
  private parsedHere = 0;
  /** A worker failed: files it claimed may never arrive, so the writer parses what it waits for. */
  private broken = false;

  readonly started: Promise<void>;
  private settleStarted: () => void = () => undefined;

  constructor(start: (data: ParseWorkerData) => Worker, count: number) {
    this.started = new Promise((settle) => (this.settleStarted = settle));
    for (let i = 0; i < count; i++) {
      const worker = start({ counters: this.counters });
      worker.on('message', ({ index, prepared }: ParseWorkerMessage) => {
        this.settleStarted();
        this.delivered.set(index, prepared);
        if (this.waiting?.index === index) this.waiting.wake();
      });
      worker.on('error', () => this.fail());
      worker.on('exit', (code) => {
        if (code !== 0) this.fail();
      });
      this.workers.push(worker);
    }
  }

  add(jobs: ParseJob[]): void {
    this.jobs.push(...jobs);
    this.post(jobs);
  }

  end(): void {
    this.post(null);
  }

  private post(jobs: ParseJob[] | null): void {
    for (const worker of this.workers) worker.postMessage(jobs);
  }

  async take(): Promise<PreparedFile> {
    const index = this.taken++;
    Atomics.store(this.counters, TAKEN, index);
    Atomics.notify(this.counters, TAKEN);
    const job = this.jobs[index];
    // Not claimed by a worker yet: parse it here rather than wait. (Parsing later files while a
    // worker finishes this one was measured too: more memory and CPU, and no faster.)
    if (Atomics.compareExchange(this.counters, NEXT, index, index + 1) === index) {
      this.parsedHere++;
      return prepareFile(job.checkout, job.path, job.stamp);
    }
    while (!this.delivered.has(index) && !this.broken) await new Promise<void>((wake) => (this.waiting = { index, wake }));
    this.waiting = null;
    const prepared = this.delivered.get(index);
    this.delivered.delete(index);
    if (prepared !== undefined) return prepared;
    this.parsedHere++;
    return prepareFile(job.checkout, job.path, job.stamp);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    if (process.env.CUSTODIAN_DEBUG) {
      process.stderr.write(`custodian: sync parsed ${this.taken - this.parsedHere} of ${this.taken} files in ${this.workers.length} worker thread(s)\n`);
    }
  }

  private fail(): void {
    this.broken = true;
    this.settleStarted();
    this.waiting?.wake();
  }
}
