// Starting a program through the native addon (native/spawn_process.c) must give it what Node's
// child_process gives it: the environment and folder asked for and nothing else, its input on
// stdin, every signal at its default disposition and none blocked (Node ignores SIGPIPE; an
// ignored signal would survive exec), and every byte of its stdout and stderr, in order, however
// much there is. Under CI=true the addon must have been built; elsewhere a missing addon is said
// loudly and these tests are skipped (git-node.test.ts and git-batch-node.test.ts cover the
// child_process path).
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { canSpawnNative, spawnNative, type NativeExit, type NativeSpawnOptions } from '../../src/workspace/native-spawn.js';
import { tempDir } from '../helpers/git-repo.js';
import { announceMissingAddon } from '../helpers/native-addon.js';

const native = nativeAddon();
announceMissingAddon(canSpawnNative(native));

interface Ran extends NativeExit {
  stdout: Buffer;
  stderr: string;
  chunks: number;
}

function run(argv: string[], options: Partial<NativeSpawnOptions> = {}, whenStarted?: (kill: (signal?: NodeJS.Signals) => void) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const child = spawnNative(
      argv[0],
      argv,
      { env: { PATH: '/usr/bin:/bin' }, stderr: true, ...options },
      {
        onStdout: (chunk) => stdout.push(chunk),
        onStderr: (chunk) => stderr.push(chunk),
        onExit: (exit) => resolve({ ...exit, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8'), chunks: stdout.length }),
      },
    );
    if (!child) reject(new Error('not started'));
    else whenStarted?.((signal) => child.kill(signal));
  });
}

describe.skipIf(!canSpawnNative(native))('starting a program through the addon', () => {
  it('passes exactly the environment given, and the exit code', async () => {
    const ran = await run(['/bin/sh', '-c', 'env; exit 3'], { env: { PATH: '/usr/bin:/bin', ONE: 'a b', EMPTY: '', GONE: undefined } });
    const names = ran.stdout.toString('utf8').trim().split('\n').sort();
    // sh itself may add PWD (dash does); nothing of the test process's own environment arrives.
    expect(names.filter((line) => !line.startsWith('PWD='))).toEqual(['EMPTY=', 'ONE=a b', 'PATH=/usr/bin:/bin']);
    expect(ran).toMatchObject({ code: 3, signal: null, errno: null });
  });

  it('starts in the folder given, feeds its input, and keeps stdout and stderr apart', async () => {
    const folder = tempDir();
    const ran = await run(['/bin/sh', '-c', 'pwd; cat; echo oops >&2'], { cwd: folder, input: Buffer.from('fed\n') });
    expect(ran.stdout.toString('utf8')).toBe(`${realpathSync(folder)}\nfed\n`);
    expect(ran.stderr).toBe('oops\n');
    expect(ran.code).toBe(0);
  });

  it('gives the program an empty stdin, every signal at its default and none blocked', async () => {
    const ran = await run(['/bin/sh', '-c', 'cat; grep -E "^Sig(Blk|Ign)" /proc/self/status']);
    const [blocked, ignored] = ran.stdout.toString('utf8').trim().split('\n').map((line) => BigInt(`0x${line.split('\t')[1]}`));
    expect(blocked).toBe(0n);
    // Signals 1-31 (bit n-1 each): SIGPIPE among them. glibc's posix_spawn leaves its own two
    // internal real-time signals (32, 33) ignored, as it must while the child shares its memory.
    expect(ignored & 0x7fffffffn).toBe(0n);
    expect(ran.code).toBe(0);
  });

  it('delivers every byte of a large output, in order, in several chunks, while a large input goes in', async () => {
    const input = Buffer.from(Array.from({ length: 30000 }, (_, i) => `line ${i}\n`).join(''));
    const ran = await run(['/bin/cat'], { input });
    expect(ran.stdout.equals(input)).toBe(true);
    expect(ran.chunks).toBeGreaterThan(1);
  });

  it('a program that does not read its input still ends', async () => {
    const ran = await run(['/bin/sh', '-c', 'exec 0<&-; echo done'], { input: Buffer.alloc(1024 * 1024, 'z') });
    expect(ran).toMatchObject({ code: 0, stdout: Buffer.from('done\n') });
  });

  it('kills on request, and says which signal ended it', async () => {
    const ran = await run(['/bin/sleep', '10'], {}, (kill) => setTimeout(() => kill('SIGTERM'), 50));
    expect(ran).toMatchObject({ code: null, signal: 'SIGTERM', errno: null });
    expect((await run(['/bin/sh', '-c', 'kill -KILL $$'])).signal).toBe('SIGKILL');
  });

  it('says why a program could not start, and starts nothing for an argument with a NUL byte', async () => {
    expect(await run(['/nonexistent/program'])).toMatchObject({ code: null, errno: 'ENOENT' });
    expect(await run(['/bin/sh', '-c', 'pwd'], { cwd: '/nonexistent/folder' })).toMatchObject({ code: null, errno: 'ENOENT' });
    await expect(run(['/bin/sh', '-c', 'echo a\0b'])).rejects.toThrow('not started');
  });
});
