// node:crypto, loaded on first use, by every module that uses it: ~5 ms of a command's start-up, and
// more as an ES module import, whose namespace reads every export and so loads WebCrypto too.
// Commands that find the index up to date hash nothing and should not pay for it. A synchronous require() of a
// built-in is what CommonJS does on every call: no file is read, and the module is cached.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let loaded: typeof import('node:crypto') | undefined;

export function nodeCrypto(): typeof import('node:crypto') {
  return (loaded ??= require('node:crypto') as typeof import('node:crypto'));
}
