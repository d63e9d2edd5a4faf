// `next` walks candidates in an order SQL computes; dispatch sorts with src/dispatch/order.ts.
// On a generated workspace (plus ties and characters outside the BMP) the two must agree exactly,
// and the first ready task of the walk must be the first of the full ready queue.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.mjs';
import { firstReady } from '../../src/dispatch/next.js';
import { proposedTo } from '../../src/dispatch/proposal.js';
import { compareKeys, queueKey } from '../../src/dispatch/order.js';
import { assessQueue, readyQueue } from '../../src/dispatch/queue.js';
import { workplanCatalog } from '../../src/dispatch/workstreams.js';
import { workstreamOpen } from '../../src/dispatch/readiness.js';
import type { IndexDb } from '../../src/index/db.js';
import { dependencyLookupFor, liveDependencyLookup, selectQueueTasks, selectWorkplans } from '../../src/index/queries/dispatch.js';
import { nextCandidates } from '../../src/index/queries/dispatch-next.js';
import { syncWorkspace } from '../../src/index/sync.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { commitAll, removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';

const FENCE = '```';
let db: IndexDb;

beforeAll(async () => {
  const root = tempDir('custodian-order-');
  generateWorkspace(root, { repos: 3, files: 240, seed: 7 });
  const plan = (id: string, created: string | null, tasks: string[]) =>
    ['---', `id: "${id}"`, 'status: active', ...(created ? [`created: "${created}"`] : []), '---', '', ...tasks.flatMap((t) => [`${FENCE}task`, `id: "${t}"`, 'status: todo', 'priority: high', FENCE, ''])].join('\n');
  writeFiles(join(root, 'repos', 'repo-00'), {
    'workplans/Z-fullwidth.md': plan('Z-\uFF5E', '2026-02-02', ['Z-\uFF5E-T01', 'Z-\uFF5E-T02']),
    'workplans/Z-emoji.md': plan('Z-\u{1F600}', '2026-02-02', ['Z-\u{1F600}-T01']),
    'workplans/Z-undated.md': plan('Z-UNDATED', null, ['Z-UNDATED-T01']),
    'docs/tasks/ATTACHED.md': ['---', 'id: ATTACHED-1', 'workplan: "Z-\uFF5E"', 'priority: high', '---', ''].join('\n'),
  });
  commitAll(join(root, 'repos', 'repo-00'), 'ties');
  const ws = await resolveWorkspace({ cwd: root, workspace: root });
  db = (await syncWorkspace(ws)).db;
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

function pureCandidates(repo: string | undefined, includeHuman: boolean, as: string | undefined) {
  const tasks = selectQueueTasks(db, { repos: repo ? [repo] : undefined });
  const entries = assessQueue(tasks, workplanCatalog(selectWorkplans(db)), dependencyLookupFor(db, tasks), { includeHuman });
  return entries.filter(
    (e) => proposedTo(e.task, as) && e.task.doc_valid && e.task.id !== null && (includeHuman || !e.task.needs_human) && workstreamOpen(e.workstream),
  );
}

describe('the SQL order of next', () => {
  // A query per (status, priority) bucket, walked in order.
  // Without a name no in_progress task is proposed; with one, only that agent's.
  for (const repo of [undefined, 'repo-00', 'repo-02']) {
    for (const [includeHuman, as] of [[false, undefined], [true, undefined], [false, 'agent-1'], [true, 'agent-2']] as const) {
      it(`equals the dispatch order (${repo ?? 'every repo'}, includeHuman ${includeHuman}, as ${as})`, () => {
        const sql = [...nextCandidates(db, { repos: repo === undefined ? undefined : [repo], includeHuman, as })];
        const pure = pureCandidates(repo, includeHuman, as);
        expect(sql.length).toBeGreaterThan(20);
        expect(sql.map((c) => c.task.row_id)).toEqual(pure.map((e) => e.task.row_id));
        const held = sql.filter((c) => c.task.status === 'in_progress');
        if (as === undefined) expect(held).toEqual([]);
        else {
          expect(held.length).toBeGreaterThan(0);
          for (const c of held) expect(c.task.assignee).toBe(as);
        }
        for (const c of sql) if (c.task.status === 'todo') expect([null, as]).toContain(c.task.assignee);
        for (let i = 1; i < sql.length; i++) expect(compareKeys(queueKey(sql[i - 1].task, sql[i - 1].workstream), queueKey(sql[i].task, sql[i].workstream))).toBeLessThanOrEqual(0);
        const first = firstReady(sql, liveDependencyLookup(db), { includeHuman, as });
        const tasks = selectQueueTasks(db, { repos: repo ? [repo] : undefined });
        const queue = readyQueue(tasks, workplanCatalog(selectWorkplans(db)), dependencyLookupFor(db, tasks), { includeHuman }).filter((e) => proposedTo(e.task, as));
        expect(first?.task.row_id).toBe(queue[0]?.task.row_id);
      });
    }
  }

  it('orders by code point, as SQLite does: U+FF5E before U+1F600, the undated workplan after both', () => {
    const ids = [...nextCandidates(db, { repos: ['repo-00'] })].map((c) => c.task.id).filter((id) => id!.startsWith('Z-') || id === 'ATTACHED-1');
    expect(ids).toEqual(['Z-\uFF5E-T01', 'Z-\uFF5E-T02', 'ATTACHED-1', 'Z-\u{1F600}-T01', 'Z-UNDATED-T01']);
  });
});

describe('the walk of next reads indexes alone', () => {
  // A task column the walk reads but tasks_status_priority lacks sends SQLite to one table page
  // per candidate task: at 10,000 files a cold first bucket then takes six times as long. The
  // same holds for the workplan each candidate joins (documents_workplan_head).
  it('finds every bucket through the covering index tasks_status_priority, and its workplans through documents_workplan_head', () => {
    const prepared: string[] = [];
    const recording = new Proxy(db, {
      get: (target, key) => (key === 'prepare' ? (sql: string) => (prepared.push(sql), target.prepare(sql)) : Reflect.get(target, key, target)),
    });
    for (const as of [undefined, 'agent-1']) for (const candidate of nextCandidates(recording, { as })) void candidate;
    const buckets = prepared.filter((sql) => sql.includes('WITH c AS'));
    expect(buckets.length).toBeGreaterThan(10);
    for (const sql of buckets) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x')) as { detail: string }[]).map((r) => r.detail);
      expect(plan.find((d) => /^(SEARCH|SCAN) t /.test(d))).toMatch(/^SEARCH t USING COVERING INDEX tasks_status_priority/);
      expect(plan.find((d) => /^(SEARCH|SCAN) w .*LEFT-JOIN$/.test(d))).toMatch(/^SEARCH w USING COVERING INDEX documents_workplan_head /);
    }
  });
});
