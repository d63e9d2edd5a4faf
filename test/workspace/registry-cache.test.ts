import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { CustodianError } from '../../src/errors.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const registry = (name: string) => `version: 1\ndomains:\n  - slug: core\n    name: Core\nrepos:\n  - slug: a\n    name: ${name}\n    domain: core\n    path: a\n`;

describe('the registry cache', () => {
  it('is keyed by content: any edit of custodian.yaml or custodian.local.yaml is seen, a broken one is still reported', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'custodian.yaml'), registry('First'));
    const load = () => resolveWorkspace({ cwd: root, env: {} });
    expect((await load()).repos[0].name).toBe('First');
    expect(existsSync(join(root, '.custodian/registry.json'))).toBe(true);
    writeFileSync(join(root, 'custodian.yaml'), registry('Other')); // same size, same second
    expect((await load()).repos[0].name).toBe('Other');
    writeFileSync(join(root, 'custodian.local.yaml'), 'repos:\n  - slug: a\n    path: elsewhere\n');
    expect((await load()).repos[0].checkout).toBe(join(root, 'elsewhere'));
    writeFileSync(join(root, 'custodian.yaml'), registry('Other').replace('domain: core', 'domain: nope'));
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustodianError);
    expect((error as CustodianError).code).toBe('invalid-workspace');
  });
});
