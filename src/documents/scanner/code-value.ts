// Recovering a fenced code block's content lines from mdast's `value`. mdast joins the lines
// with their original line endings and then strips one line ending from each end with a
// regular expression, so the value alone is ambiguous: an empty last line disappears, and a
// lone `\r` followed by an empty line ending in `\n` reads as one `\r\n`. Knowing each line's
// real ending (from the source), the lines are decoded and checked by re-encoding them.

const STRIP = /^(\r?\n|\r)|(\r?\n|\r)$/g;

/**
 * `endings[0]` is the opening fence line's ending, `endings[i]` the ending of content line i
 * (1..count). `closingFollows`: whether the ending of the last content line may be part of
 * the block. Of the readings that reproduce `value`, the first one that `fits` the source
 * wins (an empty line lost at the start and one lost at the end can encode alike).
 * Returns the `count` content lines, or null when no reading reproduces `value`.
 */
export function decodeCodeValue(
  value: string,
  count: number,
  endings: string[],
  closingFollows: boolean[],
  fits: (lines: string[]) => boolean,
): string[] | null {
  let fallback: string[] | null = null;
  for (const firstMerged of [false, true]) {
    const lines = readLines(value, count, endings, firstMerged);
    if (lines === null) continue;
    if (!closingFollows.some((withLast) => encode(lines, endings, withLast) === value)) continue;
    if (fits(lines)) return lines;
    fallback ??= lines;
  }
  return fallback;
}

/** Content lines read from `value`, padded with empty lines that the stripping removed. */
function readLines(value: string, count: number, endings: string[], firstMerged: boolean): string[] | null {
  if (count === 0) return [];
  const lines: string[] = [];
  let pos = 0;
  if (firstMerged) {
    // The first line was empty and its `\n` went with the opening line's lone `\r`.
    if (endings[0] !== '\r' || endings[1] !== '\n') return null;
    lines.push('');
  }
  while (lines.length < count && pos <= value.length) {
    let end = pos;
    while (end < value.length && value[end] !== '\r' && value[end] !== '\n') end++;
    lines.push(value.slice(pos, end));
    if (end >= value.length) break;
    const ending = endings[lines.length];
    if (!value.startsWith(ending, end) || ending === '') return null;
    pos = end + ending.length;
  }
  while (lines.length < count) lines.push('');
  return lines;
}

function encode(lines: string[], endings: string[], withLast: boolean): string {
  let data = endings[0];
  lines.forEach((line, i) => {
    data += line;
    if (i < lines.length - 1 || withLast) data += endings[i + 1];
  });
  return data.replace(STRIP, '');
}
