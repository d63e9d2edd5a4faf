// Domain cards, each with its repos (DoI tier badge, counts, commit). Repos whose domain is not
// registered (single-repo mode, a federated source's own) are grouped under "Other repos".
import type { ReportDocument, ReportDomain, ReportRepo } from '../model.js';
import { escapeHtml as h } from './escape.js';
import type { Matcher } from './filter.js';
import { repoRow } from './rows.js';

export function domainCards(doc: ReportDocument, m: Matcher): { html: string; repos: number } {
  const known = new Set(doc.domains.map((d) => d.slug));
  const groups: { domain: ReportDomain | null; repos: ReportRepo[] }[] = doc.domains.map((domain) => ({ domain, repos: doc.repos.filter((r) => r.domain === domain.slug) }));
  const others = doc.repos.filter((r) => r.domain === null || !known.has(r.domain));
  if (others.length > 0) groups.push({ domain: null, repos: others });
  let shown = 0;
  const cards = groups
    .map(({ domain, repos }) => {
      const visible = repos.filter((r) => m.repo(r));
      if (visible.length === 0 && (m.active || repos.length > 0)) return '';
      shown += visible.length;
      return card(domain, visible);
    })
    .join('');
  return { html: cards || '<li class="empty">No repo matches the filter.</li>', repos: shown };
}

function card(domain: ReportDomain | null, repos: ReportRepo[]): string {
  const title = domain === null ? 'Other repos' : `${h(domain.name)} <code class="id">${h(domain.slug)}</code>`;
  const archived = domain !== null && domain.status !== 'active' ? ` <span class="badge archived">${h(domain.status)}</span>` : '';
  const description = domain?.description ? `<p class="description">${h(domain.description)}</p>` : '';
  const list = repos.length > 0 ? `<ul class="repos">${repos.map(repoRow).join('')}</ul>` : '<p class="empty">No repo registered.</p>';
  return `<li class="domain"><h3>${title}${archived}</h3>${description}${list}</li>`;
}
