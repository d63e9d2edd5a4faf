// The native addon the C-backed suites compare with JavaScript (build/Release/custodian_native.node,
// built by `npm ci`). As with the system binaries (system-binary.ts): missing is a failure under
// CI=true, where the bench's figures assume it, and a loud warning elsewhere, where the suite is skipped.
export function announceMissingAddon(present: boolean): void {
  if (present) return;
  const message = 'the native addon (build/Release/custodian_native.node) is not built: `npm run build` builds it with node-gyp';
  if (process.env.CI === 'true') throw new Error(`CI=true: ${message}`);
  console.warn(`\n!!! SKIPPED: ${message}\n`);
}
