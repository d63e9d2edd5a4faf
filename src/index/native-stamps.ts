// The no-op check's stat walk in C, where it was built (native/stamps.c, in the addon that
// src/native/addon.ts loads): the same comparison as checkSummary's JavaScript loop (stamps.ts),
// without the Stats object and four Date objects Node 20 makes for every lstat, which at 10,000
// files cost more than the system calls. Where the addon is missing (no compiler at install,
// another platform, CUSTODIAN_NATIVE=0), the JavaScript loop answers.

export interface StampSummary {
  /** Files found as recorded. */
  unchanged: number;
  /** Racy files (recorded too close to a change), to be looked at one by one. */
  racy: string[];
}

export interface NativeStamps {
  /** checkSummary's comparison over a repo's packed stamps: null at the first file not as recorded. */
  compareStamps(checkout: string, paths: string, numbers: Float64Array, vouched: boolean): StampSummary | null;
  /**
   * Five numbers per path (joined by NUL): its kind (ENTRY_KIND), size, mtimeMs, ctimeMs and ino,
   * by lstat (stat with `follow`). Absent from an addon built before it (then the caller stats in JavaScript).
   */
  statEach?(paths: string, follow: boolean): Float64Array;
  /** Starts the early walk over a copy of the index's summaries (early-walk.ts) on a thread; false when it could not. */
  startEarlyWalk?(copy: string): boolean;
  /** Waits for the early walk; its answer per repo of the copy, or null (none started, copy unreadable). */
  finishEarlyWalk?(): EarlyRepoWalk[] | null;
}

/** One repo of the early walk: the copy it compared, and compareStamps's answer for it. */
export interface EarlyRepoWalk {
  checkout: string;
  paths: string;
  stamps: Buffer;
  summary: StampSummary | null;
}

/** statEach's first number per path. */
export const ENTRY_KIND = { none: 0, file: 1, folder: 2, other: 3, error: 4 } as const;
export const ENTRY_SLOTS = 5;
