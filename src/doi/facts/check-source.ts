// Which engine answers C7. The check engine is found by its file rather than a static import, so
// DoI builds and runs whether or not it is part of the build, and the cached path (which only needs
// to know which engine would answer, for C7's fingerprint) never loads it.
import { existsSync } from 'node:fs';

const ENGINE_MODULES = ['../../check/index', '../../check/run'];

let located: string | null | undefined;

/** The engine's module specifier, or null when this build has none. */
export function engineModule(): string | null {
  if (located !== undefined) return located;
  located = null;
  for (const base of ENGINE_MODULES) {
    // dist holds .js; tests run the TypeScript sources, where the same .js specifier resolves to .ts.
    if (existsSync(new URL(`${base}.js`, import.meta.url)) || existsSync(new URL(`${base}.ts`, import.meta.url))) {
      located = `${base}.js`;
      break;
    }
  }
  return located;
}

/** Which engine answers C7: part of C7's cache fingerprint, so one engine's answer is never served as the other's. */
export function checkSource(): 'check' | 'index' {
  return engineModule() === null ? 'index' : 'check';
}


