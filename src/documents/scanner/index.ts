// The block scan the sync path uses: the line scanner, and remark only for the rare text the
// scanner declines (remark is loaded on first need, never at start-up).

import type { BlockScan, ScanOptions } from './types.js';
import { scanMarkdown } from './scan.js';

export { scanMarkdown } from './scan.js';
export type { BlockScan, ScanOptions, ScanOutcome, ScannedFence, ScannedHeading } from './types.js';

export type BlockScanResult = BlockScan & { used_fallback: boolean; fallback_reason?: string };

export async function scanBlocks(text: string, options: ScanOptions = {}): Promise<BlockScanResult> {
  const outcome = scanMarkdown(text, options);
  if (outcome.ok) return { headings: outcome.headings, fences: outcome.fences, used_fallback: false };
  const { scanWithRemark } = await import('./remark-scan.js');
  const scan = scanWithRemark(text, options);
  return { ...scan, used_fallback: true, fallback_reason: `line ${outcome.line}: ${outcome.reason}` };
}
