// Starting a program through the native addon (native/spawn_reading.c) must give it what Node's
// child_process gives it: the environment asked for and nothing else, stdin at its end, every
// signal at its default disposition and none blocked (Node ignores SIGPIPE; an ignored signal
// would survive exec), and every byte of its stdout, in order, however much there is. Under
// CI=true the addon must have been built; elsewhere a missing addon is said loudly and these
// tests are skipped (git-batch-node.test.ts covers the child_process path).
import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { canSpawnReading, spawnReading } from '../../src/workspace/spawn-reading.js';

const native = nativeAddon();
if (!canSpawnReading(native)) {
  const message = 'the native addon (build/Release/custodian_native.node) is not built: `npm run build` builds it with node-gyp';
  if (process.env.CI === 'true') throw new Error(`CI=true: ${message}`);
  console.warn(`\n!!! SKIPPED: ${message}\n`);
}

interface Ran {
  stdout: Buffer;
  chunks: number;
  status: number;
}

function run(argv: string[], env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const started = spawnReading(argv[0], argv, env, (chunk) => chunks.push(chunk), (status) => resolve({ stdout: Buffer.concat(chunks), chunks: chunks.length, status }));
    if (!started) reject(new Error('not started'));
  });
}

describe.skipIf(!canSpawnReading(native))('starting a program through the addon', () => {
  it('passes exactly the environment given, and the exit status', async () => {
    const ran = await run(['/bin/sh', '-c', 'env; exit 3'], { PATH: '/usr/bin:/bin', ONE: 'a b', EMPTY: '', GONE: undefined });
    const names = ran.stdout.toString('utf8').trim().split('\n').sort();
    // sh itself may add PWD (dash does); nothing of the test process's own environment arrives.
    expect(names.filter((line) => !line.startsWith('PWD='))).toEqual(['EMPTY=', 'ONE=a b', 'PATH=/usr/bin:/bin']);
    expect(ran.status).toBe(3);
  });

  it('gives the program no stdin, every signal at its default and none blocked', async () => {
    const ran = await run(['/bin/sh', '-c', 'cat; grep -E "^Sig(Blk|Ign)" /proc/self/status']);
    const [blocked, ignored] = ran.stdout.toString('utf8').trim().split('\n').map((line) => BigInt(`0x${line.split('\t')[1]}`));
    expect(blocked).toBe(0n);
    // Signals 1-31 (bit n-1 each): SIGPIPE among them. glibc's posix_spawn leaves its own two
    // internal real-time signals (32, 33) ignored, as it must while the child shares its memory.
    expect(ignored & 0x7fffffffn).toBe(0n);
    expect(ran.status).toBe(0);
  });

  it('delivers every byte of a large output, in order, in several chunks', async () => {
    const ran = await run(['/bin/sh', '-c', 'i=0; while [ $i -lt 30000 ]; do echo "line $i"; i=$((i + 1)); done']);
    const lines = ran.stdout.toString('utf8').split('\n');
    expect(lines).toHaveLength(30001);
    expect(lines[0]).toBe('line 0');
    expect(lines[29999]).toBe('line 29999');
    expect(ran.chunks).toBeGreaterThan(1);
  });

  it('says 128 + the signal for a program a signal ended', async () => {
    const ran = await run(['/bin/sh', '-c', 'echo before; kill -TERM $$']);
    expect(ran).toMatchObject({ status: 128 + 15 });
    expect(ran.stdout.toString('utf8')).toBe('before\n');
  });

  it('says -1 for a program that cannot start, and starts nothing for an argument with a NUL byte', async () => {
    expect((await run(['/nonexistent/program'])).status).toBe(-1);
    await expect(run(['/bin/sh', '-c', 'echo a\0b'])).rejects.toThrow('not started');
  });
});
