// scanWithRemark(): the same block scan as scanMarkdown(), read off remark's mdast. It is the
// oracle the scanner's differential tests compare against, and (through a worker, see
// remark-worker.ts) the fallback for texts the line scanner declines.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { BlockScan, ScanOptions } from './types.js';
import { blockScanFromTree } from './mdast-blocks.js';

const parser = unified().use(remarkParse).freeze();

export function scanWithRemark(text: string, options: ScanOptions = {}): BlockScan {
  const from = Math.max(0, Math.min(options.from ?? 0, text.length));
  return blockScanFromTree(parser.parse(text.slice(from)), text, from);
}
