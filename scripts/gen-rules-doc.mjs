// Writes docs/rules.md from the rule modules (compiled: run `node scripts/build.mjs` first).
// `--check` writes nothing and exits 1 when the checked-in file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { RULES } = await import(join(root, 'dist', 'check', 'rules', 'index.js'));
const { renderRulesDoc } = await import(join(root, 'dist', 'check', 'rule-docs.js'));
const target = join(root, 'docs', 'rules.md');
const text = renderRulesDoc(RULES);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // no file yet: it is stale
  }
  if (current !== text) {
    console.error('docs/rules.md is stale: run `node scripts/build.mjs && node scripts/gen-rules-doc.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/rules.md (${RULES.length} rules)`);
}
