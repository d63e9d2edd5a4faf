// Write tokens: from CUSTODIAN_HUB_TOKENS or a file, one per entry (comma, space or newline
// separated; `#` starts a comment in the file), each `secret` or `name:secret` (the name is what the
// hub records as who changed a source). Compared in constant time: both sides are hashed to the
// same length and every configured token is compared, so neither the length nor the position of a
// match shows in the timing. Secrets are never logged or echoed; only names are.
import { nodeCrypto } from '../lazy-builtins.js';
import { usageError } from '../errors.js';

export const MIN_TOKEN_LENGTH = 16;

export interface TokenSet {
  readonly size: number;
  /** The name of the matching token, or null. */
  match(candidate: string): string | null;
}

export function parseTokens(text: string, origin: string): TokenSet {
  const entries: { name: string; digest: Buffer }[] = [];
  const lines = text.split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, ''));
  for (const entry of lines.join(' ').split(/[\s,]+/).filter(Boolean)) {
    const named = /^([a-z0-9_-]+):(.+)$/i.exec(entry);
    const name = named ? named[1] : `token-${entries.length + 1}`;
    const secret = named ? named[2] : entry;
    if (secret.length < MIN_TOKEN_LENGTH) {
      throw usageError(`${origin}: token ${name} is shorter than ${MIN_TOKEN_LENGTH} characters (use a long random value, e.g. openssl rand -hex 32)`);
    }
    entries.push({ name, digest: digest(secret) });
  }
  return {
    size: entries.length,
    match(candidate) {
      const given = digest(candidate);
      let found: string | null = null;
      for (const entry of entries) if (nodeCrypto().timingSafeEqual(entry.digest, given) && found === null) found = entry.name;
      return found;
    },
  };
}

function digest(secret: string): Buffer {
  return nodeCrypto().createHash('sha256').update(secret, 'utf8').digest();
}

/** `Authorization: Bearer <token>` → the token; null when the header is missing or not a bearer. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1] : null;
}

/** The write tokens: from `file` when given, else from CUSTODIAN_HUB_TOKENS (empty when neither). */
export async function loadTokens(file: string | undefined, env: NodeJS.ProcessEnv): Promise<TokenSet> {
  if (file !== undefined) {
    const { readFile } = await import('node:fs/promises');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw usageError(`cannot read the tokens file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
    return parseTokens(text, file);
  }
  return parseTokens(env.CUSTODIAN_HUB_TOKENS ?? '', 'CUSTODIAN_HUB_TOKENS');
}
