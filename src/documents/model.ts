// The one model every planning document is parsed into. Pure data: no I/O, no classes.
// Lines and columns count from 1; a column counts UTF-16 code units; a BOM shifts nothing.

export type Severity = 'error' | 'warning' | 'info';

export type DocumentKind = 'workplan' | 'task' | 'goal' | 'interface-change' | 'decision';

export type TaskStatus = 'todo' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
export type WorkplanStatus = 'draft' | 'active' | 'blocked' | 'completed' | 'cancelled';
export type Priority = 'critical' | 'high' | 'medium' | 'low';

/** A replacement of the text between two offsets of the BOM-less file text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Related {
  repo?: string;
  file: string;
  line: number;
  column: number;
  message?: string;
}

/**
 * The rules the parser itself reports (their modules under src/check/rules document them), with
 * their severities: every other rule id belongs to a check rule module.
 */
export const PARSER_RULES = {
  'file/unreadable': 'error',
  'file/scan-failed': 'error',
  'frontmatter/missing': 'warning',
  'frontmatter/unterminated': 'error',
  'frontmatter/parse': 'error',
  'task/parse': 'error',
  'task/unterminated-fence': 'error',
  'task/missing-id': 'error',
} as const satisfies Record<string, Severity>;

export type ParserRuleId = keyof typeof PARSER_RULES;

export interface Diagnostic {
  rule_id: string;
  severity: Severity;
  message: string;
  /** Path as given to the parser (repo-relative inside a workspace). */
  file: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  repo?: string;
  related?: Related[];
  /** Edits that fix the problem, offsets into the BOM-less text of `file`. */
  fix?: TextEdit[];
}

/** Where a region of the file sits: offsets into the BOM-less text plus 1-based lines. */
export interface Region {
  start: number;
  end: number;
  line: number;
  end_line: number;
}

export interface AcceptanceCriterion {
  text: string;
  checked: boolean;
  line: number;
}

/**
 * Where a task is declared, with what an editor needs to change it in place:
 * - `block`: a fenced ```task block; `yaml` is the YAML inside it with container prefixes removed.
 * - `list`: an item of the front-matter `tasks:` list; `index` is its position in the list.
 * - `file`: a one-task-per-file front-matter.
 */
export type TaskSource =
  | { kind: 'block'; fence: Region; content: Region; yaml: string; content_offsets: number[] }
  | { kind: 'list'; index: number; item: Region }
  | { kind: 'file'; frontmatter: Region };

export interface Task {
  /** Qualified id (`CUST-WP-0005-T01`); null when the task declares none. */
  id: string | null;
  /** The id as written when it is a short `T01` id, else null. */
  local_id: string | null;
  title: string;
  /** Normalised status; null when the value is outside the vocabulary (such a task is never ready). */
  status: TaskStatus | null;
  /** The status exactly as written (null when absent, status then defaults to todo). */
  status_raw: string | null;
  priority: Priority;
  priority_raw: string | null;
  /** Dependencies as written. */
  depends_on: string[];
  needs_human: boolean;
  /** Who holds the task (an agent's or a person's name); null when nobody does. */
  assignee: string | null;
  /** The workplan this task belongs to (the containing workplan, or a task file's `workplan:`). */
  workplan_id: string | null;
  /** First and last line of the declaration (fence block, list item, task-file front-matter). */
  line: number;
  column: number;
  end_line: number;
  /** Markdown description (body between the block and the next heading of the same or higher level). */
  description: string;
  /** Line range of the description in the file, when there is one. */
  description_lines: [number, number] | null;
  acceptance_criteria: AcceptanceCriterion[];
  /** Every key as written, unknown ones included. */
  fields: Record<string, unknown>;
  source: TaskSource;
  /** The same task declared a second time in the same workplan (front-matter list and body block). */
  mirror?: TaskMirror;
}

/** The other declaration of a task declared in both forms; rules compare the two. */
export interface TaskMirror {
  source: TaskSource;
  line: number;
  title: string | null;
  status: TaskStatus | null;
  status_raw: string | null;
  fields: Record<string, unknown>;
}

export interface Heading {
  level: number;
  text: string;
  line: number;
  column: number;
  /** Offset of the heading's first character in the BOM-less text. */
  offset: number;
}

export interface ParsedDocument {
  kind: DocumentKind;
  id: string | null;
  title: string | null;
  /** Normalised status for the document's kind (null for an unknown value or none). */
  status: string | null;
  status_raw: string | null;
  line: number;
  column: number;
  /** Front-matter as plain data; empty when it is missing or failed to parse. */
  fields: Record<string, unknown>;
  /** False when the front-matter failed to parse: its tasks are kept for their ids but never ready. */
  valid: boolean;
  /**
   * What the document says about itself, for search and `show`: a workplan's introduction (the
   * body before its first task or second-level heading), the whole body of a goal, interface
   * change or decision; a task file's is its task's description.
   */
  description: string;
  frontmatter: Region | null;
  tasks: Task[];
  headings: Heading[];
}

export interface ParseResult {
  file: string;
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  /** True when the CommonMark scanner declared the file beyond it and remark did the block scan. */
  used_fallback: boolean;
  /** True when the result rests on a time limit (remark ran out of time): never cache it. */
  transient?: boolean;
}
