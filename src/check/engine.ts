// The rule engine: parser diagnostics, per-file rules over the files in scope, cross-file rules
// over the workspace view; then severities from the registry, inline suppressions, and one
// deterministic order. No I/O: the caller reads the files and builds the view.
import type { Related, Severity } from '../documents/model.js';
import type { RuleSetting, WorkspaceMode } from '../workspace/types.js';
import { cmp } from './dependencies.js';
import { hasParseErrors, runFileRules, withRepo, type FixThunk } from './file-rules.js';
import { taskPlace, documentPlace } from './positions.js';
import { RULES, ruleById } from './rules/index.js';
import { findSuppressions, type Suppressions } from './suppressions.js';
import type { CheckDiagnostic, Place, RegistryFacts, RuleMeta, ScopeFile, WorkspaceFinding, WorkspaceRule } from './types.js';
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
}

export interface EngineResult {
  diagnostics: CheckDiagnostic[];
  /** The fixes of the diagnostics reported as fixable, per file. */
  fixes: Map<ScopeFile, FixThunk[]>;
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
  fix?: FixThunk;
}

const WORKSPACE_RULES = RULES.filter((r): r is WorkspaceRule => r.meta.scope === 'workspace');

export async function runEngine(input: EngineInput): Promise<EngineResult> {
  const scopeTasks: TaskEntry[] = [];
  const scopeDocuments: DocumentEntry[] = [];
  for (const file of input.files) {
    const entries = scopeEntries(file);
    scopeTasks.push(...entries.tasks);
    scopeDocuments.push(...entries.documents);
  }
  const inScope = new MemoryView(scopeTasks, scopeDocuments);
  const view = input.outside ? new OverlayView(inScope, input.outside) : inScope;
  const pending: Pending[] = [];

  for (const file of input.files) {
    const settings = input.settings(file.repo);
    for (const d of file.result.diagnostics) {
      const meta = ruleById(d.rule_id)?.meta;
      // A parser message may quote positions or offsets; without digits it names the problem, not the place.
      const at = { line: d.line, column: d.column, end_line: d.end_line, end_column: d.end_column };
      pending.push({ file, meta, ruleId: d.rule_id, severity: d.severity, at, message: d.message, subject: d.message.replace(/\d+/g, '#') });
    }
    const env = {
      registry: input.registry,
      today: input.today,
      tasksNamingWorkplan: (id: string) => view.tasksNamingWorkplan(id).filter((t) => !(t.repo === file.repo && t.file === file.file)),
      enabled: (id: string) => settings[id] !== 'off',
    };
    for (const f of runFileRules(file, env)) {
      pending.push({ file, meta: f.rule, ruleId: f.rule.id, severity: f.rule.severity, at: f.at, message: f.message, subject: f.subject, related: f.related, fix: f.fix });
    }
  }

  const repos = new Set(input.files.map((f) => f.repo));
  for (const rule of WORKSPACE_RULES) {
    if (![...repos].some((repo) => input.settings(repo)[rule.meta.id] !== 'off')) continue;
    rule.check({
      mode: input.mode,
      view,
      scopeTasks,
      scopeDocuments,
      report: (finding) => pending.push(fromWorkspaceFinding(rule.meta, finding)),
    });
  }

  return { ...(await finish(pending, input)), view };
}

function fromWorkspaceFinding(meta: RuleMeta, finding: WorkspaceFinding): Pending {
  const { target } = finding;
  const { lines } = target.file;
  const at = target.task ? taskPlace(lines, target.document, target.task, target.path) : documentPlace(lines, target.document, target.path);
  return { file: target.file, meta, ruleId: meta.id, severity: meta.severity, at, message: finding.message, subject: finding.subject, related: finding.related };
}

async function finish(pending: Pending[], input: EngineInput): Promise<Omit<EngineResult, 'view'>> {
  const suppressionsByFile = new Map<ScopeFile, Suppressions | null>();
  const diagnostics: CheckDiagnostic[] = [];
  const fixes = new Map<ScopeFile, FixThunk[]>();
  for (const p of pending) {
    const setting = input.settings(p.file.repo)[p.ruleId];
    if (setting === 'off') continue;
    if (!suppressionsByFile.has(p.file)) suppressionsByFile.set(p.file, await findSuppressions(p.file.lines, p.file.result));
    if (suppressionsByFile.get(p.file)?.suppresses(p.ruleId, p.at.line)) continue;
    const fixable = Boolean(p.fix && p.meta?.fixable && !hasParseErrors(p.file.result));
    if (fixable) {
      const list = fixes.get(p.file);
      if (list) list.push(p.fix!);
      else fixes.set(p.file, [p.fix!]);
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
      fixable,
      subject: p.subject,
      ...(related ? { related } : {}),
    });
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, fixes };
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
