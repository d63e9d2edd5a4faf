// `domain list` (the registry alone) and `domain show` (with counts from the fresh index).
import { domainCounts } from '../../index/queries/registry.js';
import type { CliContext } from '../context.js';
import { domainItem, domainLines, fieldLines } from '../format/registry.js';
import { colors, writeJson, writeLines } from '../output.js';
import { findDomain, registryWorkspace } from './domain-repo-context.js';
import { openFreshIndex } from './workspace.js';

export async function domainList(ctx: CliContext, flags: { json?: boolean }): Promise<void> {
  const ws = await registryWorkspace(ctx);
  const items = ws.domains.map((d) => domainItem(d, ws.repos));
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'domain-list', items });
    return;
  }
  writeLines(domainLines(items, colors()));
}

export async function domainShow(ctx: CliContext, slug: string, flags: { json?: boolean; sync?: boolean }): Promise<void> {
  const ws = await registryWorkspace(ctx);
  const domain = findDomain(ws, slug);
  const item = domainItem(domain, ws.repos);
  const { db } = await openFreshIndex(ctx, { sync: flags.sync });
  let counts;
  try {
    counts = domainCounts(db, { domain: slug, repos: item.repo_slugs });
  } finally {
    db.close();
  }
  const detail = {
    ...item,
    repo_count: item.repo_slugs.length,
    workplan_counts: counts.workplans,
    task_counts: counts.tasks,
    goal_count: counts.goals,
    extra: domain.extra,
  };
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'domain', domain: detail });
    return;
  }
  const color = colors();
  const w = counts.workplans;
  const t = counts.tasks;
  writeLines([
    `${color.bold(detail.slug)}  ${detail.name}`,
    ...fieldLines([
      ['status', detail.status],
      ['description', detail.description],
      ['repos', `${detail.repo_count}${detail.repo_count ? ` (${detail.repo_slugs.join(', ')})` : ''}`],
      ['workplans', `${w.total} (${w.active} active, ${w.draft} draft, ${w.blocked} blocked, ${w.completed} completed, ${w.cancelled} cancelled)`],
      ['tasks', `${t.total} (${t.todo} todo, ${t.in_progress} in progress, ${t.blocked} blocked, ${t.done} done, ${t.cancelled} cancelled)`],
      ['goals', String(detail.goal_count)],
    ]),
  ]);
}
