// The search table follows the files: an incremental sync adds, changes and removes exactly what
// the files did, and agrees with a full rebuild.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchQuery, searchIndex, type SearchFilter } from '../../src/index/queries/search.js';
import { ensureSearch } from '../../src/index/search-table.js';
import { syncWorkspace } from '../../src/index/sync.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { tempWorkspace } from './workspace-helper.js';

afterAll(removeTempDirs);

const FENCE = '```';
const plan = (id: string, intro: string, tasks: [string, string, string][]) =>
  [
    '---',
    `id: ${id}`,
    'status: active',
    '---',
    '',
    `# ${id} plan`,
    '',
    intro,
    '',
    ...tasks.flatMap(([taskId, title, body]) => [`## ${title}`, '', `${FENCE}task`, `id: ${taskId}`, 'status: todo', FENCE, '', body, '']),
  ].join('\n');

async function search(root: string, text: string, filter: Partial<SearchFilter> = {}, full = false) {
  const ws = await resolveWorkspace({ cwd: root, workspace: root });
  const { db } = await syncWorkspace(ws, { full });
  try {
    await ensureSearch(db, ws.index_path);
    return searchIndex(db, matchQuery(text)!, { limit: 0, ...filter }).map((r) => `${r.kind}:${r.id}`);
  } finally {
    db.close();
  }
}

describe('the search table', () => {
  it('follows incremental syncs: added, changed and removed files, and agrees with a rebuild', async () => {
    const ws = tempWorkspace({
      alpha: {
        'workplans/A-1.md': plan('A-1', 'Make retries safe for every client.', [
          ['A-1-T1', 'Store idempotency keys', 'A table of keys with their responses.'],
          ['A-1-T2', 'Expire old keys', 'A nightly job deletes retired keys.'],
        ]),
        'goals/G-1.md': '---\nid: G-1\ntitle: Safe retries everywhere\nstatus: active\n---\n\nClients retry writes without fear.\n',
        'docs/tasks/T-9.md': '---\nid: T-9\ntitle: Rotate signing keys\n---\n\n## Description\n\nThe webhook secret ages out.\n',
      },
    });
    const root = ws.root;
    expect(await search(root, 'keys')).toEqual(expect.arrayContaining(['task:A-1-T1', 'task:A-1-T2', 'task:T-9']));
    expect((await search(root, 'keys')).length).toBe(3);
    // The title weighs more than the description: "retries" is in the goal's title and the plan's introduction.
    expect(await search(root, 'retries')).toEqual(['goal:G-1', 'workplan:A-1']);
    // Stemming: "retired" and "nightly job" in one description.
    expect(await search(root, 'nightly jobs')).toEqual(['task:A-1-T2']);
    expect(await search(root, 'webhook')).toEqual(['task:T-9']);
    expect(await search(root, 'keys', { kinds: ['task'], repos: ['alpha'], statuses: { task: ['done'] } })).toEqual([]);
    expect(await search(root, 'keys', { limit: 1 })).toHaveLength(1);

    writeFileSync(
      join(ws.repo('alpha'), 'workplans/A-1.md'),
      plan('A-1', 'Make retries safe for every client.', [['A-1-T1', 'Store idempotency keys', 'A ledger of responses, kept a day.']]),
    );
    rmSync(join(ws.repo('alpha'), 'docs/tasks/T-9.md'));
    expect(await search(root, 'nightly')).toEqual([]);
    expect(await search(root, 'webhook')).toEqual([]);
    expect(await search(root, 'ledger responses')).toEqual(['task:A-1-T1']);
    const incremental = await search(root, 'keys');
    expect(await search(root, 'keys', {}, true)).toEqual(incremental);
  });

  it('reads free text as words: punctuation and FTS5 syntax are not operators', () => {
    expect(matchQuery('claim "lock" (file) NEAR/2 x*')).toBe('"claim" "lock" "file" "NEAR" "2" "x"*');
    expect(matchQuery('  --  ')).toBeNull();
  });
});
