// sha256 and sha1, hex: through the native addon where it carries them (native/digest.c, the
// OpenSSL inside Node), else node:crypto. Loading node:crypto costs a command 3-8 ms (every
// cipher, key and certificate module comes with it), more than a pre-commit check or a sync that
// found one file changed spends hashing; every one-shot hash custodian takes goes through here.
import { closeSync, openSync, readSync } from 'node:fs';
import { nodeCrypto } from './lazy-builtins.js';
import { nativeAddon } from './native/addon.js';

export interface NativeDigest {
  /** The digest of `bytes`, lower-case hex. Absent where this Node exports no OpenSSL to look up. */
  digestHex?(algorithm: 'sha256' | 'sha1', bytes: Uint8Array): string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return digestHex('sha256', data);
}

export function sha1Hex(data: Uint8Array | string): string {
  return digestHex('sha1', data);
}

function digestHex(algorithm: 'sha256' | 'sha1', data: Uint8Array | string, native = nativeAddon()): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (native?.digestHex) return native.digestHex(algorithm, bytes);
  return nodeCrypto().createHash(algorithm).update(bytes).digest('hex');
}

/** `count` random bytes as hex, from the kernel's generator (/dev/urandom), else node:crypto's. */
export function randomHex(count: number): string {
  const bytes = Buffer.alloc(count);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, count, null) === count) return bytes.toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not there (Windows) or not readable: node:crypto below.
  }
  return nodeCrypto().randomBytes(count).toString('hex');
}
