// The fields of an interface change, read from its front matter: the one list of them that
// `interface-change list|show`, the snapshot, dispatch's pending changes and the report derive
// from, and the one reading of them (a value of the wrong type reads as null or an empty list;
// the check rules report it). The key order here is the order every JSON document prints them in.
import { writtenText, writtenTexts } from './written-text.js';

type Fields = Record<string, unknown>;

export interface InterfaceChangeFields {
  change_type: string | null;
  interface_type: string | null;
  /** The repo whose interface changes: `repo:` as written, else the repo holding the file. */
  origin_repo: string;
  affected_repos: string[];
  affected_paths: string[];
  planned_for: string | null;
  published_at: string | null;
  resolved_at: string | null;
}

/** The fields of an interface change in `repo` whose front matter is `fields`. */
export function interfaceChangeFields(fields: Fields, repo: string): InterfaceChangeFields {
  return {
    change_type: writtenText(fields.change_type),
    interface_type: writtenText(fields.interface_type),
    origin_repo: writtenText(fields.repo) ?? repo,
    affected_repos: writtenTexts(fields.affected_repos),
    affected_paths: writtenTexts(fields.affected_paths),
    planned_for: writtenText(fields.planned_for),
    published_at: writtenText(fields.published_at),
    resolved_at: writtenText(fields.resolved_at),
  };
}

/** Front matter that `interfaceChangeFields` reads back as `values` (a snapshot's change, for dispatch). */
export function interfaceChangeFrontMatter(values: InterfaceChangeFields): Fields {
  return {
    change_type: values.change_type,
    interface_type: values.interface_type,
    repo: values.origin_repo,
    affected_repos: values.affected_repos,
    affected_paths: values.affected_paths,
    planned_for: values.planned_for,
    published_at: values.published_at,
    resolved_at: values.resolved_at,
  };
}
