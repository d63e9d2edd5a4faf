// The block scan the sync path uses: the line scanner, and remark only for the rare text the
// scanner declines. remark runs in a worker with a time limit, loaded on first need (never
// at start-up).

import type { BlockScan, ScanOptions } from './types.js';
import { scanMarkdown } from './scan.js';
import { NESTING_REASON } from './block-scanner.js';

export { scanMarkdown } from './scan.js';
export type { BlockScan, ScanOptions, ScanOutcome, ScannedFence, ScannedHeading } from './types.js';

export type BlockScanResult = BlockScan & {
  used_fallback: boolean;
  fallback_reason?: string;
  /**
   * Set when even remark could not scan the text: `headings` and `fences` then hold only what
   * ended before `line` (the line the scanner declined), and the rest of the body is unread.
   */
  failure?: ScanFailure;
};

export interface ScanFailure {
  /** The line the scanner declined: nothing from it on was scanned. */
  line: number;
  reason: string;
  /** Caused by a time limit (or the worker dying), not by the text: another try may succeed. */
  transient: boolean;
}

/** Container prefixes longer than this are not handed to remark: its parse time grows with
 *  the square of the nesting (50,000 levels took minutes) and its recursion overflows. */
const REMARK_PREFIX_LIMIT = 2000;

/** How long remark may take on one text unless told otherwise. */
export const REMARK_TIMEOUT_MS = 5000;

export interface FallbackLimits {
  /**
   * How long remark may take on one text (default 5 s; the `CUSTODIAN_REMARK_TIMEOUT_MS`
   * environment variable overrides it, for tests: 0 gives remark no time at all).
   */
  remarkTimeoutMs?: number;
}

export async function scanBlocks(
  text: string,
  options: ScanOptions = {},
  limits: FallbackLimits = {},
): Promise<BlockScanResult> {
  const outcome = scanMarkdown(text, options);
  if (outcome.ok) return { headings: outcome.headings, fences: outcome.fences, used_fallback: false };
  const reason = `line ${outcome.line}: ${outcome.reason}`;
  const from = Math.max(0, Math.min(options.from ?? 0, text.length));
  const failed = (why: string, transient: boolean): BlockScanResult => ({
    headings: outcome.headings,
    fences: outcome.fences,
    used_fallback: true,
    fallback_reason: `${reason}; ${why}`,
    failure: { line: outcome.line, reason: `${outcome.reason}; ${why}`, transient },
  });
  if (outcome.reason === NESTING_REASON && longestContainerPrefix(text, from) > REMARK_PREFIX_LIMIT) {
    return failed('too deep to hand to remark', false);
  }
  const { parseInWorker, RemarkParseError } = await import('./remark-worker.js');
  try {
    const { blockScanFromTree } = await import('./mdast-blocks.js');
    const tree = await parseInWorker(text.slice(from), limits.remarkTimeoutMs ?? remarkTimeoutFromEnv());
    return { ...blockScanFromTree(tree, text, from), used_fallback: true, fallback_reason: reason };
  } catch (error) {
    // remark rejecting the text is an answer about the text; a timeout or a dead worker is not.
    return failed(`remark failed: ${error instanceof Error ? error.message : String(error)}`, !(error instanceof RemarkParseError));
  }
}

function remarkTimeoutFromEnv(): number {
  const value = Number(process.env.CUSTODIAN_REMARK_TIMEOUT_MS);
  return process.env.CUSTODIAN_REMARK_TIMEOUT_MS !== undefined && Number.isFinite(value) && value >= 0 ? value : REMARK_TIMEOUT_MS;
}

/** Longest run of block quote markers, list markers and indentation opening a line. */
function longestContainerPrefix(text: string, from: number): number {
  let longest = 0;
  let run = 0;
  let inPrefix = true;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      run = 0;
      inPrefix = true;
    } else if (inPrefix && isPrefixChar(c)) {
      if (++run > longest) longest = run;
    } else {
      inPrefix = false;
    }
  }
  return longest;
}

function isPrefixChar(c: number): boolean {
  // space, tab, > - * + . ) and digits
  return c === 32 || c === 9 || c === 62 || c === 45 || c === 42 || c === 43 || c === 46 || c === 41 || (c >= 48 && c <= 57);
}
