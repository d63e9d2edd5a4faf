// PROVISIONAL stand-in for test/helpers/system-binary.ts (the tooling engineer's shared helper),
// with the same `systemBinary(names, { packageName })` shape so the switch is one import line.
// A missing binary fails under CI=true and is a loud warning elsewhere.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SystemBinary {
  name: string;
  available: boolean;
  path: string;
}

export function systemBinary(names: string | string[], options: { packageName?: string } = {}): SystemBinary {
  const list = Array.isArray(names) ? names : [names];
  for (const name of list) {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return { name: list[0], available: true, path };
      } catch {
        // not here
      }
    }
  }
  const message = `system binary ${list.join(' / ')} not found: the tests that need it cannot run. Install it with \`bash scripts/test-deps.sh\` (Debian package ${options.packageName ?? list[0]}).`;
  if (process.env.CI === 'true') throw new Error(`CI=true: ${message}`);
  console.warn(`\n!!! SKIPPED: ${message}\n`);
  return { name: list[0], available: false, path: '' };
}
