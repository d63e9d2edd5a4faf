// The sync path must not pay for loading `yaml` 2: readYaml loads it only for the rare text
// whose keys need its CST (a value spelled like a forbidden key, a collection key).
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { readYaml } from '../../src/documents/yaml/read.js';

const require = createRequire(import.meta.url);
const yamlEntry = require.resolve('yaml');

test('readYaml reads ordinary and hostile front-matter without loading yaml 2', () => {
  expect(require.cache[yamlEntry]).toBeUndefined();
  expect(readYaml('id: X\ntitle: "R&D: *both* readers!"\ntasks:\n  - {id: T01, status: done}\n').ok).toBe(true);
  expect(readYaml('a: &x 1\nb: *x\n').ok).toBe(false);
  expect(readYaml('a: !!js/function f\n').ok).toBe(false);
  expect(readYaml('['.repeat(5000)).ok).toBe(false);
  expect(require.cache[yamlEntry]).toBeUndefined();

  expect(readYaml('constructor: 1\n').ok).toBe(false);
  expect(require.cache[yamlEntry]).toBeDefined();
});
