// One routine reads a repo's files for sync, check and parse: a file that cannot be read is
// refused for the same reason, in the same words, at the same position, by every command.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/documents/text.js';
import { removeTempDirs, runCliJson, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

type Seen = [file: string, rule: string, line: number, column: number, message: string];
const seen = (diagnostics: any[]): Seen[] =>
  diagnostics.map((d) => [d.file, d.rule_id, d.line, d.column, d.message] as Seen).sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('sync, parse and check read a file alike', () => {
  it('the same file/unreadable diagnostics, at the same positions, from all three', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.md'), '---\nid: SECRET\n---\n');
    const ws = tempWorkspace({
      alpha: {
        // Latin-1: "é" is the byte 0xe9, not UTF-8. A multi-byte character before it on the line
        // makes the column count UTF-16 code units, not bytes.
        'workplans/latin1.md': Buffer.concat([Buffer.from('---\nid: L-1\n---\n\n## Ünïcode then Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
        'workplans/huge.md': `---\nid: H-1\n---\n${'x'.repeat(MAX_FILE_BYTES)}\n`,
        'workplans/OK-1.md': '---\nid: OK-1\n---\n',
      },
    });
    const repo = ws.repo('alpha');
    symlinkSync(join(outside, 'secret.md'), join(repo, 'workplans/link-out.md'));

    const sync = runCliJson(['-w', ws.root, 'sync', '--json']);
    const check = runCliJson(['-w', ws.root, 'check', '--format', 'json']);
    const parse = runCliJson(['parse', 'workplans/latin1.md', 'workplans/huge.md', '--json'], { cwd: repo });

    const expected: Seen[] = [
      ['workplans/huge.md', 'file/unreadable', 1, 1, `Unreadable file: file is ${MAX_FILE_BYTES + 17} bytes, over the ${MAX_FILE_BYTES}-byte size cap`],
      ['workplans/latin1.md', 'file/unreadable', 5, 20, 'Unreadable file: file is not valid UTF-8 (byte 0xe9 at offset 38)'],
      ['workplans/link-out.md', 'file/unreadable', 1, 1, 'Unreadable file: symbolic link leading out of the repository'],
    ];
    expect(seen(sync.json.diagnostics)).toEqual(expected);
    expect(check.code).toBe(1);
    expect(seen(check.json.diagnostics)).toEqual(expected);
    expect(parse.code).toBe(1);
    expect(seen(parse.json.files.flatMap((f: any) => f.diagnostics))).toEqual(expected.filter(([file]) => file !== 'workplans/link-out.md'));
  });

  it('check and parse do not hang on a FIFO', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/OK-1.md': '---\nid: OK-1\n---\n' } });
    const repo = ws.repo('alpha');
    mkdirSync(join(repo, 'pipes'));
    execFileSync('mkfifo', [join(repo, 'pipes/fifo')]);
    symlinkSync('../pipes/fifo', join(repo, 'workplans/fifo.md'));
    const check = runCliJson(['-w', ws.root, 'check', '--format', 'json']);
    expect(seen(check.json.diagnostics)).toEqual([['workplans/fifo.md', 'file/unreadable', 1, 1, 'Unreadable file: symbolic link to something that is not a file']]);
    const parse = runCliJson(['parse', 'pipes/fifo', '--json'], { cwd: repo });
    expect(parse.code).toBe(1);
    expect(seen(parse.json.files[0].diagnostics)).toEqual([['pipes/fifo', 'file/unreadable', 1, 1, 'Unreadable file: is not a regular file']]);
  });
});
