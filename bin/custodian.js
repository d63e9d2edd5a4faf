#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle/ by `npm ci` (the prepare script).
import { main } from '../dist/bundle/main.mjs';

main(process.argv).then((code) => {
  process.exitCode = code;
});
