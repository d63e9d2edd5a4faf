// Builds the optional native addon (native/*.c) with node-gyp; never fails the install.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * custodian's native addon (loaded by src/native/addon.ts): the no-op check's stat walk
 * (native/stamps.c), starting git without forking Node (native/spawn_process.c), hashing
 * (native/digest.c) and a first sync's file reads (native/read_file.c), built with
 * node-gyp: npm's own under npm (npm_config_node_gyp), else the one beside this Node's npm.
 * Optional: where it cannot be built (no compiler, no Node headers) custodian does all of it in
 * JavaScript, as it says here; under CI=true the tests insist on it (test/index/native-stamps.test.ts,
 * test/workspace/native-spawn.test.ts, test/index/file-content.test.ts).
 * Rebuilt only when its sources are newer than the addon. Run by npm's install step (a package
 * installed from the registry has no prepare step) and by scripts/build.mjs.
 */
export function buildNativeAddon(root) {
  const addon = join(root, 'build', 'Release', 'custodian_native.node');
  const sources = readdirSync(join(root, 'native')).map((name) => join(root, 'native', name)).concat(join(root, 'binding.gyp'));
  if (existsSync(addon) && sources.every((file) => statSync(file).mtimeMs <= statSync(addon).mtimeMs)) return;
  const prefix = dirname(dirname(process.execPath));
  const nodeGyp = process.env.npm_config_node_gyp ?? join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  // Node's headers where this Node is installed (Debian's /usr/include/node): node-gyp would
  // otherwise download them, which a machine without the network cannot.
  const nodedir = process.env.npm_config_nodedir ?? (existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined);
  try {
    const args = ['rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
    // npm names node-gyp's script (node-gyp.js) or a wrapper that runs it.
    const [command, argv] = nodeGyp.endsWith('.js') ? [process.execPath, [nodeGyp, ...args]] : [nodeGyp, args];
    execFileSync(command, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    rmSync(addon, { force: true });
    const lines = String(error.stderr || error.message).split('\n').map((line) => line.trim()).filter(Boolean);
    // node-gyp's own `gyp ERR!` lines, a compiler's `error:`, or Node's `Error: …` say it best.
    const why = lines.find((line) => /gyp ERR!|\berror:|^\w*Error\b/.test(line)) ?? lines.at(-1) ?? 'node-gyp failed';
    console.warn(`build: the native addon was not built, so no-op reads stat in JavaScript and git starts through child_process (slower): ${why}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildNativeAddon(join(dirname(fileURLToPath(import.meta.url)), '..'));
