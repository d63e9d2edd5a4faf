// The page template: the report document in, one self-contained HTML page out (inline style,
// script and data; nothing loaded from anywhere). Every list is rendered here with its first page
// so the page reads without JavaScript; the script then filters and pages from the same data.
import type { ReportDocument } from '../model.js';
import { domainCards } from './domains.js';
import { escapeHtml as h, inlineJson } from './escape.js';
import { Matcher, NO_FILTER } from './filter.js';
import { cappedNote, leftOut, PAGE_SIZE, section, type ListId } from './sections.js';

export interface PageAssets {
  style: string;
  script: string;
  /** The Content-Security-Policy the page declares (it allows exactly the inline style and script). */
  csp: string;
}

export function pageHtml(doc: ReportDocument, assets: PageAssets): string {
  const m = new Matcher(doc, NO_FILTER);
  const title = doc.origin === 'federation' ? 'custodian — federated report' : 'custodian report';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(assets.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    `<style>${assets.style}</style>`,
    '</head>',
    '<body>',
    header(doc, title),
    filters(doc),
    '<main id="main">',
    domainsSection(doc, m),
    listSection(doc, m, 'goals', 'Active goals', ''),
    listSection(doc, m, 'workstreams', 'Active workstreams', '<p class="note">Active workplans with pending tasks, then each repo\'s backlog, in dispatch order; the bar counts done, in progress, blocked and to do (cancelled tasks left out).</p>'),
    listSection(doc, m, 'ready', 'Ready queue', '<p class="note">In dispatch order across every repo: in progress first, then by priority, then by workstream. <code>custodian next</code> hands out the first to-do task nobody holds; a task in progress goes only to its holder (<code>next --as NAME</code>).</p>'),
    listSection(doc, m, 'blocked', 'Blocked', '<p class="note">Pending tasks of active workstreams that cannot be taken, each with why.</p>'),
    listSection(doc, m, 'human', 'Needs a human', ''),
    changesSection(doc, m),
    graphSection(doc),
    '</main>',
    `<footer><p>Made by <code>custodian report</code> from the files in git${doc.generated_at ? ` at <time datetime="${h(doc.generated_at)}">${h(doc.generated_at)}</time>` : ''}. This page loads nothing from the network.</p></footer>`,
    `<script type="application/json" id="report-data">${inlineJson(doc)}</script>`,
    `<script>${assets.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(doc: ReportDocument, title: string): string {
  const where = doc.origin === 'federation' ? `Federated view of ${doc.sources.length} source${doc.sources.length === 1 ? '' : 's'}` : doc.origin === 'single-repo' ? 'One repository' : 'Workspace';
  const failed = doc.sources.filter((s) => s.error !== null);
  const sources = doc.sources.length
    ? `<ul class="sources" aria-label="Sources">${doc.sources.map((s) => `<li><span class="source">${h(s.name)}</span> ${sourceState(s)}</li>`).join('')}</ul>`
    : '';
  const alert = !doc.complete
    ? `<p class="alert" role="alert"><strong>Incomplete:</strong> a required source is missing, so this view leaves work out.${failed.length ? ` ${failed.map((s) => `${h(s.name)}: ${h(s.error)}`).join('; ')}` : ''}</p>`
    : failed.length
      ? `<p class="warning">Left out: ${failed.map((s) => `${h(s.name)} (${h(s.error)})`).join('; ')}</p>`
      : '';
  const kpis: [string, number][] = [
    ['domains', doc.domains.length],
    ['repos', doc.repos.length],
    ['ready', sum(doc, 'ready')],
    ['blocked', sum(doc, 'blocked')],
    ['for a human', sum(doc, 'human')],
    ['interface changes published', doc.interface_changes.filter((c) => c.status === 'published').length],
  ];
  const jumps: [string, string][] = [
    ['domains', 'Domains and repos'],
    ['goals', 'Goals'],
    ['workstreams', 'Workstreams'],
    ['ready', 'Ready'],
    ['blocked', 'Blocked'],
    ['human', 'Needs a human'],
    ['changes', 'Interface changes'],
    ['graph', 'Graph'],
  ];
  const toc = `<nav class="toc" aria-label="Sections"><ul>${jumps.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul></nav>`;
  return (
    `<header><h1>${title}</h1><p class="subtitle">${where}${doc.generated_at ? ` · <time datetime="${h(doc.generated_at)}">${h(doc.generated_at)}</time>` : ''}</p>${alert}${sources}` +
    `<ul class="kpis">${kpis.map(([label, n]) => `<li><strong>${n}</strong> ${label}</li>`).join('')}</ul>${toc}</header>`
  );
}

function sourceState(s: ReportDocument['sources'][number]): string {
  const required = s.required ? 'required, ' : '';
  if (s.included) return `(${required}snapshot of ${s.received_at ? `<time datetime="${h(s.received_at)}">${h(s.received_at)}</time>` : 'unknown time'})`;
  return `(${required}<strong>not in the view</strong>${s.error ? `: ${h(s.error)}` : ': no snapshot yet'})`;
}

function sum(doc: ReportDocument, key: 'ready' | 'blocked' | 'human'): number {
  return doc.repos.reduce((n, r) => n + r.counts[key], 0);
}

function filters(doc: ReportDocument): string {
  const domains = doc.domains.map((d) => `<option value="${h(d.slug)}">${h(d.name)}</option>`).join('');
  const repos = doc.repos.map((r) => `<option value="${h(r.slug)}" data-domain="${h(r.domain ?? '')}">${h(r.slug)}</option>`).join('');
  return (
    '<nav class="filters" aria-label="Filters"><form id="filters" role="search">' +
    `<label>Domain <select id="f-domain" name="domain"><option value="">All domains</option>${domains}</select></label>` +
    `<label>Repo <select id="f-repo" name="repo"><option value="">All repos</option>${repos}</select></label>` +
    '<label>Search <input id="f-q" name="q" type="search" placeholder="id, title, assignee…" autocomplete="off"></label>' +
    '<button type="button" id="f-clear">Clear</button>' +
    '<output id="f-status" aria-live="polite"></output>' +
    '</form></nav>'
  );
}

function domainsSection(doc: ReportDocument, m: Matcher): string {
  const { html } = domainCards(doc, m);
  return (
    '<section id="domains" aria-labelledby="h-domains"><h2 id="h-domains">Domains and repos <span class="count" data-count="domains">' +
    `${doc.repos.length}</span></h2><p class="note">Each repo with its DoI tier (none, core, standard, full).</p><ul class="domains" data-list="domains">${html}</ul></section>`
  );
}

function listSection(doc: ReportDocument, m: Matcher, id: ListId, title: string, note: string, level = 2): string {
  const list = section(id);
  const items = list.items(doc);
  const tag = list.ordered ? 'ol' : 'ul';
  const rows = items.length ? items.slice(0, PAGE_SIZE).map((item, i) => list.row(item, i, doc)).join('') : `<li class="empty">${list.empty}</li>`;
  const rest = Math.max(0, items.length - PAGE_SIZE);
  const capped = leftOut(list, doc, m);
  const heading = `<h${level} id="h-${id}">${title} <span class="count" data-count="${id}">${items.length}</span></h${level}>`;
  return (
    `<section id="${id}" aria-labelledby="h-${id}">${heading}${note}` +
    `<${tag} class="items" data-list="${id}">${rows}</${tag}>` +
    `<p class="more" data-more="${id}">${rest ? `${rest} more in the page's data (filter, or turn on JavaScript for "Show more").` : ''}</p>` +
    `<p class="capped" data-capped="${id}">${capped ? cappedNote(capped, doc.limit) : ''}</p></section>`
  );
}

function changesSection(doc: ReportDocument, m: Matcher): string {
  const parts = [
    listSection(doc, m, 'changes-draft', 'Draft', '', 3),
    listSection(doc, m, 'changes-published', 'Published', '<p class="note">Published and not yet resolved: every affected repo sees these in its dispatch.</p>', 3),
    listSection(doc, m, 'changes-resolved', 'Resolved', '', 3),
  ];
  if (section('changes-other').items(doc).length) parts.push(listSection(doc, m, 'changes-other', 'Other states', '', 3));
  return `<section id="changes" aria-labelledby="h-changes"><h2 id="h-changes">Interface changes <span class="count" data-count="changes">${doc.interface_changes.length}</span></h2>${parts.join('')}</section>`;
}

function graphSection(doc: ReportDocument): string {
  return (
    `<section id="graph" aria-labelledby="h-graph"><h2 id="h-graph">Dependency graph <span class="count" data-count="graph">${doc.graph.nodes.length}</span></h2>` +
    '<p class="note">The listed tasks with what they depend on, dependencies on the left. ' +
    '<span class="legend"><span class="key state-ready">ready</span> <span class="key state-pending">waiting</span> <span class="key state-done">done</span> ' +
    '<span class="key state-cancelled">cancelled</span> <span class="key state-unknown">names no task</span> <span class="key cross">crosses repos</span></span></p>' +
    '<div class="graph-box" id="graph-box"><noscript><p>The graph is drawn by the page\'s script; the lists above hold the same dependencies.</p></noscript></div></section>'
  );
}
