// Build: precompile every JSON Schema in schemas/ into standalone ajv validators
// (src/generated/validators.ts, git-ignored), so no command pays ~130 ms compiling schemas at
// start-up; compile TypeScript to dist/ (type-checked; the tree tools and benches import); then
// bundle the CLI into dist/bundle/, one chunk per command and shared chunks, because loading a
// hundred small ES modules costs a command more start-up time than everything it does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNativeAddon } from './build-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// An ES module has no require(): the bundled CommonJS gets one from this banner (see bundleCli).
const REQUIRE_BANNER = "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

generateValidators();
bundleReportAssets();
buildNativeAddon(root);
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
});
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.browser.json')], {
  stdio: 'inherit',
});
await bundleCli();

async function bundleCli() {
  const out = join(root, 'dist', 'bundle');
  rmSync(out, { recursive: true, force: true });
  // The async API: the sync one takes no plugins.
  await require('esbuild').build({
    // The parse worker is a file of its own (new Worker(url)), next to the chunks it shares.
    entryPoints: [join(root, 'src', 'cli', 'main.ts'), join(root, 'src', 'index', 'parse-worker.ts')],
    entryNames: '[name]',
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages(/^(@modelcontextprotocol\/sdk|zod|better-sqlite3|commander|picomatch)(\/|$)/), zodEnglishOnly(), commanderSpawnsOnDemand()],
    // Bundled CommonJS (commander, better-sqlite3) calls require() for Node's built-ins and the
    // addon; an ES module has none, so each chunk gets one here (esbuild renames any of ours it
    // meets), and dropUnusedBanners leaves it only where it is used.
    banner: { js: REQUIRE_BANNER },
    chunkNames: 'chunk-[hash]',
    // .mjs says "ES module" by itself: for a .js file Node looks for the package.json above it
    // to read its "type", for each of the ~50 chunks a command loads (~8 ms).
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  dropUnusedBanners(out);
}

/**
 * The banner is given to every chunk so that esbuild renames any `require` of ours it meets, but
 * only the few chunks that call the bundled CommonJS code's require() need it (4 of ~220): the
 * others lose it, and a command stops importing node:module and making a require function for
 * each of the ~50 chunks it loads (~2-3 ms). A chunk keeps it when the word `require` appears
 * anywhere else in it (a mention in a string keeps it needlessly, never wrongly).
 */
function dropUnusedBanners(dir) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith(`${REQUIRE_BANNER}\n`)) throw new Error(`${name} does not start with the require banner`);
    const rest = text.slice(REQUIRE_BANNER.length + 1);
    if (!/\brequire\b/.test(rest)) writeFileSync(file, rest);
  }
}

/**
 * An esbuild plugin: bare imports are external (loaded from node_modules), except `bundled` ones
 * and whatever bundled packages import. The MCP SDK and zod are hundreds of small modules (zod's
 * index alone loads ~40 locales): bundled and tree-shaken, `custodian mcp` starts about twice as
 * fast. Only the mcp command's chunks reach them (test/mcp/lazy-load.test.ts). commander and
 * better-sqlite3's JavaScript are a dozen CommonJS files each that every command loaded: bundled,
 * start-up resolves and reads none of them (test/cli/bundle.test.ts); so is picomatch, one
 * CommonJS file that a sync which lists a repo would otherwise load through Node's CommonJS
 * translator (~7 ms). `bindings` stays out: it would look for better-sqlite3's addon beside the
 * bundle, and src/sqlite.ts names the addon instead.
 */
