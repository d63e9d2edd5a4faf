// Output limits, so a repo with a thousand pending tasks does not print megabytes by default:
// at most `limit` pending tasks per workstream, ready ids and human interventions (0: no limit).
// Every list keeps its full count (`…total`, set by buildDispatch); a trimmed list also says so
// (`truncated` / `…_truncated: true`), so the markers hold whenever a list is shorter than its total.
import type { DispatchDocument, DispatchWorkstream } from './assemble.js';

export const DEFAULT_LIMIT = 50;

export function limitDispatch(doc: DispatchDocument, limit: number): DispatchDocument {
  if (limit <= 0) return doc;
  const ready = doc.ready_tasks.slice(0, limit);
  const human = doc.human_interventions.slice(0, limit);
  // Rebuilt in DESIGN's key order, each list followed by its total and, when cut, its marker.
  return {
    schema_version: doc.schema_version,
    kind: doc.kind,
    repo_slug: doc.repo_slug,
    active_goal: doc.active_goal,
    active_workstreams: doc.active_workstreams.map((ws) => limitWorkstream(ws, limit)),
    ready_tasks: ready,
    ready_tasks_total: doc.ready_tasks_total,
    ...(ready.length < doc.ready_tasks_total ? { ready_tasks_truncated: true as const } : {}),
    human_interventions: human,
    human_interventions_total: doc.human_interventions_total,
    ...(human.length < doc.human_interventions_total ? { human_interventions_truncated: true as const } : {}),
    pending_interface_changes: doc.pending_interface_changes,
    last_state_synced_at: doc.last_state_synced_at,
  };
}

function limitWorkstream(ws: DispatchWorkstream, limit: number): DispatchWorkstream {
  if (ws.pending_tasks.length <= limit) return ws;
  // The marker after pending_total (the spread keeps the keys' order).
  return { ...ws, pending_tasks: ws.pending_tasks.slice(0, limit), truncated: true };
}
