// Node built-ins that a command loads on first use, not at start-up. A synchronous require() of a
// built-in reads no file and is cached, as in CommonJS; an ES module import would load the module
// (and, for a namespace import, read every export) before the command does anything. onFirstUse
// serves the CommonJS packages loaded the same way too (the YAML readers, src/documents/yaml).
//   node:crypto        ~3-8 ms: hashes go through src/hashing.ts (the addon's OpenSSL where it
//                      has it); what is left (streaming hashes, UUIDs, HMAC) is not on a hot path.
//   node:child_process ~6 ms with net, dgram and streams: a read that finds every repo unchanged
//                      runs no git, and git starts through the addon where it is built.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `require(id)` on the first call, the same module on every later one. */
export function onFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}

export const nodeCrypto = onFirstUse<typeof import('node:crypto')>('node:crypto');
export const nodeChildProcess = onFirstUse<typeof import('node:child_process')>('node:child_process');
