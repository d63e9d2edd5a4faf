// What the filters keep: a domain, a repo and a text, read from and written to the URL's hash
// (`#domain=payments&repo=ledger-api&q=retry`), so a filtered view can be bookmarked and shared.
// Pure, so the browser script and the tests use the same rules.
import type { ReportDocument, ReportGoal, ReportGraph, ReportInterfaceChange, ReportRepo, ReportTask, ReportWorkstream } from '../model.js';

export interface FilterState {
  domain: string;
  repo: string;
  q: string;
}

export const NO_FILTER: FilterState = { domain: '', repo: '', q: '' };

export function parseHash(hash: string): FilterState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { domain: params.get('domain') ?? '', repo: params.get('repo') ?? '', q: params.get('q') ?? '' };
}

export function formatHash(state: FilterState): string {
  const params = new URLSearchParams();
  if (state.domain) params.set('domain', state.domain);
  if (state.repo) params.set('repo', state.repo);
  if (state.q) params.set('q', state.q);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The filter as predicates over a report's items. */
export class Matcher {
  /** The repos in view, or null for every repo. */
  private readonly repos: ReadonlySet<string> | null;
  private readonly domainOf: ReadonlyMap<string, string | null>;
  private readonly words: string[];

  constructor(
    doc: Pick<ReportDocument, 'repos'>,
    readonly state: FilterState,
  ) {
    this.domainOf = new Map(doc.repos.map((r) => [r.slug, r.domain]));
    if (state.repo) this.repos = new Set(state.domain && this.domainOf.get(state.repo) !== state.domain ? [] : [state.repo]);
    else if (state.domain) this.repos = new Set(doc.repos.filter((r) => r.domain === state.domain).map((r) => r.slug));
    else this.repos = null;
    this.words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
  }

  get active(): boolean {
    return this.repos !== null || this.words.length > 0;
  }

  inRepo(slug: string | null): boolean {
    return this.repos === null || (slug !== null && this.repos.has(slug));
  }

  /** Every word of the search appears in one of the texts (case-insensitive). */
  text(...texts: (string | null | undefined)[]): boolean {
    if (this.words.length === 0) return true;
    const hay = texts.filter((t): t is string => typeof t === 'string').join('\n').toLowerCase();
    return this.words.every((w) => hay.includes(w));
  }

  task(t: ReportTask): boolean {
    return this.inRepo(t.repo_slug) && this.text(t.id, t.title, t.repo_slug, t.workstream, t.assignee, t.status, t.priority, ...t.blocked_by.map((b) => b.id));
  }

  workstream(w: ReportWorkstream): boolean {
    return this.inRepo(w.repo_slug) && this.text(w.id, w.title, w.repo_slug);
  }

  goal(g: ReportGoal): boolean {
    if (!this.text(g.id, g.title, g.target, g.repo_slug)) return false;
    if (this.repos === null) return true;
    if (g.scope === 'repo') return this.inRepo(g.target);
    // A domain's goal applies to every repo of the domain.
    return [...this.repos].some((slug) => this.domainOf.get(slug) === g.target) || (this.state.domain === g.target && !this.state.repo);
  }

  change(c: ReportInterfaceChange): boolean {
    return (this.inRepo(c.origin_repo) || c.affected_repos.some((r) => this.inRepo(r))) && this.text(c.id, c.title, c.origin_repo, c.change_type, c.interface_type, ...c.affected_repos);
  }

  repo(r: ReportRepo): boolean {
    return this.inRepo(r.slug) && this.text(r.slug, r.name, r.description, r.domain, r.tier);
  }

  /**
   * The nodes in view: those of the repos in view matching the search, plus their direct
   * neighbours either way (a dependency in another repo, one naming no task, a dependent
   * elsewhere), so a match keeps its context.
   */
  graph(graph: ReportGraph): ReportGraph {
    const matched = new Set(graph.nodes.filter((n) => n.repo_slug !== null && this.inRepo(n.repo_slug) && this.text(n.id, n.title)).map((n) => n.key));
    const keep = new Set(matched);
    for (const edge of graph.edges) {
      if (matched.has(edge.to)) keep.add(edge.from);
      if (matched.has(edge.from)) keep.add(edge.to);
    }
    return { nodes: graph.nodes.filter((n) => keep.has(n.key)), edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) };
  }
}
