// Formatters by name.
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter, FormatName } from './types.js';

export { FORMAT_NAMES } from './types.js';

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = { stylish, json, github, sarif };
