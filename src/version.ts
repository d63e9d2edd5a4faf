// The tool's version, from its package.json (found by src/package-files.ts).
import { packageInfo } from './package-files.js';

export const VERSION = packageInfo()?.version ?? '0.0.0';
