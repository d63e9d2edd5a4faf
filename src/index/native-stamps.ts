// The no-op check's stat walk in C, where it was built (native/stamps.c, by scripts/build-native.mjs):
// the same comparison as checkSummary's JavaScript loop (stamps.ts), without the Stats object and
// four Date objects Node 20 makes for every lstat, which at 10,000 files cost more than the
// system calls. Where the addon is missing or cannot be loaded (no compiler at install, another
// platform), the JavaScript loop answers; CUSTODIAN_NATIVE_STAMPS=0 asks for it.
import { createRequire } from 'node:module';

export interface StampSummary {
  /** Files found as recorded. */
  unchanged: number;
  /** Racy files (recorded too close to a change), to be looked at one by one. */
  racy: string[];
}

export interface NativeStamps {
  /** checkSummary's comparison over a repo's packed stamps: null at the first file not as recorded. */
  compareStamps(checkout: string, paths: string, numbers: Float64Array, vouched: boolean): StampSummary | null;
}

let loaded: NativeStamps | null | undefined;

/** The addon, loaded on first use; null where it is not there. */
export function nativeStamps(): NativeStamps | null {
  if (loaded !== undefined) return loaded;
  if (process.env.CUSTODIAN_NATIVE_STAMPS === '0') return (loaded = null);
  try {
    // From src/index/ (tests), dist/index/ and dist/bundle/ alike, the addon is two folders up.
    loaded = createRequire(import.meta.url)('../../build/Release/custodian_stamps.node') as NativeStamps;
  } catch {
    loaded = null;
  }
  return loaded;
}
