// Commander's option objects are typed from the command definitions (@commander-js/extra-typings):
// renaming a flag in a definition is a compile error where its value is read, never a silent
// `undefined`. Proven on a copy of src/ with one flag renamed.
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, removeTempDirs, runNodeAsync, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

async function typecheckWith(file: string, from: string, to: string): Promise<{ status: number | null; output: string }> {
  const root = tempDir('custodian-typed-');
  cpSync(join(PROJECT_ROOT, 'src'), join(root, 'src'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Asynchronous: tsc takes tens of seconds on a loaded machine (see runNodeAsync).
  const result = await runNodeAsync([tsc, '-p', join(root, 'tsconfig.json'), '--noEmit', '--incremental', 'false']);
  return { status: result.code, output: result.stdout + result.stderr };
}

describe('typed command options', () => {
  it('a renamed flag is a compile error where the command reads it', async () => {
    const { status, output } = await typecheckWith('src/cli/commands/next.ts', "'--include-human'", "'--with-human'");
    expect(status).not.toBe(0);
    expect(output).toContain("src/cli/run/next.ts");
    expect(output).toContain("Property 'includeHuman' does not exist");
  }, 180_000);
});
