// Splits a file into front-matter and body ourselves (gray-matter evals `---js` and lets an
// unterminated front-matter swallow the body): an opening `---` line, a closing `---` or `...` line.
import type { LineIndex } from './text.js';

export type FrontmatterSplit =
  | { kind: 'none'; bodyStart: 0 }
  /** `yamlStart`/`yamlEnd` bound the YAML text; `endLine` is the closing delimiter's line. */
  | { kind: 'ok'; yamlStart: number; yamlEnd: number; endLine: number; bodyStart: number }
  /** `---js` and friends: an engine we never run. The block is skipped like a front-matter. */
  | { kind: 'engine'; language: string; yamlStart: number; yamlEnd: number; endLine: number; bodyStart: number }
  /** An opening `---` with no closing line: the body starts right after the opening line. */
  | { kind: 'unterminated'; bodyStart: number };

const OPEN = /^---[ \t]*$/;
const OPEN_ENGINE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

export function splitFrontmatter(lines: LineIndex): FrontmatterSplit {
  const first = lines.lineText(1);
  const engine = OPEN_ENGINE.exec(first);
  if (!OPEN.test(first) && !engine) return { kind: 'none', bodyStart: 0 };
  const yamlStart = lines.lineStart(2);
  for (let line = 2; line <= lines.lineCount; line++) {
    if (CLOSE.test(lines.lineText(line))) {
      const yamlEnd = lines.lineStart(line);
      const bodyStart = line < lines.lineCount ? lines.lineStart(line + 1) : lines.text.length;
      if (engine) return { kind: 'engine', language: engine[1], yamlStart, yamlEnd, endLine: line, bodyStart };
      return { kind: 'ok', yamlStart, yamlEnd, endLine: line, bodyStart };
    }
  }
  return { kind: 'unterminated', bodyStart: lines.lineCount > 1 ? yamlStart : lines.text.length };
}
