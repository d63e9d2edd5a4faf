// Node built-ins that a command loads on first use, not at start-up. A synchronous require() of a
// built-in reads no file and is cached, as in CommonJS; an ES module import would load the module
// (and, for a namespace import, read every export) before the command does anything. onFirstUse
// serves the CommonJS packages loaded the same way too (the YAML readers, src/documents/yaml).
//   node:crypto        ~5 ms: commands that find the index up to date hash nothing.
//   node:child_process ~6 ms with net, dgram and streams: a read that finds every repo unchanged
//                      runs no git.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `require(id)` on the first call, the same module on every later one. */
export function onFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}

export const nodeCrypto = onFirstUse<typeof import('node:crypto')>('node:crypto');
export const nodeChildProcess = onFirstUse<typeof import('node:child_process')>('node:child_process');
