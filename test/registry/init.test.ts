import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { registryTemplate } from '../../src/workspace/init-files.js';
import { PROJECT_ROOT, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { cli, cliJson, read } from './helpers.js';

afterAll(removeTempDirs);

const GITIGNORE_BLOCK = "# custodian: the local index and this machine's registry overrides\n.custodian/\ncustodian.local.yaml\n";

describe('custodian init', () => {
  it('creates custodian.yaml and .gitignore in a new folder', () => {
    const parent = tempDir();
    const root = join(parent, 'new', 'ws');
    const { code, json } = cliJson(parent, ['init', 'new/ws']);
    expect(code).toBe(0);
    expect(json).toEqual({
      schema_version: 1,
      kind: 'init',
      root,
      config_file: 'custodian.yaml',
      gitignore: { file: '.gitignore', created: true, added: ['.custodian/', 'custodian.local.yaml'] },
    });
    expect(read(root, 'custodian.yaml')).toBe(registryTemplate(pathToFileURL(join(PROJECT_ROOT, 'schemas', 'workspace.schema.json')).href));
    expect(read(root, '.gitignore')).toBe(GITIGNORE_BLOCK);
  });

  it('writes a registry that names the schema the installed package ships, and loads with no domains or repos', () => {
    const root = tempDir();
    expect(cli(root, ['init']).code).toBe(0);
    const text = read(root, 'custodian.yaml');
    const [, schemaRef] = /^# yaml-language-server: \$schema=(.+)$/.exec(text.split('\n')[0])!;
    // Outside the workspace (as here) a file: URL of a file that exists: no web site to be down or unregistered.
    const schemaFile = fileURLToPath(schemaRef);
    expect(existsSync(schemaFile)).toBe(true);
    expect(JSON.parse(readFileSync(schemaFile, 'utf8')).title).toBeTruthy();
    expect(text).toMatch(/\nversion: 1\ndomains: \[\]\nrepos: \[\]\n$/);
    expect(cliJson(root, ['domain', 'list'])).toMatchObject({ code: 0, json: { schema_version: 1, kind: 'domain-list', items: [] } });
    expect(cliJson(root, ['repo', 'list'])).toMatchObject({ code: 0, json: { schema_version: 1, kind: 'repo-list', items: [] } });
  });

  it('refuses (exit 1) when custodian.yaml exists, changing nothing', () => {
    const root = tempDir();
    writeFileSync(join(root, 'custodian.yaml'), 'version: 1 # mine\n');
    const human = cli(root, ['init']);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('already exists');
    const { code, json } = cliJson(root, ['init']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ schema_version: 1, kind: 'error', code: 'refused', reason: 'exists' });
    expect(read(root, 'custodian.yaml')).toBe('version: 1 # mine\n');
    expect(() => read(root, '.gitignore')).toThrow();
  });

  it('appends to an existing .gitignore once, in its line endings, and never twice', () => {
    const root = tempDir();
    writeFileSync(join(root, '.gitignore'), 'node_modules/\r\n/.custodian'); // no final newline
    const first = cliJson(root, ['init']);
    expect(first.json.gitignore).toEqual({ file: '.gitignore', created: false, added: ['custodian.local.yaml'] });
    const expected = "node_modules/\r\n/.custodian\r\n# custodian: the local index and this machine's registry overrides\r\ncustodian.local.yaml\r\n";
    expect(read(root, '.gitignore')).toBe(expected);

    rmSync(join(root, 'custodian.yaml'));
    const second = cliJson(root, ['init']);
    expect(second.code).toBe(0);
    expect(second.json.gitignore).toEqual({ file: '.gitignore', created: false, added: [] });
    expect(read(root, '.gitignore')).toBe(expected);
  });

  it('says what it did for people', () => {
    const root = tempDir();
    const result = cli(root, ['init', '.']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['created custodian.yaml', 'created .gitignore: .custodian/, custodian.local.yaml']);
  });
});
