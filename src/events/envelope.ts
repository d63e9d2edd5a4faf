// CloudEvents 1.0 in JSON structured mode (schemas/event.schema.json), and the event id: a hash of
// what the event says happened (type, repo, document id, new value, commit), so every clone that
// derives the same change from the same commit makes the same id, and JetStream drops repeats.
import { sha256Hex } from '../hashing.js';
import { fullType, type EventName, type StateKind } from './catalogue.js';

export interface EventData {
  repo: string;
  domain: string | null;
  /** Repo-relative file of the document (`custodian.yaml` for repo.registered). */
  file: string;
  kind: StateKind;
  id: string;
  title: string | null;
  old_value: string | null;
  new_value: string;
  /** The commit that made the change (task.stale: the commit that last touched the task). */
  commit: string;
  /** interface_change.published: the repos to notify. */
  affected_repos?: string[];
  /** task.*: the task's workplan. */
  workplan_id?: string | null;
  /** task.stale: when the task's lines were last committed (ISO 8601). */
  last_touched_at?: string;
}

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: EventData;
}

/** Where an event comes from: its repo (slug, domain) and the CloudEvents `source`. */
export interface EventRepo {
  slug: string;
  domain: string | null;
  remote_url: string | null;
}

export function eventId(name: EventName, repo: string, documentId: string, newValue: string, commit: string): string {
  return sha256Hex(JSON.stringify([fullType(name), repo, documentId, newValue, commit]));
}

/** `custodian:<slug>`, or the repo's recorded remote_url. */
export function eventSource(repo: EventRepo): string {
  return repo.remote_url ?? `custodian:${repo.slug}`;
}

export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export interface EventFacts {
  name: EventName;
  repo: EventRepo;
  kind: StateKind;
  document_id: string;
  title: string | null;
  file: string;
  old_value: string | null;
  new_value: string;
  commit: string;
  /** Seconds: the commit's committer time (task.stale: when the task became stale). */
  time: number;
  extra?: Partial<Pick<EventData, 'affected_repos' | 'workplan_id' | 'last_touched_at'>>;
}

export function cloudEvent(f: EventFacts): CloudEvent {
  return {
    specversion: '1.0',
    id: eventId(f.name, f.repo.slug, f.document_id, f.new_value, f.commit),
    source: eventSource(f.repo),
    type: fullType(f.name),
    subject: f.document_id,
    time: isoSeconds(f.time),
    datacontenttype: 'application/json',
    data: {
      repo: f.repo.slug,
      domain: f.repo.domain,
      file: f.file,
      kind: f.kind,
      id: f.document_id,
      title: f.title,
      old_value: f.old_value,
      new_value: f.new_value,
      commit: f.commit,
      ...f.extra,
    },
  };
}
