// The row templates: one function per kind of item, a string of HTML out. The page template
// renders the first page of every list with them and the browser script renders filtered pages
// with the same functions, so a row looks the same with or without JavaScript.
import type { ReportBlock, ReportGoal, ReportInterfaceChange, ReportRepo, ReportTask, ReportWorkstream } from '../model.js';
import { escapeHtml as h } from './escape.js';

const TIERS = new Set(['none', 'core', 'standard', 'full']);
const PRIORITIES = new Set(['critical', 'high', 'medium', 'low']);

export function tierBadge(tier: string): string {
  const known = TIERS.has(tier) ? tier : 'none';
  return `<span class="badge tier tier-${known}" title="DoI tier">${h(tier)}</span>`;
}

function priorityBadge(priority: string): string {
  const known = PRIORITIES.has(priority) ? priority : 'medium';
  return `<span class="badge prio prio-${known}">${h(priority)}</span>`;
}

function sourceNote(source: string | null): string {
  return source === null ? '' : ` <span class="source" title="federated source">${h(source)}</span>`;
}

function where(file: string | null, line?: number): string {
  if (file === null) return '';
  return `<span class="file">${h(file)}${line === undefined ? '' : `:${line}`}</span>`;
}

/** A task of the ready, blocked or needs-a-human list; `position` is its place in the ready queue. */
export function taskRow(task: ReportTask, position?: number): string {
  const value = position === undefined ? '' : ` value="${position}"`;
  const assignee = task.assignee === null ? '' : ` <span class="assignee">@${h(task.assignee)}</span>`;
  const human = task.needs_human ? ' <span class="badge human">needs a human</span>' : '';
  const reasons = task.ready ? '' : blockReasons(task);
  return (
    `<li${value} class="task"><div class="line">${priorityBadge(task.priority)} <code class="id">${h(task.id ?? '(no id)')}</code> ` +
    `<span class="title">${h(task.title)}</span>${assignee}${human}</div>` +
    `<div class="meta"><span class="repo">${h(task.repo_slug)}</span> · ${h(task.workstream ?? '')} · <span class="status status-${h(task.status ?? 'unknown')}">${h(task.status ?? 'unknown status')}</span> · ${where(task.file, task.line)}${sourceNote(task.source)}</div>` +
    reasons +
    '</li>'
  );
}

function blockReasons(task: ReportTask): string {
  const reasons = task.blocked_by.map((block) => blockReason(block, task.repo_slug));
  if (task.status === 'blocked' && task.blocked_by.length === 0) reasons.push('marked <em>blocked</em> in its file');
  if (!task.valid) reasons.push('its file does not parse');
  if (reasons.length === 0) return '';
  return `<ul class="reasons">${reasons.map((r) => `<li>${r}</li>`).join('')}</ul>`;
}

function blockReason(block: ReportBlock, repo: string): string {
  const id = `<code>${h(block.id)}</code>`;
  const cross = block.repo_slug !== null && block.repo_slug !== repo;
  const elsewhere = cross ? ` <span class="cross">in ${h(block.repo_slug)}</span>` : '';
  const cls = cross ? ' class="cross-repo"' : '';
  switch (block.reason) {
    case 'unknown':
      return `<span${cls}>depends on ${id}, which names no task</span>`;
    case 'ambiguous':
      return `<span${cls}>depends on ${id}, which is declared more than once</span>`;
    case 'cancelled':
      return `<span${cls}>depends on ${id}${elsewhere}, which was cancelled</span>`;
    default:
      return `<span${cls}>waits for ${id}${elsewhere} (${h(block.status ?? 'unknown status')})</span>`;
  }
}

