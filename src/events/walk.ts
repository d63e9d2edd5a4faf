// Deriving one source's events over a range of commits: read the commits (one git log), the
// blobs before and after each change (one cat-file), parse them, and hand each commit's two
// snapshots to the pure derivation.
import { parseFile } from '../documents/parse.js';
import { MAX_FILE_BYTES } from '../documents/text.js';
import { deriveTransitions, type DocumentState, type Transition } from './derive.js';
import { cloudEvent, type CloudEvent, type EventRepo } from './envelope.js';
import { readBlobs, readHistory, type HistoryCommit, type HistoryRange } from './git-history.js';
import { fileStates, registryStates, snapshot } from './states.js';

/** Something whose commits make events: a registered repo, or the workspace's own registry. */
export interface EventSource {
  /** The cursor's key in the outbox: a repo slug, or WORKSPACE_KEY (heads.ts). */
  key: string;
  /** Where git runs; pathspecs and reported paths are relative to it. */
  cwd: string;
  pathspecs: string[];
  /** The files whose states count (the repo's include globs; the registry file). */
  matches(path: string): boolean;
  /** The repo its documents belong to; null for the registry (each repo entry is its own). */
  repo: EventRepo | null;
}

export interface RangeEvents {
  events: CloudEvent[];
  /** Commits reachable only from the last derived commit (history rewritten since). */
  abandoned: string[];
}

/** The events of a range; null when the range's start is no longer in the repository. */
export async function deriveRange(source: EventSource, range: HistoryRange): Promise<RangeEvents | null> {
  const commits = await readHistory(source.cwd, range, source.pathspecs);
  if (commits === null) return null;
  const fresh = commits.filter((c) => c.side === 'new');
  for (const c of fresh) c.changes = c.changes.filter((change) => source.matches(change.path));
  const states = await readStates(source, fresh);
  const events: CloudEvent[] = [];
  for (const c of fresh) {
    const side = (which: 'before' | 'after') =>
      snapshot(c.changes.map((change) => ({ file: change.path, ...(states.get(stateKey(change[which], change.path)) ?? NOTHING) })));
    for (const t of deriveTransitions(side('before'), side('after'))) events.push(eventOf(source, t, c));
  }
  return { events, abandoned: commits.filter((c) => c.side === 'abandoned').map((c) => c.commit) };
}

const NOTHING = { states: [] as DocumentState[], unknown: false };

const stateKey = (blob: string | null, path: string) => `${blob}\0${path}`;

/** Every (blob, path) the commits need, parsed once. */
async function readStates(source: EventSource, commits: HistoryCommit[]): Promise<Map<string, { states: DocumentState[]; unknown: boolean }>> {
  const wanted = new Map<string, { blob: string; path: string }>();
  for (const c of commits) {
    for (const change of c.changes) {
      for (const blob of [change.before, change.after]) if (blob !== null) wanted.set(stateKey(blob, change.path), { blob, path: change.path });
    }
  }
  const bytes = await readBlobs(source.cwd, [...new Set([...wanted.values()].map((w) => w.blob))], MAX_FILE_BYTES);
  const out = new Map<string, { states: DocumentState[]; unknown: boolean }>();
  for (const [key, { blob, path }] of wanted) {
    const content = bytes.get(blob) ?? null;
    const text = source.repo === null && content !== null ? decode(content) : null;
    if (content === null || (source.repo === null && text === null)) out.set(key, { states: [], unknown: true });
    else out.set(key, text !== null ? registryStates(text) : fileStates(path, await parseFile(path, content)));
  }
  return out;
}

function decode(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function eventOf(source: EventSource, t: Transition, c: HistoryCommit): CloudEvent {
  const { state } = t;
  const repo: EventRepo = source.repo ?? { slug: state.id, domain: state.domain ?? null, remote_url: state.remote_url ?? null };
  const extra =
    state.kind === 'interface-change' ? { affected_repos: state.affected_repos ?? [] } : state.kind === 'task' ? { workplan_id: state.workplan_id ?? null } : undefined;
  return cloudEvent({
    name: t.name,
    repo,
    kind: state.kind,
    document_id: state.id,
    title: state.title,
    file: state.file,
    old_value: t.old_value,
    new_value: state.status!,
    commit: c.commit,
    time: c.time,
    extra,
  });
}
