// The pure heart of events: given what the files said before and after a commit, which
// transitions happened; given when each in_progress task was last touched, which became stale.
// No I/O here: reading git, the outbox and NATS is the edge around it (walk.ts, outbox.ts).
import { TRANSITION_RULES, type EventName, type StateKind, type TransitionRule } from './catalogue.js';

/** One document's (or registry entry's) state as committed. */
export interface DocumentState {
  kind: StateKind;
  id: string;
  /** Normalised status; a repo entry's is `registered`. */
  status: string | null;
  /** Repo-relative file (`custodian.yaml` for a repo entry). */
  file: string;
  title: string | null;
  /** Interface changes: the slugs of the affected repos. */
  affected_repos?: string[];
  /** Tasks: the workplan they belong to. */
  workplan_id?: string | null;
  /** Repo entries: the repo's domain and remote. */
  domain?: string | null;
  remote_url?: string | null;
}

/** The states of the files a commit changed, on one side of it. */
export interface Snapshot {
  states: DocumentState[];
  /**
   * Files whose documents could not be read (broken front-matter, not text): a document found in
   * one of them on the other side has no known earlier state, so it makes no event.
   */
  unknown_files: string[];
}

export interface Transition {
  name: Exclude<EventName, 'task.stale'>;
  /** The state after the commit. */
  state: DocumentState;
  /** The status before (null: the document did not exist before). */
  old_value: string | null;
}

const RULE_BY_KIND = new Map<StateKind, TransitionRule>(TRANSITION_RULES.map((r) => [r.kind, r]));

const keyOf = (s: DocumentState) => `${s.kind}\0${s.id}`;

/**
 * The transitions between two snapshots of the same commit's files. Documents are matched by kind
 * and id, not by file, so a document moved to another file keeps its state. A document that first
 * appears already in a rule's state counts (a decision written as `accepted` was resolved by the
 * commit that added it); one that disappears makes no event. Where an id is declared twice on one
 * side, the first declaration counts.
 */
export function deriveTransitions(before: Snapshot, after: Snapshot): Transition[] {
  const old = new Map<string, DocumentState>();
  for (const s of before.states) if (!old.has(keyOf(s))) old.set(keyOf(s), s);
  const unknown = new Set(before.unknown_files);
  const seen = new Set<string>();
  const out: Transition[] = [];
  for (const state of after.states) {
    const key = keyOf(state);
    if (seen.has(key)) continue;
    seen.add(key);
    const rule = RULE_BY_KIND.get(state.kind);
    if (!rule || state.status === null || !rule.enters.includes(state.status)) continue;
    const previous = old.get(key);
    if (previous === undefined && unknown.has(state.file)) continue;
    if (previous?.status === state.status) continue;
    out.push({ name: rule.name, state, old_value: previous?.status ?? null });
  }
  return out;
}

export const STALE_AFTER_SECONDS = 14 * 86_400;

/** An in_progress task with when (and by which commit) its lines were last touched: DoI C14's facts. */
export interface TouchedFact {
  task_id: string | null;
  file: string;
  line: number;
  /** Commit time in seconds of the newest line; null when a line is not committed (touched now). */
  touched_at: number | null;
  /** The commit of the newest line (null with touched_at). */
  commit?: string | null;
  /** False when touched_at is only a lower bound (the file was created within the window). */
  exact: boolean;
}

export interface StaleTask {
  task_id: string;
  file: string;
  line: number;
  /** The commit that last touched the task: with the task id it names the stale period. */
  commit: string;
  touched_at: number;
  /** When the task became stale (touched_at + 14 days), in seconds. */
  stale_at: number;
}

/**
 * The tasks that are stale at `now` (untouched for more than 14 days, as C14 judges), leaving out
 * those that became stale before `since` (older history than the events being derived). A period
 * is named by the task and the commit that last touched it, so each period gives one event.
 */
export function staleTasks(facts: readonly TouchedFact[], now: number, since: number): StaleTask[] {
  const out: StaleTask[] = [];
  for (const f of facts) {
    if (f.task_id === null || f.touched_at === null || !f.commit || !f.exact) continue;
    const stale_at = f.touched_at + STALE_AFTER_SECONDS;
    if (stale_at >= now || stale_at < since) continue;
    out.push({ task_id: f.task_id, file: f.file, line: f.line, commit: f.commit, touched_at: f.touched_at, stale_at });
  }
  return out;
}
