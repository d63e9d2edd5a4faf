// `yaml` 2, loaded on first use. The sync reader (read.ts) needs it only for the rare text whose
// keys must be checked exactly, so a sync that reads only well-formed files never pays its
// start-up; `yaml`'s Node entry is CommonJS, so require() gives the same instance an import would.
import { onFirstUse } from '../../lazy-builtins.js';

export type Yaml2 = typeof import('yaml');

export const yaml2 = onFirstUse<Yaml2>('yaml');
