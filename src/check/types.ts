// The shapes the rule engine shares: rule metadata, the contexts rules read, and what they
// report. Rules are data plus one function; nothing here touches the file system.
import type { Diagnostic, ParsedDocument, ParseResult, Related, Severity, Task, TextEdit } from '../documents/model.js';
import type * as EditEngine from '../edit/index.js';
import type { LineIndex } from '../documents/text.js';
import type { WorkspaceMode } from '../workspace/types.js';
import type { DocumentEntry, TaskEntry, WorkspaceView } from './view.js';

export type RuleScope = 'file' | 'workspace';

export interface RuleMeta {
  /** `group/name`, equal to the module's path under src/check/rules/. */
  id: string;
  severity: Severity;
  /** One line, shown by `custodian rules` and as SARIF's shortDescription. */
  description: string;
  /** A paragraph for docs/rules.md: what the rule checks, where it reports, what it does not. */
  docs: string;
  fixable: boolean;
  scope: RuleScope;
  /** True for the parser-level rules: the parser reports them, the module only documents them. */
  parser?: boolean;
  /** True for rules that consult the registry (skipped without one, and in single-repo mode). */
  registry?: boolean;
  /**
   * Named messages (ESLint's meta.messages): a finding names one by id and fills its
   * `{{placeholders}}` from its data. Parser rules have none: the parser words its own.
   */
  messages: Readonly<Record<string, string>>;
}

/** Values filling a message's `{{placeholders}}`. */
export type MessageData = Readonly<Record<string, string | number>>;

/** The edit engine's pure functions (src/edit), handed to a fix when it is turned into data. */
export type Fixer = typeof EditEngine;

/**
 * Builds the edits that fix a finding from the edit engine (loaded only when a fixable finding
 * is reported). The engine calls it once, at report time, and keeps only the data it returns.
 */
export type FixFunction = (fixer: Fixer) => TextEdit[];

/** A place in the file a rule is looking at, as the engine reports it. */
export interface Place {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

export interface Finding<M extends string = string> {
  at: Place;
  /** Which of the rule's messages, and what fills it. */
  messageId: M;
  data?: MessageData;
  /** The offending id or value: names the problem independently of its line (SARIF fingerprints). */
  subject: string;
  fix?: FixFunction;
  related?: Related[];
}

/** What the registry says, for the rules that consult it. */
export interface RegistryFacts {
  mode: WorkspaceMode;
  domains: ReadonlySet<string>;
  repos: ReadonlySet<string>;
}

export interface FileRuleContext<M extends string = string> {
  /** Slug of the repo the file lives in (null in `custodian parse`, which knows no workspace). */
  repo: string | null;
  /** Repo-relative path (the path as given in `parse`). */
  file: string;
  /** BOM-less text of the file; every offset and fix refers to it. */
  text: string;
  lines: LineIndex;
  result: ParseResult;
  /** Null when no registry is loaded (`parse`); registry rules then skip. */
  registry: RegistryFacts | null;
  /** Today's date in UTC, `YYYY-MM-DD` (what a fix writes into `completed:`). */
  today: string;
  /** Task files elsewhere that name this workplan with `workplan:` (none in `parse`). */
  tasksNamingWorkplan(workplanId: string): readonly TaskEntry[];
  report(finding: Finding<M>): void;
}

export interface FileRule {
  meta: RuleMeta & { scope: 'file' };
  check?: (ctx: FileRuleContext) => void;
}

/** A finding of a cross-file rule, about a task or document of a file in the report's scope. */
export interface WorkspaceFinding<M extends string = string> {
  /** Where: the entry of the task or document the finding is about, and the YAML path inside it. */
  target: TaskTarget | DocumentTarget;
  messageId: M;
  data?: MessageData;
  subject: string;
  related?: Related[];
}

export interface TaskTarget {
  task: Task;
  document: ParsedDocument;
  file: ScopeFile;
  path: (string | number)[];
}

export interface DocumentTarget {
  task?: undefined;
  document: ParsedDocument;
  file: ScopeFile;
  path: (string | number)[];
}

/** A file whose diagnostics the report wants, with its parse result and text. */
export interface ScopeFile {
  repo: string;
  file: string;
  text: string;
  lines: LineIndex;
  result: ParseResult;
  /** sha256 of the bytes read (what a fix checks before writing). */
  hash: string;
}

export interface WorkspaceRuleContext<M extends string = string> {
  mode: WorkspaceMode;
  view: WorkspaceView;
  /** Tasks and documents of the files in scope (their diagnostics are wanted). */
  scopeTasks: readonly TaskEntry[];
  scopeDocuments: readonly DocumentEntry[];
  report(finding: WorkspaceFinding<M>): void;
}

export interface WorkspaceRule {
  meta: RuleMeta & { scope: 'workspace' };
  check: (ctx: WorkspaceRuleContext) => void;
}

export type Rule = FileRule | WorkspaceRule;

/** A diagnostic as `check` reports it: always in a repo, with whether `--fix` can fix it. */
export interface CheckDiagnostic extends Diagnostic {
  repo: string;
  /** True when `fix` holds the edits that fix it (and the file parses without errors). */
  fixable: boolean;
  /** See Finding.subject; not printed in JSON. */
  subject: string;
}
