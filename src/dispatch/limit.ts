// Output limits, so a repo with a thousand pending tasks does not print megabytes by default:
// at most `limit` pending tasks per workstream, ready ids and human interventions (0: no limit).
// A trimmed list says so, with the number it was trimmed from.
import type { DispatchDocument } from './assemble.js';

export const DEFAULT_LIMIT = 50;

export function limitDispatch(doc: DispatchDocument, limit: number): DispatchDocument {
  if (limit <= 0) return doc;
  const out: DispatchDocument = {
    ...doc,
    active_workstreams: doc.active_workstreams.map((ws) =>
      ws.pending_tasks.length > limit ? { ...ws, pending_tasks: ws.pending_tasks.slice(0, limit), truncated: true, pending_total: ws.pending_tasks.length } : ws,
    ),
    ready_tasks: doc.ready_tasks.slice(0, limit),
    human_interventions: doc.human_interventions.slice(0, limit),
  };
  // Rebuilt in DESIGN's key order, the truncation markers beside the list they describe.
  return {
    schema_version: out.schema_version,
    kind: out.kind,
    repo_slug: out.repo_slug,
    active_goal: out.active_goal,
    active_workstreams: out.active_workstreams,
    ready_tasks: out.ready_tasks,
    ...(doc.ready_tasks.length > limit ? { ready_tasks_truncated: true as const, ready_tasks_total: doc.ready_tasks.length } : {}),
    human_interventions: out.human_interventions,
    ...(doc.human_interventions.length > limit
      ? { human_interventions_truncated: true as const, human_interventions_total: doc.human_interventions.length }
      : {}),
    pending_interface_changes: out.pending_interface_changes,
    last_state_synced_at: out.last_state_synced_at,
  };
}