function externalPackages(bundled) {
  return {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path === 'bindings') return { path: args.path, external: true };
        if (args.importer.includes(`${join('node_modules', '')}`) || bundled.test(args.path)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * An esbuild plugin: zod's `locales` namespace (`z.locales`, re-exported by zod's index) holds
 * only English. zod itself configures English alone, nothing here or in the MCP SDK asks for
 * another language, and the other 60-odd locales were a third of the mcp chunk (368 KB of
 * 1.19 MB) that every `custodian mcp` parsed at start-up.
 */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        args.importer.includes(join('node_modules', 'zod', '')) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-english-only' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};`,
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/**
 * An esbuild plugin: commander requires node:child_process when it loads, for executable
 * subcommands (`git-foo` style), which custodian has none of. That require loads net, dgram and
 * the streams (~6 ms) into every command; through this stand-in the module loads only if commander
 * ever spawns. src/lazy-builtins.ts does the same for custodian's own git calls.
 */
function commanderSpawnsOnDemand() {
  return {
    name: 'commander-spawns-on-demand',
    setup(build) {
      build.onResolve({ filter: /^node:child_process$/ }, (args) =>
        args.importer.includes(join('node_modules', 'commander', '')) ? { path: 'child_process', namespace: 'commander-spawns-on-demand' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'commander-spawns-on-demand' }, () => ({
        contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
        loader: 'js',
      }));
    },
  };
}

// The report page's script and style, minified into src/generated/report-assets.ts (git-ignored)
// as string constants, so the page inlines them and `custodian report` reads no file to make it.
// The script is type-checked with the DOM library by tsconfig.browser.json.
function bundleReportAssets() {
  const esbuild = require('esbuild');
  const bundle = (entry, options) =>
    esbuild.buildSync({ entryPoints: [join(root, 'src', 'report', entry)], bundle: true, minify: true, write: false, logLevel: 'warning', ...options }).outputFiles[0].text.trim();
  const script = bundle('browser/main.ts', { format: 'iife', platform: 'browser', target: 'es2020' });
  const style = bundle('view/styles.css', { loader: { '.css': 'css' } });
  // `</script` cannot appear in the minified script (esbuild escapes it in strings); say so loudly if it ever does.
  if (/<\/script|<!--/i.test(script)) throw new Error('the report script contains </script or <!--, which would end it early in the page');
  const out = join(root, 'src', 'generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'report-assets.ts'),
    ['// Generated by scripts/build.mjs from src/report/browser and src/report/view/styles.css. Do not edit.', `export const REPORT_SCRIPT = ${JSON.stringify(script)};`, `export const REPORT_STYLE = ${JSON.stringify(style)};`, ''].join('\n'),
  );
}

// The validators every command may load are the documents' (check and edits validate front
// matter). The others get modules of their own, loaded only by their readers: the registry's
// (read again only when its cache is stale), and the snapshot's, which only the hub and export read
// and which stop at the first error, all a rejected upload or source needs. event.schema.json is
// not precompiled: custodian builds its events itself and validates none at run time (the tests
// check what it derives against the schema).
function separateModules() {
  return {
    'registry-validators': { schemas: ['workspace'], allErrors: true },
    'snapshot-validators': { schemas: ['snapshot'], allErrors: false },
  };
}

function notPrecompiled() {
  return new Set(['event']);
}

function generateValidators() {
  const schemaDir = join(root, 'schemas');
  const names = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort().map((f) => f.replace(/\.schema\.json$/, ''));
  const separate = new Set(Object.values(separateModules()).flatMap((m) => m.schemas));
  const skipped = notPrecompiled();
  writeValidatorModule('validators', names.filter((n) => !separate.has(n) && !skipped.has(n)), true);
  for (const [module, { schemas, allErrors }] of Object.entries(separateModules())) writeValidatorModule(module, schemas, allErrors);
}

function writeValidatorModule(module, names, allErrors) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const schemaDir = join(root, 'schemas');
  const ajv = new Ajv2020({ allErrors, strict: true, code: { source: true, esm: true } });
  const exports = {};
  for (const name of names) {
    ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8')), name);
    exports[name.replace(/[-.](\w)/g, (_, c) => c.toUpperCase())] = name;
  }
  // ajv's ESM output still calls require() for its runtime helpers.
  const code = Object.keys(exports).length > 0 ? standaloneCode(ajv, exports) : '';
  const out = join(root, 'src', 'generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, `${module}.ts`),
    [
      '// @ts-nocheck',
      '// Generated by scripts/build.mjs from schemas/*.schema.json. Do not edit.',
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      code.replace(/^"use strict";/, ''),
      '',
    ].join('\n'),
  );
}
