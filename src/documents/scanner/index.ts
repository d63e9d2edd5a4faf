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
  /** Set when even remark could not scan the text: headings and fences are then empty. */
  scan_failed?: boolean;
};

/** Container prefixes longer than this are not handed to remark: its parse time grows with
 *  the square of the nesting (50,000 levels took minutes) and its recursion overflows. */
const REMARK_PREFIX_LIMIT = 2000;

export interface FallbackLimits {
  /** How long remark may take on one text (default 5 s). */
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
  if (outcome.reason === NESTING_REASON && longestContainerPrefix(text, from) > REMARK_PREFIX_LIMIT) {
    return failed(`${reason}; too deep to hand to remark`);
  }
  try {
    const { parseInWorker } = await import('./remark-worker.js');
    const { blockScanFromTree } = await import('./mdast-blocks.js');
    const tree = await parseInWorker(text.slice(from), limits.remarkTimeoutMs ?? 5000);
    return { ...blockScanFromTree(tree, text, from), used_fallback: true, fallback_reason: reason };
  } catch (error) {
    return failed(`${reason}; remark failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function failed(reason: string): BlockScanResult {
  return { headings: [], fences: [], used_fallback: true, fallback_reason: reason, scan_failed: true };
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
