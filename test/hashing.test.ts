// Every hash custodian keys by (file contents, loose git objects, event ids, lock names) is taken
// by src/hashing.ts: through the OpenSSL inside Node where the native addon finds it, else
// node:crypto. Both must give node:crypto's answer, byte for byte, for any input.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomHex, sha1Hex, sha256Hex } from '../src/hashing.js';
import { nativeAddon } from '../src/native/addon.js';

const native = nativeAddon();
if (!native?.digestHex) console.warn('\n!!! the native addon hashes nothing here (not built, or this Node exports no OpenSSL): only node:crypto is compared\n');

const inputs: (string | Uint8Array)[] = ['', 'abc', 'ünïcödé\0and NUL', 'x'.repeat(1_000_003), new Uint8Array([0, 255, 1, 254]), Buffer.alloc(0), Buffer.from('a Buffer')];

describe('hashing', () => {
  it('gives node:crypto’s sha256 and sha1, hex, for strings (UTF-8) and bytes', () => {
    for (const input of inputs) {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
      expect(sha256Hex(input)).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(sha1Hex(input)).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it.skipIf(!native?.digestHex)('the addon’s answer is node:crypto’s, and it refuses an algorithm it does not have', () => {
    const digest = native!.digestHex!;
    for (const input of inputs.filter((i): i is Uint8Array => typeof i !== 'string')) {
      expect(digest('sha256', input)).toBe(createHash('sha256').update(input).digest('hex'));
      expect(digest('sha1', input)).toBe(createHash('sha1').update(input).digest('hex'));
    }
    expect(() => digest('md5' as 'sha1', Buffer.from('a'))).toThrow('sha256 or sha1');
  });

  it('random hex is as long as asked and differs each time', () => {
    const seen = new Set(Array.from({ length: 50 }, () => randomHex(16)));
    expect(seen.size).toBe(50);
    for (const value of seen) expect(value).toMatch(/^[0-9a-f]{32}$/);
  });
});
