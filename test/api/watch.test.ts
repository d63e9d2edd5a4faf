// api.watch: the incremental sync on every change, one sync-change document per changed file,
// until its signal aborts; then it resolves.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watch, type SyncChangeDocument } from '../../src/api/index.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { waitFor } from '../helpers/poll.js';
import { fixtureCopy } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

describe('watch', () => {
  it('reports each changed file as a sync-change document and stops when aborted', async () => {
    const root = fixtureCopy();
    const changes: SyncChangeDocument[] = [];
    let ready: { repos: number } | null = null;
    const stop = new AbortController();
    const watching = watch({ workspace: root, signal: stop.signal, onChange: (c) => changes.push(c), onReady: (info) => (ready = info) });
    await waitFor(() => ready !== null);
    expect(ready).toEqual({ repos: 3 });
    const file = 'workplans/LCLI-WP-0009.md';
    writeFileSync(join(root, 'repos/ledger-cli', file), '---\nid: LCLI-WP-0009\ntype: workplan\nstatus: active\n---\n\n## Watched\n\n```task\nid: LCLI-WP-0009-T01\nstatus: todo\n```\n');
    await waitFor(() => changes.some((c) => c.file === file));
    expect(changes.find((c) => c.file === file)).toEqual({
      schema_version: 1,
      kind: 'sync-change',
      repo_slug: 'ledger-cli',
      file,
      change: 'added',
      documents: 1,
      tasks: 1,
      diagnostics: 0,
    });
    stop.abort();
    await expect(watching).resolves.toBeUndefined();
  }, 60_000);
});
