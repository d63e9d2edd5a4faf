// Build: compile TypeScript to dist/, then precompile every JSON Schema in schemas/ into one
// ESM module of standalone ajv validators, so no command pays ~130 ms compiling schemas at start-up.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
});

const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;

const schemaDir = join(root, 'schemas');
const schemas = readdirSync(schemaDir)
  .filter((name) => name.endsWith('.schema.json'))
  .sort()
  .map((name) => ({ name: name.replace(/\.schema\.json$/, ''), schema: JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) }));

const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source: true, esm: true } });
const refs = {};
for (const { name, schema } of schemas) {
  ajv.addSchema(schema, name);
  refs[exportName(name)] = name;
}
const out = join(root, 'dist', 'schemas');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'validators.js'), standaloneCode(ajv, refs));

function exportName(name) {
  return name.replace(/[-.](\w)/g, (_, c) => c.toUpperCase());
}
