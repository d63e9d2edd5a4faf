#!/usr/bin/env node
// Thin launcher: everything lives in dist/, compiled by `npm ci` (the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
