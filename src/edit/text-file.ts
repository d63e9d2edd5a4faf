// Reading a file for an edit: the exact bytes (for the hash the write is checked against), the
// BOM-less text every offset refers to, and what writing back must restore (BOM, line endings).
import { readFile } from 'node:fs/promises';
import { contentHash } from '../documents/text.js';
import { CustodianError } from '../errors.js';

export type Eol = '\n' | '\r\n' | '\r';

export interface TextFile {
  path: string;
  bytes: Buffer;
  /** The decoded text without its BOM: every TextEdit offset refers to this. */
  text: string;
  bom: boolean;
  /** The most frequent line ending ('\n' when the file has none). */
  eol: Eol;
  /** contentHash of `bytes`: what a later write is checked against. */
  hash: string;
}

// ignoreBOM keeps the BOM in the output so we can tell it was there and write it back.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes strict UTF-8; invalid bytes are refused, never replaced (a U+FFFD written back would corrupt the file). */
export function decodeUtf8(bytes: Uint8Array, path: string): { text: string; bom: boolean } {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch (cause) {
    throw new CustodianError('refused', `${path}: not valid UTF-8, not editing it`, {
      cause,
      details: { path, reason: 'invalid-utf8' },
    });
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

export async function readTextFile(path: string): Promise<TextFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw fileError(path, 'read', cause);
  }
  const { text, bom } = decodeUtf8(bytes, path);
  return { path, bytes, text, bom, eol: dominantEol(text), hash: contentHash(bytes) };
}

export function encodeText(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
}

/** The line ending used most often; ties go to '\n', then '\r\n'. A file without any uses '\n'. */
export function dominantEol(text: string): Eol {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lf++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    }
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** A file-system failure as a typed error: a missing file is `not-found`, anything else `refused`. */
export function fileError(path: string, action: 'read' | 'write', cause: unknown): CustodianError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  if (code === 'ENOENT' && action === 'read') {
    return new CustodianError('not-found', `${path}: no such file`, { cause, details: { path } });
  }
  return new CustodianError('refused', `${path}: cannot ${action} the file (${code})`, { cause, details: { path, reason: code } });
}
