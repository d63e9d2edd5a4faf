// The index schema. Rows are keyed by where they come from (repo, file, position), never by a
// document's id alone, so two files claiming one id are both kept and both reportable.
// Bump SCHEMA_VERSION with any change: an index of another version is rebuilt from the files.

export const SCHEMA_VERSION = 10;
export const APPLICATION_ID = 0x43555354; // "CUST": tells our index from a foreign SQLite file

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE repos (
  slug TEXT PRIMARY KEY,
  checkout TEXT NOT NULL,
  config_hash TEXT NOT NULL,
  git_index_stamp TEXT,
  dir_stamps TEXT NOT NULL DEFAULT '{}',
  generation INTEGER NOT NULL DEFAULT 0,
  synced_at TEXT,
  -- The repo's files rows in brief, rewritten with them (src/index/sync-apply.ts): every path,
  -- NUL-separated, and every stamp as numbers in the same order (a racy row's marked; packStamps
  -- in src/index/stamps.ts). The no-op check compares stats against these two and reads only the
  -- racy files' rows.
  file_paths TEXT NOT NULL DEFAULT '',
  file_stamps BLOB NOT NULL DEFAULT x''
) WITHOUT ROWID;

CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  repo TEXT NOT NULL,
  path TEXT NOT NULL,
  stamp TEXT NOT NULL,
  hash TEXT,
  racy INTEGER NOT NULL DEFAULT 0,
  used_fallback INTEGER NOT NULL DEFAULT 0,
  UNIQUE (repo, path)
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  repo TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  doc_id TEXT,
  title TEXT,
  status TEXT,
  status_raw TEXT,
  valid INTEGER NOT NULL,
  line INTEGER NOT NULL,
  domain TEXT,
  repo_field TEXT,
  created TEXT,
  updated TEXT,
  completed TEXT,
  priority INTEGER,
  description TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL
);
CREATE INDEX documents_file ON documents (file_id);
CREATE INDEX documents_kind ON documents (kind, repo);
-- (doc_id, kind): lookups by id name both, and without it the planner prefers the kind index.
CREATE INDEX documents_doc_id ON documents (doc_id, kind);
-- next joins each candidate task to its workplan by row id and sorts the bucket by the workplan's
-- status and dates: this index holds every workplan column it reads, so the join reads a few dense
-- pages instead of a table page per workplan (src/index/queries/dispatch-next.ts names it, since the
-- planner prefers the row id; a cold first bucket of 2,400 tasks: 28-36 ms -> 13-17).
CREATE INDEX documents_workplan_head ON documents (id, status, valid, created, doc_id, repo, path, title) WHERE kind = 'workplan';

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  file_id INTEGER NOT NULL,
  repo TEXT NOT NULL,
  path TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  task_id TEXT,
  local_id TEXT,
  workplan_id TEXT,
  title TEXT NOT NULL,
  status TEXT,
  status_raw TEXT,
  priority TEXT NOT NULL,
  priority_raw TEXT,
  needs_human INTEGER NOT NULL,
  assignee TEXT,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  source TEXT NOT NULL,
  description TEXT NOT NULL,
  description_start INTEGER,
  description_end INTEGER,
  acceptance TEXT NOT NULL,
  fields TEXT NOT NULL,
  doc_valid INTEGER NOT NULL
);
CREATE INDEX tasks_file ON tasks (file_id);
CREATE INDEX tasks_task_id ON tasks (task_id);
-- Task files naming a workplan (workplan: …), a small share of all tasks.
CREATE INDEX tasks_file_workplan ON tasks (workplan_id) WHERE source = 'file';
CREATE INDEX tasks_repo ON tasks (repo, status);
-- next walks ready candidates bucket by bucket (status, then priority) instead of scanning every task;
-- with the assignee, next --as NAME finds NAME's in_progress tasks without reading every other one's row.
-- The other columns are every column the walk reads (QUEUE_TASK_COLUMNS, src/index/queries/dispatch.ts):
-- the walk reads the index alone, a few dense pages, instead of one table page per task of the bucket
-- (a cold first bucket of 2,400 tasks: 12 ms instead of 76).
CREATE INDEX tasks_status_priority ON tasks (status, priority, assignee, doc_valid, needs_human, task_id, workplan_id, source, repo, path, ordinal, line, document_id, title);

-- Search over titles and descriptions (custodian search). Contentless: the text stays in the
-- documents and tasks tables. A document's row is its documents.id, a task's TASK_KEY_BASE + tasks.id
-- (src/index/search-table.ts); task files are searched through their task row only.
CREATE VIRTUAL TABLE search USING fts5 (title, body, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TABLE task_deps (
  task_row INTEGER NOT NULL,
  position INTEGER NOT NULL,
  file_id INTEGER NOT NULL,
  depends_on TEXT NOT NULL,
  PRIMARY KEY (task_row, position)
) WITHOUT ROWID;
CREATE INDEX task_deps_file ON task_deps (file_id);
CREATE INDEX task_deps_target ON task_deps (depends_on);

CREATE TABLE interface_change_repos (
  document_id INTEGER NOT NULL,
  file_id INTEGER NOT NULL,
  repo_slug TEXT NOT NULL
);
CREATE INDEX interface_change_repos_file ON interface_change_repos (file_id);
CREATE INDEX interface_change_repos_slug ON interface_change_repos (repo_slug);

CREATE TABLE diagnostics (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  repo TEXT NOT NULL,
  path TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL
);
CREATE INDEX diagnostics_file ON diagnostics (file_id);

-- Views by kind, so queries read like the design: workplans, goals, interface changes, decisions.
CREATE VIEW workplans AS SELECT * FROM documents WHERE kind = 'workplan';
CREATE VIEW goals AS SELECT * FROM documents WHERE kind = 'goal';
CREATE VIEW interface_changes AS SELECT * FROM documents WHERE kind = 'interface-change';
CREATE VIEW decisions AS SELECT * FROM documents WHERE kind = 'decision';

-- Results cached by a fingerprint of their inputs (DoI); never state the files do not imply.
CREATE TABLE cache (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
`;

/** Tables holding rows derived from one file, cleared by file id when the file changes. */
export const PER_FILE_TABLES = ['documents', 'tasks', 'task_deps', 'interface_change_repos', 'diagnostics'] as const;
