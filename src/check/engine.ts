// The rule engine: parser diagnostics, per-file rules over the files in scope, cross-file rules
// over the workspace view; then severities from the registry, inline suppressions, fixes turned
// into data, and one deterministic order. No I/O: the caller reads the files and builds the view.
import type { Related, Severity, TextEdit } from '../documents/model.js';
import { CustodianError } from '../errors.js';
import type { RuleSetting, WorkspaceMode } from '../workspace/types.js';
import { cmp } from './dependencies.js';
import { editEngine } from './fix-edits.js';
import { fileRuleEnv, hasParseErrors, runFileRules, withRepo } from './file-rules.js';
import { formatMessage } from './messages.js';
import { taskPlace, documentPlace } from './positions.js';
import { RULES, ruleById } from './rules/index.js';
import { findSuppressions, type Suppressions } from './suppressions.js';
import type { CheckDiagnostic, FileRule, Fixer, FixFunction, Place, RegistryFacts, Rule, RuleMeta, ScopeFile, WorkspaceFinding, WorkspaceRule } from './types.js';
import { MemoryView, OverlayView, scopeEntries, type DocumentEntry, type TaskEntry, type WorkspaceView } from './view.js';

export interface EngineInput {
  mode: WorkspaceMode;
  registry: RegistryFacts | null;
  files: readonly ScopeFile[];
  /** The workspace outside the scope's files; null when the scope is the whole workspace. */
  outside: WorkspaceView | null;
  /** Effective rule settings of a repo (workspace rules overlaid with the repo's). */
  settings(repo: string): Readonly<Record<string, RuleSetting>>;
  today: string;
  /** The rules to run (default: every rule); a fix pass runs only the fixable ones. */
  rules?: readonly Rule[];
}

export interface EngineResult {
  /** Each with `fix` (the edits as data) when it is fixable. */
  diagnostics: CheckDiagnostic[];
  view: WorkspaceView;
}

interface Pending {
  file: ScopeFile;
  meta: RuleMeta | undefined;
  ruleId: string;
  severity: Severity;
  at: Place;
  message: string;
  subject: string;
  related?: Related[];
  fix?: FixFunction;
}

export async function runEngine(input: EngineInput): Promise<EngineResult> {
  const rules = input.rules ?? RULES;
  const fileRules = rules.filter((r): r is FileRule => r.meta.scope === 'file' && !r.meta.parser);
  const workspaceRules = rules.filter((r): r is WorkspaceRule => r.meta.scope === 'workspace');
  const scopeTasks: TaskEntry[] = [];
  const scopeDocuments: DocumentEntry[] = [];
  for (const file of input.files) {
    const entries = scopeEntries(file);
    // Loops, not push(...spread): a file may hold more tasks than a call may take arguments.
    for (const task of entries.tasks) scopeTasks.push(task);
    for (const document of entries.documents) scopeDocuments.push(document);
  }
  const inScope = new MemoryView(scopeTasks, scopeDocuments);
  const view = input.outside ? new OverlayView(inScope, input.outside) : inScope;
  const pending: Pending[] = [];

  for (const file of input.files) {
    for (const d of file.result.diagnostics) {
      const meta = ruleById(d.rule_id)?.meta;
      // A parser message may quote positions or offsets; without digits it names the problem, not the place.
      const at = { line: d.line, column: d.column, end_line: d.end_line, end_column: d.end_column };
      pending.push({ file, meta, ruleId: d.rule_id, severity: d.severity, at, message: d.message, subject: d.message.replace(/\d+/g, '#') });
    }
    const env = fileRuleEnv(file, { registry: input.registry, today: input.today, view, settings: input.settings });
    for (const f of runFileRules(file, env, fileRules)) {
      pending.push({ file, meta: f.rule, ruleId: f.rule.id, severity: f.rule.severity, at: f.at, message: f.message, subject: f.subject, related: f.related, fix: f.fix });
    }
  }

  const repos = new Set(input.files.map((f) => f.repo));
  for (const rule of workspaceRules) {
    if (![...repos].some((repo) => input.settings(repo)[rule.meta.id] !== 'off')) continue;
    rule.check({
      mode: input.mode,
      view,
      scopeTasks,
      scopeDocuments,
      report: (finding) => pending.push(fromWorkspaceFinding(rule.meta, finding)),
    });
  }

  return { diagnostics: await finish(pending, input), view };
}

function fromWorkspaceFinding(meta: RuleMeta, finding: WorkspaceFinding): Pending {
  const { target } = finding;
  const { lines } = target.file;
  const at = target.task ? taskPlace(lines, target.document, target.task, target.path) : documentPlace(lines, target.document, target.path);
  const message = formatMessage(meta, finding.messageId, finding.data);
  return { file: target.file, meta, ruleId: meta.id, severity: meta.severity, at, message, subject: finding.subject, related: finding.related };
}

async function finish(pending: Pending[], input: EngineInput): Promise<CheckDiagnostic[]> {
  const suppressionsByFile = new Map<ScopeFile, Suppressions | null>();
  const diagnostics: CheckDiagnostic[] = [];
  let fixer: Fixer | null = null;
  for (const p of pending) {
    const setting = input.settings(p.file.repo)[p.ruleId];
    if (setting === 'off') continue;
    if (!suppressionsByFile.has(p.file)) suppressionsByFile.set(p.file, await findSuppressions(p.file.lines, p.file.result));
    if (suppressionsByFile.get(p.file)?.suppresses(p.ruleId, p.at.line)) continue;
    let fix: TextEdit[] | null = null;
    if (p.fix && p.meta?.fixable && !hasParseErrors(p.file.result)) {
      // The edit engine (yaml 2) is loaded only when a finding can be fixed.
      fixer ??= await editEngine();
      fix = fixEdits(p.fix, fixer);
    }
    const related = withRepo(p.related, p.file.repo);
    diagnostics.push({
      rule_id: p.ruleId,
      severity: setting ?? p.meta?.severity ?? p.severity,
      message: p.message,
      repo: p.file.repo,
      file: p.file.file,
      line: p.at.line,
      column: p.at.column,
      end_line: p.at.end_line,
      end_column: p.at.end_column,
      fixable: fix !== null,
      subject: p.subject,
      ...(fix !== null ? { fix } : {}),
      ...(related ? { related } : {}),
    });
  }
  diagnostics.sort(compareDiagnostics);
  return diagnostics;
}

/** A fix as data; null when the edit engine refuses it (it would not re-parse the same): that is left for a person. */
function fixEdits(fix: FixFunction, fixer: Fixer): TextEdit[] | null {
  try {
    const edits = fix(fixer);
    return edits.length > 0 ? edits : null;
  } catch (error) {
    if (error instanceof CustodianError) return null;
    throw error;
  }
}

export function compareDiagnostics(a: CheckDiagnostic, b: CheckDiagnostic): number {
  return (
    cmp(a.repo, b.repo) ||
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.rule_id, b.rule_id) ||
    a.end_line - b.end_line ||
    a.end_column - b.end_column ||
    cmp(a.message, b.message)
  );
}
