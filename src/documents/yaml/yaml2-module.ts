// `yaml` 2, loaded on first use. The sync reader (read.ts) needs it only for the rare text whose
// keys must be checked exactly, so a sync that reads only well-formed files never pays its
// start-up; `yaml`'s Node entry is CommonJS, so require() gives the same instance an import would.
import { createRequire } from 'node:module';

export type Yaml2 = typeof import('yaml');

let loaded: Yaml2 | null = null;

export function yaml2(): Yaml2 {
  if (loaded === null) loaded = createRequire(import.meta.url)('yaml') as Yaml2;
  return loaded;
}
