// A vitest reporter that ends the run when a test file is stuck. A test blocked in a synchronous
// call (an open() of a FIFO that waits for a writer, say) cannot be interrupted by its own
// timeout: its process never gets back to its event loop, vitest waits for it forever, and CI
// runs into its own limit having said nothing about it. The main vitest process is not blocked:
// here it notices a file from which no news has come for longer than any of its tests or hooks
// may take, names it (and its last test heard of), and ends the run as failed.
import { readdirSync, readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';

/** Beyond the longest timeout of a file's tests and hooks, before its silence counts as stuck. */
const GRACE_MS = 60_000;
/** A file whose tests are not known yet (still loading) may be silent this long. */
const LOADING_LIMIT_MS = 5 * 60_000;
const CHECK_EVERY_MS = 5_000;

interface Running {
  file: string;
  /** The last test this file reported starting or finishing. */
  lastTest: string | null;
  heardAt: number;
  limitMs: number;
}

export default class StuckTestReporter implements Reporter {
  private vitest: Vitest | null = null;
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | null = null;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onTestModuleQueued(module: TestModule): void {
    this.running.set(module.id, { file: module.moduleId, lastTest: null, heardAt: Date.now(), limitMs: LOADING_LIMIT_MS });
  }

  onTestModuleCollected(module: TestModule): void {
    const entry = this.running.get(module.id);
    if (!entry || !this.vitest) return;
    // The reported tests do not carry their timeouts; the runner's tasks do.
    const timeouts = [...module.children.allTests()].map((test) => (this.vitest!.state.idMap.get(test.id) as { timeout?: number } | undefined)?.timeout ?? 0);
    entry.limitMs = Math.max(this.vitest.config.testTimeout, this.vitest.config.hookTimeout, ...timeouts) + GRACE_MS;
    entry.heardAt = Date.now();
  }

  onTestCaseReady(test: TestCase): void {
    this.heard(test, `${test.fullName} (started)`);
  }

  onTestCaseResult(test: TestCase): void {
    this.heard(test, `${test.fullName} (finished)`);
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.id);
  }

  onTestRunEnd(): void {
    if (this.timer) clearInterval(this.timer);
    this.running.clear();
  }

  private heard(test: TestCase, what: string): void {
    const entry = this.running.get(test.module.id);
    if (!entry) return;
    entry.lastTest = what;
    entry.heardAt = Date.now();
  }

  private check(): void {
    const now = Date.now();
    const stuck = [...this.running.values()].find((entry) => now - entry.heardAt > entry.limitMs);
    if (!stuck) return;
    process.stderr.write(
      `\nstuck: nothing heard from ${stuck.file} for ${Math.round((now - stuck.heardAt) / 1000)} s, longer than any of its tests or hooks may take ` +
        `(last heard of: ${stuck.lastTest ?? 'none of its tests yet'}). Its process is blocked in a call no timeout interrupts; ending the run as failed.\n`,
    );
    // The stuck worker cannot read the pool's request to stop, so no orderly close: the workers
    // are killed and the run ends here (files not yet run are not reported).
    killChildren();
    process.exit(1);
  }
}

/** SIGKILLs this process's children (the test workers), found in /proc on Linux. */
function killChildren(): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      // The parent's pid is the 4th field, after the command name in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
}
