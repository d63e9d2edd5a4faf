// File names as custodian indexes and shows them. git lists names as bytes; a name that is not
// UTF-8 cannot be a JS string as it is, so it is shown with each stray byte as `\xNN` and reported
// as unreadable (DESIGN: a file that cannot be read as text), never silently dropped.
import { join } from 'node:path';

const strict = new TextDecoder('utf-8', { fatal: true });

/** Why a file was not read, worded once for every command that reports it (sync, check, doi). */
export const UNREADABLE = Object.freeze({
  linkOut: 'symbolic link leading out of the repository',
  linkNotFile: 'symbolic link to something that is not a file',
  nameNotUtf8: 'its file name is not valid UTF-8: rename the file',
});

/** The name itself when it is UTF-8, else the valid parts with every other byte as `\xNN`. */
export function nameFromBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return escapeInvalid(bytes);
  }
}

function escapeInvalid(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]);
    if (length > 0 && i + length <= bytes.length) {
      try {
        out += strict.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // fall through: this byte is not the start of a valid character
      }
    }
    out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}

const ESCAPE = /\\x([0-9a-f]{2})/g;

/**
 * The on-disk path of an escaped name (bytes, which fs accepts), or null when `name` has no
 * escapes. Callers try the name as written first: a UTF-8 name may contain `\x` itself.
 */
export function escapedNamePath(root: string, name: string): Buffer | null {
  if (!ESCAPE.test(name)) return null;
  ESCAPE.lastIndex = 0;
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of name.matchAll(ESCAPE)) {
    parts.push(Buffer.from(name.slice(last, match.index), 'utf8'), Buffer.from([Number.parseInt(match[1], 16)]));
    last = match.index! + match[0].length;
  }
  parts.push(Buffer.from(name.slice(last), 'utf8'));
  return Buffer.concat([Buffer.from(join(root, '/'), 'utf8'), ...parts]);
}
