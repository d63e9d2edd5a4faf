import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, runCli } from './helpers/git-repo.js';

const version = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

describe('custodian CLI basics', () => {
  it('prints its version', () => {
    const result = runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('lists every command in --help', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['sync', 'check', 'dispatch', 'next', 'doi', 'parse']) expect(result.stdout).toContain(`  ${name} `);
  });

  it('exits 2 on an unknown option, with a JSON error when --json is given', () => {
    const result = runCli(['--bogus', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ schema_version: 1, kind: 'error', code: 'usage' });
  });
});
