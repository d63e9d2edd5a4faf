// The composed view, rebuilt only when the store's generation moves (a write by this process or by
// another replica), and the serialised answers computed from it, kept until the next rebuild. A
// burst of requests after a change waits for one composition, not one each.
import { composeFederation } from '../api/federation/compose.js';
import type { FederatedView, FederationSource, SourceSnapshot } from '../api/federation/types.js';
import { checkSnapshot } from '../snapshot/validate.js';
import type { HubStore } from './store/types.js';

/** Answers kept per view; past this many distinct requests the oldest go first. */
const MAX_ANSWERS = 1000;

export class ViewCache {
  private current: { generation: number; view: FederatedView; answers: Map<string, Buffer> } | null = null;
  private pending: Promise<{ generation: number; view: FederatedView; answers: Map<string, Buffer> }> | null = null;

  constructor(private readonly store: HubStore) {}

  async view(): Promise<FederatedView> {
    return (await this.state()).view;
  }

  /**
   * A JSON answer computed from the current view, cached under `key` until the view changes — as
   * encoded bytes, so a large answer (the federated view is megabytes) is not re-encoded per request.
   */
  async answer(key: string, compute: (view: FederatedView) => unknown): Promise<Buffer> {
    return this.text(`json:${key}`, (view) => JSON.stringify(compute(view)));
  }

  /** A text answer (a page) computed from the current view, cached under `key` until the view changes. */
  async text(key: string, compute: (view: FederatedView) => string): Promise<Buffer> {
    const state = await this.state();
    let text = state.answers.get(key);
    if (text === undefined) {
      text = Buffer.from(compute(state.view), 'utf8');
      if (state.answers.size >= MAX_ANSWERS) state.answers.delete(state.answers.keys().next().value!);
      state.answers.set(key, text);
    }
    return text;
  }

  private async state() {
    // One generation check at a time; requests arriving meanwhile share its outcome.
    if (this.pending) return this.pending;
    this.pending = this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh() {
    const generation = await this.store.generation();
    if (this.current && this.current.generation === generation) return this.current;
    this.current = { generation, view: await compose(this.store), answers: new Map() };
    return this.current;
  }
}

async function compose(store: HubStore): Promise<FederatedView> {
  const [records, stored] = await Promise.all([store.listSources(), store.includedSnapshots()]);
  const snapshots: SourceSnapshot[] = [];
  const broken = new Map<string, string>();
  for (const entry of stored) {
    // Stored snapshots were validated on the way in; a row edited behind the hub's back is left out, not trusted.
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.text);
    } catch {
      broken.set(entry.name, 'the stored snapshot is not JSON');
      continue;
    }
    const check = checkSnapshot(parsed);
    if (check.ok) snapshots.push({ source: entry.name, snapshot: check.snapshot, received_at: entry.received_at });
    else broken.set(entry.name, `stored snapshot rejected: ${check.error}`);
  }
  const included = new Set(snapshots.map((s) => s.source));
  const sources: FederationSource[] = records.map((r) => ({
    name: r.name,
    enabled: r.enabled,
    required: r.required,
    included: included.has(r.name),
    received_at: included.has(r.name) ? r.received_at : null,
    last_error: broken.get(r.name) ?? r.last_error,
  }));
  return composeFederation(sources, snapshots);
}
