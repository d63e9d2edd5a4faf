// The key order of a dispatch document whose ready list was cut and whose human list was not:
// each list, then its total, then (when cut) its marker; DESIGN's order otherwise. Asserted both
// on the assembled document and on the CLI's JSON.
export const CUT_READY_LIST_KEYS = [
  'schema_version',
  'kind',
  'repo_slug',
  'active_goal',
  'active_workstreams',
  'ready_tasks',
  'ready_tasks_total',
  'ready_tasks_truncated',
  'human_interventions',
  'human_interventions_total',
  'pending_interface_changes',
  'last_state_synced_at',
];
