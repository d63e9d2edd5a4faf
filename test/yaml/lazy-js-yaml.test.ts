// js-yaml loads only when a text is not one of the flat shapes read-flat.ts reads itself: a
// pre-commit check or a sync of such files never pays its loading (src/documents/yaml/jsyaml-module.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/**
 * `custodian parse --json FILE` with a preload that records the js-yaml files loaded: as ES modules
 * (a resolve hook) and through require() (the CommonJS cache, read at exit).
 */
function parseRecordingJsYaml(text: string): { document: any; jsYamlFiles: string[] } {
  const dir = tempDir('custodian-lazy-yaml-');
  const file = join(dir, 'plan.md');
  writeFileSync(file, text);
  const probe = join(dir, 'probe.mjs');
  const out = join(dir, 'loaded.txt');
  writeFileSync(out, '');
  const hooks = [
    "import { appendFileSync } from 'node:fs';",
    'export async function resolve(specifier, context, next) {',
    '  const resolved = await next(specifier, context);',
    `  if (resolved.url.includes('js-yaml')) appendFileSync(${JSON.stringify(out)}, resolved.url + '\\n');`,
    '  return resolved;',
    '}',
  ].join('\n');
  writeFileSync(
    probe,
    [
      "import { appendFileSync } from 'node:fs';",
      "import { createRequire, register } from 'node:module';",
      `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`,
      'const cache = createRequire(import.meta.url).cache;',
      `process.on('exit', () => appendFileSync(${JSON.stringify(out)}, Object.keys(cache).filter((f) => f.includes('js-yaml')).map((f) => f + '\\n').join('')));`,
    ].join('\n'),
  );
  const result = runCli(['parse', '--json', file], { env: { NODE_OPTIONS: `--import ${probe}` } });
  expect(result.code, result.stderr).toBe(0);
  const jsYamlFiles = readFileSync(out, 'utf8').split('\n').filter((line) => line !== '');
  return { document: JSON.parse(result.stdout).files[0].documents[0], jsYamlFiles };
}

const body = '\n# Plan\n';

describe('js-yaml is loaded on first use', () => {
  it('not for a front-matter task list and task blocks of flat keys', () => {
    const { document, jsYamlFiles } = parseRecordingJsYaml(
      `---\nid: WP-1\ntype: workplan\ntitle: "Plan"\nstatus: active\ntasks:\n  - id: T01\n    title: first\n    status: done\n  - id: T02\n    title: second\n    depends_on: [T01]\n---\n${body}`,
    );
    expect(document.tasks.map((t: { local_id: string; status: string }) => [t.local_id, t.status])).toEqual([
      ['T01', 'done'],
      ['T02', 'todo'],
    ]);
    expect(jsYamlFiles).toEqual([]);
  });

  it('for a front-matter the flat reader steps aside from, which it then reads', () => {
    const { document, jsYamlFiles } = parseRecordingJsYaml(`---\nid: WP-2\ntype: workplan\ntitle: "Plan"\nstatus: active\nowners:\n  lead: ana\n---\n${body}`);
    expect(document.id).toBe('WP-2');
    expect(document.fields.owners).toEqual({ lead: 'ana' });
    expect(jsYamlFiles.length).toBeGreaterThan(0);
  });
});
