// Offsets into a YAML text turned into DESIGN's positions, and the separation YAML allows between
// tokens. Lines end at `\r\n`, `\n` or a lone `\r`; columns count UTF-16 code units from 1.

export interface LineColumn {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): LineColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The offset of the first token at or after `offset`: spaces, tabs, line breaks and `#` comments
 * skipped the way js-yaml's skipSeparationSpace does, so both readers name the same character.
 */
export function skipSeparation(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) {
      i++;
    } else if (ch === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else {
      break;
    }
  }
  return i;
}

/** Skips node properties (`!tag`, `&anchor`) and the separation after each. */
export function skipProperties(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x21 /* ! */ && ch !== 0x26 /* & */) return i;
    while (i < text.length && !isPropertyEnd(text.charCodeAt(i))) i++;
    i = skipSeparation(text, i);
  }
}

function isPropertyEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d;
}
