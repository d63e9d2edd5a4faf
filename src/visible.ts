// Text from files on its way to a person's terminal: every control character is shown as a
// visible symbol, so a title cannot retitle the terminal (OSC), clear the screen, plant a
// hyperlink or start a new line; and no line of human output can be read by a CI runner as a
// workflow command (`::error …`). JSON keeps the exact text: only the human views come here.

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
// and isolates that reorder what a terminal shows ("Trojan Source").
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of text with its control characters as symbols: ESC → ␛, a newline → ␊, U+009B → \u009b. */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // the Control Pictures block: ␀ … ␟
    if (code === 0x7f) return '\u2421'; // ␡
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Multi-line text (a description): its line breaks kept, each line made visible. */
export function visibleLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => visible(line))
    .join('\n');
}

/** Fields whose line breaks are part of what is shown. */
const MULTI_LINE_KEYS = new Set(['description', 'diff']);

/** A document for a human view: every string in it made visible (descriptions keep their lines). */
export function visibleDocument<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (MULTI_LINE_KEYS.has(key) ? visibleLines(value) : visible(value)) as T;
  if (Array.isArray(value)) return value.map((item) => visibleDocument(item, key)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = visibleDocument(v, k);
    return out as T;
  }
  return value;
}

/**
 * Output lines no CI runner takes for a workflow command: GitHub reads a line whose first
 * non-blank characters are `::` (and `##[` anywhere, its older form) as one. Applied where human
 * output is written; the `github` check format, whose lines are meant as commands, never comes here.
 */
export function inertLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '##\\['))
    .join('\n');
}
