// The library entry: `import { next } from 'custodian'` works for a program (Node resolving the
// package by its own name through package.json "exports", on the compiled dist/), answers with
// the CLI's documents and typed errors, and its types hold (tsc over test/api/library-types.ts).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, removeTempDirs, runCliJson, runNodeAsync } from '../helpers/git-repo.js';
import { fixtureCopy } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

describe("import … from 'custodian'", () => {
  it('a program imports the operations by the package name and gets the CLI --json documents', () => {
    const root = fixtureCopy();
    const out = execFileSync(process.execPath, [join(PROJECT_ROOT, 'test/api/library-entry.mjs'), root], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const result = JSON.parse(out) as { next: unknown; taskList: unknown; error: unknown };
    expect(result.next).toEqual(runCliJson(['-w', root, 'next', '--json']).json);
    expect(result.taskList).toEqual(runCliJson(['-w', root, 'task', 'list', '--repo', 'ledger-cli', '--json']).json);
    expect(result.error).toEqual({ typed: true, code: 'not-found' });
  });

  it('package.json exports the entry with its types, and its own package.json', () => {
    const require = createRequire(join(PROJECT_ROOT, 'package.json'));
    const pkg = require('custodian/package.json') as { exports: Record<string, unknown> };
    expect(pkg.exports['.']).toEqual({ types: './dist/api/index.d.ts', default: './dist/api/index.js' });
  });

  it('the types: every operation with its options and document types (tsc -p test/api/tsconfig.library.json)', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await runNodeAsync([tsc, '-p', join(PROJECT_ROOT, 'test/api/tsconfig.library.json')]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});
