// js-yaml, loaded on first use. Task blocks and most front-matters are flat and read without it
// (read-flat.ts), so a command that parses only such files (a pre-commit check, most syncs) never
// pays its loading (~6 ms). Its `require` entry is CommonJS, as yaml2-module.ts loads `yaml` 2.
import { onFirstUse } from '../../lazy-builtins.js';

export type JsYaml = typeof import('js-yaml');

export const jsYaml = onFirstUse<JsYaml>('js-yaml');
