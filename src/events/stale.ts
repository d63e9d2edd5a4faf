// task.stale from DoI C14's facts: the same `touchedTasks` (one git log, one blame per file) over
// the repo's in_progress tasks, then the pure staleTasks rule.
import { readCheckout } from '../doi/facts/checkout.js';
import type { Limiter } from '../doi/facts/limit.js';
import { touchedTasks } from '../doi/facts/touched.js';
import type { IndexDb } from '../index/db.js';
import { repoInProgressRows } from '../index/queries/doi.js';
import type { RepoConfig } from '../workspace/types.js';
import { STALE_AFTER_SECONDS, staleTasks } from './derive.js';
import { cloudEvent, isoSeconds, type CloudEvent } from './envelope.js';

export async function staleEvents(repo: RepoConfig, index: IndexDb, now: Date, since: Date, limit: Limiter): Promise<CloudEvent[]> {
  const rows = repoInProgressRows(index, repo.slug);
  if (rows.length === 0) return [];
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const checkout = await readCheckout(repo.checkout);
  const facts = await touchedTasks(checkout, rows, nowSeconds - STALE_AFTER_SECONDS, limit);
  const byId = new Map(rows.map((r) => [r.task_id, r]));
  return staleTasks(facts, nowSeconds, Math.floor(since.getTime() / 1000)).map((t) => {
    const row = byId.get(t.task_id);
    return cloudEvent({
      name: 'task.stale',
      repo: { slug: repo.slug, domain: repo.domain, remote_url: repo.remote_url },
      kind: 'task',
      document_id: t.task_id,
      title: row?.title ?? null,
      file: t.file,
      old_value: 'in_progress',
      new_value: 'stale',
      commit: t.commit,
      time: t.stale_at,
      extra: { workplan_id: row?.workplan_id ?? null, last_touched_at: isoSeconds(t.touched_at) },
    });
  });
}
