// custodian's optional native addon (native/*.c, built by scripts/build-native.mjs at install):
// the no-op check's stat walk (src/index/native-stamps.ts), starting git without forking Node
// (src/workspace/native-spawn.ts), hashing without loading node:crypto (src/hashing.ts) and a
// first sync's file reads in one call each (src/index/file-content.ts).
// Where it is missing or cannot be loaded (no compiler at install, another platform) every caller
// does the same in JavaScript; CUSTODIAN_NATIVE=0 asks for that too.
import { createRequire } from 'node:module';
import type { NativeDigest } from '../hashing.js';
import type { NativeFileRead } from '../index/file-content.js';
import type { NativeStamps } from '../index/native-stamps.js';
import type { NativeSpawn } from '../workspace/native-spawn.js';

export interface NativeAddon extends NativeStamps, NativeSpawn, NativeDigest, NativeFileRead {}

let loaded: NativeAddon | null | undefined;

/** The addon, loaded on first use; null where it is not there. */
export function nativeAddon(): NativeAddon | null {
  if (loaded !== undefined) return loaded;
  if (process.env.CUSTODIAN_NATIVE === '0') return (loaded = null);
  try {
    // From src/native/ (tests), dist/native/ and dist/bundle/ alike, the addon is two folders up.
    loaded = createRequire(import.meta.url)('../../build/Release/custodian_native.node') as NativeAddon;
  } catch {
    loaded = null;
  }
  return loaded;
}
