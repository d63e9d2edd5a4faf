// The command's answer on stdout, written with write(2) on file descriptor 1. Node's
// process.stdout is a stream made on first use: a net.Socket for a pipe (a hook, an agent, `| jq`),
// a SyncWriteStream for a file, loading the stream and net modules (~5 ms) before the first byte.
// Both are synchronous on POSIX anyway; this writes the same bytes in the same order without them.
// Where fd 1 refuses a blocking write (EAGAIN: a non-blocking pipe a parent handed down), the rest
// of the run writes through process.stdout, which queues. A reader that has gone (EPIPE: `| head`)
// ends the run quietly, as git does.
import { fstatSync, writeSync } from 'node:fs';

/** What the output functions write to: process.stdout, process.stderr, a test's sink, or `stdout` below. */
export interface OutputSink {
  write(chunk: string | Uint8Array): unknown;
}

let streamed = false;
let whenClosed: () => void = () => process.exit(0);

/** What to do when the reader has gone: main() exits with the exit code the command has so far. */
export function onStdoutClosed(handler: () => void): void {
  whenClosed = handler;
}

/** process.stdout, with the closed-reader handling above; for writers that need a stream. */
export function stdoutStream(): NodeJS.WriteStream {
  if (!streamed) {
    streamed = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      whenClosed();
    });
  }
  return process.stdout;
}

export const stdout: OutputSink = {
  write(chunk: string | Uint8Array): boolean {
    // Once anything went through the stream, everything does: its queue keeps the order.
    if (streamed) return stdoutStream().write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(1, bytes, done, bytes.length - done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') return stdoutStream().write(bytes.subarray(done));
        if (code === 'EPIPE') {
          whenClosed();
          return false;
        }
        throw error;
      }
    }
    return true;
  },
};

/** Whether stdout is a terminal, asked without making process.stdout (a file or pipe never is). */
export function stdoutIsTerminal(): boolean {
  if (streamed) return process.stdout.isTTY === true;
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stdoutStream().isTTY === true;
}

/** Columns of the terminal stdout is, or undefined when it is not one. */
export function stdoutColumns(): number | undefined {
  return stdoutIsTerminal() ? process.stdout.columns : undefined;
}
