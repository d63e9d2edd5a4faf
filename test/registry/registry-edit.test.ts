// Planning and committing registry edits: the result is loaded by the real registry loader
// before anything is written, and a file changed since it was read refuses the edit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitRegistryPlan, planRegistryEdit, readRegistrySnapshot } from '../../src/workspace/registry-edit.js';
import { appendEntry, setScalar } from '../../src/workspace/registry-edit-yaml.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { read, workspace } from './helpers.js';

afterAll(removeTempDirs);

const REGISTRY = 'version: 1\ndomains:\n  - slug: a\n    name: A\nrepos:\n  - slug: r\n    name: R\n    domain: a\n    path: repos/r\n';

describe('planRegistryEdit', () => {
  it('returns the edits with diffs and the registry as it will be, writing nothing', async () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const plan = await planRegistryEdit(await readRegistrySnapshot(root), (t) => ({ main: appendEntry(t.main, 'domains', { slug: 'b', name: 'B' }) }), {
      hostname: 'box',
    });
    expect(plan.edits.map((e) => [e.name, e.before === REGISTRY, e.after.includes('  - slug: b\n    name: B\n')])).toEqual([['custodian.yaml', true, true]]);
    expect(plan.edits[0].diff).toBe('--- a/custodian.yaml\n+++ b/custodian.yaml\n@@ -2,6 +2,8 @@\n domains:\n   - slug: a\n     name: A\n+  - slug: b\n+    name: B\n repos:\n   - slug: r\n     name: R\n');
    expect(plan.registry.domains.map((d) => d.slug)).toEqual(['a', 'b']);
    expect(plan.registry.repos[0].checkout).toBe(join(root, 'repos/r'));
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('refuses an edit that would leave the registry invalid (a repo naming no domain), with the loader\'s diagnostics', async () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const snapshot = await readRegistrySnapshot(root);
    const attempt = planRegistryEdit(snapshot, (t) => ({ main: setScalar(t.main, ['repos', 0, 'domain'], 'ghost') }));
    await expect(attempt).rejects.toMatchObject({
      code: 'refused',
      details: { reason: 'invalid-registry', diagnostics: [expect.objectContaining({ rule_id: 'registry/unknown-domain', file: 'custodian.yaml', line: 8 })] },
    });
    await expect(attempt).rejects.toThrow(/^the edit would leave the registry invalid, so nothing was written:\ncustodian\.yaml:8:13: /);
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('validates custodian.local.yaml too, and creates it when it did not exist', async () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const snapshot = await readRegistrySnapshot(root);
    await expect(planRegistryEdit(snapshot, () => ({ local: 'repos:\n  - name: no slug\n' }))).rejects.toMatchObject({ code: 'refused' });
    const plan = await planRegistryEdit(snapshot, () => ({ local: 'repos:\n  - slug: r\n    host_paths:\n      box: /srv/r\n' }), { hostname: 'box' });
    expect(plan.registry.repos[0].checkout).toBe('/srv/r');
    await commitRegistryPlan(plan);
    expect(read(root, 'custodian.local.yaml')).toBe('repos:\n  - slug: r\n    host_paths:\n      box: /srv/r\n');
  });

  it('refuses with conflict when custodian.yaml changed after it was read', async () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const plan = await planRegistryEdit(await readRegistrySnapshot(root), (t) => ({ main: setScalar(t.main, ['domains', 0, 'name'], 'Alpha') }));
    writeFileSync(join(root, 'custodian.yaml'), `${REGISTRY}# edited by hand\n`);
    await expect(commitRegistryPlan(plan)).rejects.toMatchObject({ code: 'conflict' });
    expect(read(root, 'custodian.yaml')).toBe(`${REGISTRY}# edited by hand\n`);
  });

  it('keeps a BOM', async () => {
    const root = workspace({ 'custodian.yaml': `\uFEFF${REGISTRY}` });
    const plan = await planRegistryEdit(await readRegistrySnapshot(root), (t) => ({ main: setScalar(t.main, ['domains', 0, 'name'], 'Alpha') }));
    await commitRegistryPlan(plan);
    expect(read(root, 'custodian.yaml')).toBe(`\uFEFF${REGISTRY.replace('name: A\n', 'name: Alpha\n')}`);
  });
});
