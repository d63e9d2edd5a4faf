// Waiting in a test for what another process or the file watch does: poll, with a deadline that
// fails loudly (a test that waits forever hides which step never came).

export interface PollOptions {
  /** Give up after this long (default 20 s: below the suite's 30 s test timeout, so this error is the one seen). */
  timeoutMs?: number;
  /** Look again after this long (default 50 ms). */
  everyMs?: number;
}

/** The probe's first value that `done` accepts; past the deadline, an error naming the last value. */
export async function until<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, { timeoutMs = 20_000, everyMs = 50 }: PollOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Resolves once `condition` holds. */
export async function waitFor(condition: () => boolean, options: PollOptions = {}): Promise<void> {
  await until(condition, (held) => held, options);
}
