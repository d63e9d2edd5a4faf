// Terminal output: JSON documents to stdout, colour only on a TTY and never with NO_COLOR.
import { inertLines, visibleDocument, visibleLines } from '../visible.js';
import { stdout, stdoutIsTerminal, type OutputSink } from './stdout.js';

export function writeJson(value: unknown, stream: OutputSink = stdout): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A document whose last key is a list, written out item by item: the bytes are exactly
 * writeJson({ ...head, [key]: [...items] })'s, but the items are never all held at once. Each item
 * is encoded straight into a 128 KiB buffer, written when full (stdout is written synchronously:
 * src/cli/stdout.ts): concatenating strings instead costs five times the CPU in flattening.
 */
export function writeJsonItems(head: object, key: string, items: Iterable<unknown>, stream: OutputSink = stdout): void {
  const empty = JSON.stringify({ ...head, [key]: [] }, null, 2);
  // An item stringified inside a one-item document is indented as it is in the whole document;
  // `probe` says where it starts, and the document's last 6 characters are `\n  ]\n}`.
  const wrapper: Record<string, unknown[]> = { [key]: [0] };
  const start = JSON.stringify(wrapper, null, 2).indexOf('    0');
  const out = new ChunkWriter(stream);
  out.put(empty.slice(0, -'[]\n}'.length));
  let first = true;
  for (const item of items) {
    out.put(first ? '[\n' : ',\n');
    wrapper[key][0] = item;
    out.put(JSON.stringify(wrapper, null, 2).slice(start, -6));
    first = false;
  }
  out.put(first ? '[]\n}\n' : '\n  ]\n}\n');
  out.flush();
}

class ChunkWriter {
  private static readonly SIZE = 128 * 1024;
  private buffer = Buffer.allocUnsafe(ChunkWriter.SIZE);
  private used = 0;

  constructor(private readonly stream: OutputSink) {}

  put(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) this.stream.write(text);
    else this.used += this.buffer.write(text, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    // A fresh buffer each time: the stream may still hold the one it was given.
    this.stream.write(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(ChunkWriter.SIZE);
    this.used = 0;
  }
}

/** Human output: no line of it can be taken for a CI workflow command (see inertLines). */
export function writeLines(lines: string[], stream: OutputSink = stdout): void {
  if (lines.length > 0) stream.write(`${inertLines(lines.join('\n'))}\n`);
}

/**
 * A document as a human view: `format` sees every string of it with control characters made
 * visible (src/visible.ts), so no title, id or file name reaches the terminal raw.
 */
export function writeHuman<T>(doc: T, format: (shown: T) => string[], stream: OutputSink = stdout): void {
  writeLines(format(visibleDocument(doc)), stream);
}

/** A `--dry-run` diff: file text on its way to a terminal, so made visible like any human view. */
export function writeDiff(diff: string, stream: OutputSink = stdout): void {
  if (diff !== '') writeHuman({ diff }, (shown) => [shown.diff.replace(/\n$/, '')], stream);
}

/**
 * A command's whole answer: to stdout, or with `--out FILE` written atomically to that file and
 * `said(bytes)` told on stderr (what was written, for the person who asked for the file).
 */
export async function writeOutput(text: string, out: string | undefined, said: (bytes: number) => string): Promise<void> {
  if (out === undefined) {
    stdout.write(text);
    return;
  }
  const [{ writeFileAtomic }, { resolve }] = await Promise.all([import('../edit/atomic-write.js'), import('node:path')]);
  await writeFileAtomic(resolve(out), text);
  writeMessage(`custodian: wrote ${out}${said(Buffer.byteLength(text))}`);
}

/** A message about the run on stderr (`custodian: …`), made visible and inert like every human line. */
export function writeMessage(message: string): void {
  process.stderr.write(`${inertLines(visibleLines(message))}\n`);
}

export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

/** Colour for stdout: only on a terminal, and never with NO_COLOR or --no-color. */
export function useColor(): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.argv.includes('--no-color')) return false;
  return stdoutIsTerminal();
}

export function colors(enabled = useColor()): Colors {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}