/** A stacked bar: done, in progress, blocked, to do (cancelled tasks count for nothing). */
export function progressBar(ws: ReportWorkstream): string {
  const c = ws.counts;
  const open = c.total - c.cancelled;
  const parts: [string, number][] = [
    ['done', c.done],
    ['in_progress', c.in_progress],
    ['blocked', c.blocked],
    ['todo', c.todo],
  ];
  let x = 0;
  const rects = parts
    .filter(([, n]) => n > 0 && open > 0)
    .map(([name, n]) => {
      const width = (n / open) * 100;
      const rect = `<rect class="seg-${name}" x="${round(x)}" y="0" width="${round(width)}" height="10"/>`;
      x += width;
      return rect;
    })
    .join('');
  const label = `${c.done} of ${open} done`;
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label}"><rect class="seg-track" x="0" y="0" width="100" height="10"/>${rects}</svg>`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function workstreamRow(ws: WorkstreamLike): string {
  const c = ws.counts;
  const open = c.total - c.cancelled;
  const percent = open > 0 ? Math.round((c.done / open) * 100) : 0;
  return (
    `<li class="workstream"><div class="line"><code class="id">${h(ws.id ?? '(no id)')}</code> <span class="title">${h(ws.title ?? '')}</span></div>` +
    `<div class="progress">${progressBar(ws)}<span class="figures">${c.done}/${open} done (${percent}%) · ${c.in_progress} in progress · ${c.blocked} blocked · ${c.todo} to do · <strong>${ws.ready} ready</strong></span></div>` +
    `<div class="meta"><span class="repo">${h(ws.repo_slug)}</span>${ws.file === null ? '' : ` · ${where(ws.file)}`}${sourceNote(ws.source)}</div></li>`
  );
}

type WorkstreamLike = ReportWorkstream;

export function goalRow(goal: ReportGoal, current: boolean): string {
  const priority = goal.priority === null ? 'no priority' : `priority ${goal.priority}`;
  const scope = goal.scope === 'domain' ? `domain ${h(goal.target ?? '')}` : `repo ${h(goal.target ?? goal.repo_slug)}`;
  const mark = current ? ' <span class="badge current" title="the goal dispatch works towards">current</span>' : '';
  return (
    `<li class="goal"><div class="line"><code class="id">${h(goal.id ?? '(no id)')}</code> <span class="title">${h(goal.title ?? '')}</span>${mark}</div>` +
    `<div class="meta">${priority} · ${scope} · ${where(goal.file)} in ${h(goal.repo_slug)}${sourceNote(goal.source)}</div></li>`
  );
}

export function changeRow(change: ReportInterfaceChange): string {
  const kinds = [change.change_type, change.interface_type].filter((k): k is string => k !== null).map(h).join(' ');
  const dates = [
    change.planned_for && `planned for ${h(change.planned_for)}`,
    change.published_at && `published ${h(change.published_at)}`,
    change.resolved_at && `resolved ${h(change.resolved_at)}`,
  ].filter(Boolean);
  const breaking = change.change_type === 'breaking' ? ' <span class="badge breaking">breaking</span>' : '';
  return (
    `<li class="change"><div class="line"><code class="id">${h(change.id ?? '(no id)')}</code> <span class="title">${h(change.title ?? '')}</span>${breaking}</div>` +
    `<div class="meta">${kinds ? `${kinds} · ` : ''}from <span class="repo">${h(change.origin_repo)}</span> to ${change.affected_repos.map((r) => `<span class="repo">${h(r)}</span>`).join(', ') || 'no repo'}` +
    `${dates.length ? ` · ${dates.join(' · ')}` : ''} · ${where(change.file)}${sourceNote(change.source)}</div></li>`
  );
}

export function repoRow(repo: ReportRepo): string {
  const c = repo.counts;
  const commit = repo.commit === null ? 'no commit' : `<code title="${h(repo.commit)}">${h(repo.commit.slice(0, 10))}</code>${repo.branch === null ? '' : ` on ${h(repo.branch)}`}`;
  const archived = repo.status === 'active' ? '' : ` <span class="badge archived">${h(repo.status)}</span>`;
  return (
    `<li class="repo-card"><div class="line">${tierBadge(repo.tier)} <strong>${h(repo.name)}</strong> <code class="id">${h(repo.slug)}</code>${archived}</div>` +
    `<div class="figures"><span>${c.ready} ready</span> · <span>${c.blocked} blocked</span> · <span>${c.human} for a human</span> · <span>${c.workstreams} workstreams</span> · <span>${c.done}/${c.total} tasks done</span></div>` +
    `<div class="meta">${commit}${repo.active_goal === null ? '' : ` · goal <code>${h(repo.active_goal)}</code>`}${sourceNote(repo.source)}</div></li>`
  );
}
