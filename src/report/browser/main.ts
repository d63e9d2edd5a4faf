// The page's script: reads the report data embedded in the page, applies the filter from the
// URL's hash, pages the long lists and draws the dependency graph. It only filters and lays out
// what the page already holds; it asks the network for nothing.
import type { ReportDocument } from '../model.js';
import { domainCards } from '../view/domains.js';
import { formatHash, Matcher, parseHash, type FilterState } from '../view/filter.js';
import { graphSvg } from '../view/graph-svg.js';
import { cappedNote, leftOut, PAGE_SIZE, SECTIONS, type ListSection } from '../view/sections.js';

/** Beyond this many boxes the graph is not drawn (it would be unreadable and slow): filter first. */
const GRAPH_MAX_NODES = 400;

const doc = JSON.parse(byId('report-data').textContent ?? '{}') as ReportDocument;
const domainSelect = byId('f-domain') as HTMLSelectElement;
const repoSelect = byId('f-repo') as HTMLSelectElement;
const search = byId('f-q') as HTMLInputElement;
const status = byId('f-status');
const shownPages = new Map<string, number>();
let state = parseHash(location.hash);

document.documentElement.classList.add('js');
syncControls();
if (isFiltered(state)) apply();
else {
  // The page as rendered is the unfiltered first page: only the graph and the buttons are missing.
  for (const list of SECTIONS) addMoreButton(list, list.items(doc).length, PAGE_SIZE);
  requestAnimationFrame(() => setTimeout(drawGraph));
}

domainSelect.addEventListener('change', () => {
  const repoDomain = repoSelect.selectedOptions[0]?.dataset.domain ?? '';
  update({ domain: domainSelect.value, repo: domainSelect.value && repoDomain !== domainSelect.value ? '' : state.repo });
});
repoSelect.addEventListener('change', () => update({ repo: repoSelect.value }));
let typing: ReturnType<typeof setTimeout> | undefined;
search.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => update({ q: search.value }), 120);
});
byId('filters').addEventListener('submit', (event) => event.preventDefault());
byId('f-clear').addEventListener('click', () => update({ domain: '', repo: '', q: '' }));
// Section links keep the filter in the URL: they scroll instead of replacing the hash.
for (const link of document.querySelectorAll<HTMLAnchorElement>('.toc a')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById(link.hash.slice(1))?.scrollIntoView();
  });
}
window.addEventListener('hashchange', () => {
  // `#ready` typed or followed from elsewhere is a place in the page, not a filter.
  if (location.hash.length > 1 && !location.hash.includes('=')) return;
  const next = parseHash(location.hash);
  if (formatHash(next) === formatHash(state)) return;
  state = next;
  syncControls();
  apply();
});

function update(change: Partial<FilterState>): void {
  state = { ...state, ...change };
  const hash = formatHash(state);
  history.replaceState(null, '', hash || location.pathname + location.search);
  syncControls();
  apply();
}

function syncControls(): void {
  domainSelect.value = state.domain;
  for (const option of repoSelect.options) option.hidden = option.value !== '' && state.domain !== '' && option.dataset.domain !== state.domain;
  repoSelect.value = state.repo;
  if (search.value !== state.q) search.value = state.q;
}

function apply(): void {
  const m = new Matcher(doc, state);
  const cards = domainCards(doc, m);
  byId('domains').querySelector('[data-list="domains"]')!.innerHTML = cards.html;
  setCount('domains', cards.repos, doc.repos.length);
  let shown = 0;
  let total = 0;
  for (const list of SECTIONS) {
    const items = list.items(doc);
    const kept = items.map((item, i) => ({ item, i })).filter(({ item }) => list.keep(m, item));
    shown += kept.length;
    total += items.length;
    shownPages.set(list.id, 1);
    renderList(list, kept, m);
  }
  const changes = doc.interface_changes.filter((c) => m.change(c)).length;
  setCount('changes', changes, doc.interface_changes.length);
  status.textContent = m.active ? `Showing ${shown} of ${total} items` : '';
  drawGraph();
}

function renderList(list: ListSection, kept: { item: unknown; i: number }[], m: Matcher): void {
  const el = document.querySelector(`[data-list="${list.id}"]`);
  if (!el) return;
  const pages = shownPages.get(list.id) ?? 1;
  const rows = kept.slice(0, pages * PAGE_SIZE).map(({ item, i }) => list.row(item, i, doc));
  el.innerHTML = rows.length ? rows.join('') : `<li class="empty">${m.active ? 'Nothing matches the filter.' : list.empty}</li>`;
  setCount(list.id, kept.length, list.items(doc).length);
  const capped = document.querySelector(`[data-capped="${list.id}"]`);
  if (capped) {
    const n = leftOut(list, doc, m);
    capped.innerHTML = n ? cappedNote(n, doc.limit) : '';
  }
  const more = document.querySelector(`[data-more="${list.id}"]`);
  if (more) more.textContent = '';
  addMoreButton(list, kept.length, pages * PAGE_SIZE, () => {
    shownPages.set(list.id, pages + 1);
    renderList(list, kept, m);
  });
}

function addMoreButton(list: ListSection, count: number, shown: number, more?: () => void): void {
  const box = document.querySelector(`[data-more="${list.id}"]`);
  if (!box) return;
  box.textContent = '';
  if (count <= shown) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'more-button';
  button.textContent = `Show ${Math.min(PAGE_SIZE, count - shown)} more (${count - shown} not shown)`;
  button.addEventListener(
    'click',
    more ??
      (() => {
        shownPages.set(list.id, 2);
        renderList(list, list.items(doc).map((item, i) => ({ item, i })), new Matcher(doc, state));
      }),
  );
  box.append(button);
}

function drawGraph(): void {
  const box = byId('graph-box');
  const m = new Matcher(doc, state);
  const graph = m.graph(doc.graph);
  setCount('graph', graph.nodes.length, doc.graph.nodes.length);
  if (graph.nodes.length === 0) box.innerHTML = `<p>${doc.graph.nodes.length ? 'No dependency among the tasks in view.' : 'No listed task depends on another.'}</p>`;
  else if (graph.nodes.length > GRAPH_MAX_NODES)
    box.innerHTML = `<p>${graph.nodes.length} tasks are too many to draw: choose a domain or a repo, or search, to draw at most ${GRAPH_MAX_NODES}.</p>`;
  else box.innerHTML = graphSvg(graph, `Dependency graph of ${graph.nodes.length} tasks`);
}

function setCount(id: string, shown: number, total: number): void {
  const el = document.querySelector(`[data-count="${id}"]`);
  if (el) el.textContent = shown === total ? String(total) : `${shown} of ${total}`;
}

function isFiltered(s: FilterState): boolean {
  return s.domain !== '' || s.repo !== '' || s.q !== '';
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page lacks #${id}`);
  return el;
}
