// `domain list` and `domain show`: the document as JSON or as lines.
import { domainList as listDomains, domainShow as showDomain, type DomainDocument } from '../../api/domains.js';
import { apiOptions } from '../api-options.js';
import type { DomainListFlags, DomainShowFlags } from '../commands/domain.js';
import type { CliContext } from '../context.js';
import { domainLines, fieldLines } from '../format/registry.js';
import { colors, writeHuman, writeJson, type Colors } from '../output.js';

export async function domainList(ctx: CliContext, flags: DomainListFlags): Promise<void> {
  const doc = await listDomains(apiOptions(ctx));
  if (flags.json) writeJson(doc);
  else writeHuman(doc.items, (items) => domainLines(items, colors()));
}

export async function domainShow(ctx: CliContext, slug: string, flags: DomainShowFlags): Promise<void> {
  const doc = await showDomain({ ...apiOptions(ctx), sync: flags.sync, slug });
  if (flags.json) {
    writeJson(doc);
    return;
  }
  const color = colors();
  writeHuman(doc.domain, (detail) => domainDetailLines(detail, color));
}

function domainDetailLines(detail: DomainDocument['domain'], color: Colors): string[] {
  const w = detail.workplan_counts;
  const t = detail.task_counts;
  return [
    `${color.bold(detail.slug)}  ${detail.name}`,
    ...fieldLines([
      ['status', detail.status],
      ['description', detail.description],
      ['repos', `${detail.repo_count}${detail.repo_count ? ` (${detail.repo_slugs.join(', ')})` : ''}`],
      ['workplans', `${w.total} (${w.active} active, ${w.draft} draft, ${w.blocked} blocked, ${w.completed} completed, ${w.cancelled} cancelled)`],
      ['tasks', `${t.total} (${t.todo} todo, ${t.in_progress} in progress, ${t.blocked} blocked, ${t.done} done, ${t.cancelled} cancelled)`],
      ['goals', String(detail.goal_count)],
    ]),
  ];
}
