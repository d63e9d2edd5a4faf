// Cursors of paged answers: where the next page starts, tied to the question asked, so a cursor
// passed with other filters is refused rather than silently skipping or repeating items.
import { nodeCrypto } from '../lazy-builtins.js';
import { usageError } from '../errors.js';

export function encodeCursor(offset: number, question: unknown): string {
  return Buffer.from(JSON.stringify([offset, fingerprint(question)]), 'utf8').toString('base64url');
}

/** The offset a cursor holds (0 without one); a cursor that is malformed or from another question is a usage error. */
export function decodeCursor(cursor: string | undefined, question: unknown): number {
  if (cursor === undefined) return 0;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || !Number.isSafeInteger(decoded[0]) || decoded[0] < 0 || typeof decoded[1] !== 'string') {
    throw usageError('cursor: not a cursor this server gave; pass the next_cursor of the previous answer unchanged');
  }
  if (decoded[1] !== fingerprint(question)) throw usageError('cursor: it belongs to a question with other arguments; ask again without a cursor');
  return decoded[0] as number;
}

function fingerprint(question: unknown): string {
  return nodeCrypto().createHash('sha256').update(JSON.stringify(question)).digest('base64url').slice(0, 12);
}
