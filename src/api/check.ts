// `check [PATH…]`: the consistency gate. Picks the scope (paths, repos, the staged blobs), runs
// the rules, applies the safe fixes when asked, and reports. `check` returns the check-report
// document; `checkRun` returns it with what the other report formats (stylish, github, sarif)
// and a fix's account need.
import { join, relative, sep } from 'node:path';
import type { CheckDiagnostic, CheckOptions as RunOptions, CheckRun, ReportInput } from '../check/index.js';
import type { Severity } from '../documents/model.js';
import { unknownRepo, usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { VERSION } from '../version.js';
import type { RepoConfig, Workspace, WorkspaceMode } from '../workspace/types.js';
import type { StagedScope } from './check-staged.js';
import { cwdOf, loadWorkspace, warn, withIndex, type WorkspaceOptions } from './context.js';

/** The check's rules, engine and fixes: loaded by checkRun once its git processes are started. */
type CheckEngine = typeof import('../check/index.js');

export interface CheckOptions extends WorkspaceOptions {
  /** Files or folders to report on, relative to `cwd` (default: every planning file). */
  paths?: string[];
  /** Only these repos (slugs). */
  repos?: string[];
  /** Check the staged versions of the staged files of the git repository around `cwd` (pre-commit). */
  staged?: boolean;
  /** Apply the safe fixes in place (atomically; a file that changed since it was read is left alone); the report is what remains. */
  fix?: boolean;
  /** With `fix`: compute the fixes and report what would remain, writing nothing. */
  dryRun?: boolean;
}

export interface CheckReportDiagnostic {
  repo: string;
  file: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  rule_id: string;
  severity: Severity;
  message: string;
  fixable: boolean;
  related?: { repo: string; file: string; line: number; column: number }[];
}

export interface CheckReportDocument {
  schema_version: 1;
  kind: 'check-report';
  mode: WorkspaceMode;
  /** With `staged`: the repos brought up to date before checking; the others were answered as last indexed. */
  synced_repos?: string[];
  error_count: number;
  warning_count: number;
  fixable_count: number;
  diagnostics: CheckReportDiagnostic[];
}

/** What a fix did (or, in a dry run, would do) to one file. */
export interface FixedFile {
  repo_slug: string;
  file: string;
  /** Relative to `cwd`, `/`-separated. */
  path: string;
  /** A unified diff labelled with `path`. */
  diff: string;
}

export interface CheckOutcome {
  /** The check-report document (`check --json`). */
  report: CheckReportDocument;
  /** What the report formatters of src/check/formatters render; paths shown relative to `cwd`. */
  input: ReportInput;
  /** The repos checked (slugs). */
  repos: string[];
  /** Paths given that are not planning files of the checked repos (include globs): skipped. */
  skipped_paths: string[];
  /** With `fix`: the files fixed (or that would be), and why others were left alone. */
  fix: { dry_run: boolean; changed: FixedFile[]; not_fixed: string[] } | null;
}

export async function check(options: CheckOptions = {}): Promise<CheckReportDocument> {
  return (await checkRun(options)).report;
}

export async function checkRun(options: CheckOptions = {}): Promise<CheckOutcome> {
  if (options.dryRun && !options.fix) throw usageError('--dry-run goes with --fix (it shows what --fix would change)');
  if (options.fix && options.staged) throw usageError('--fix cannot be combined with --staged: fixes edit the working tree, --staged checks the staged blobs');
  const cwd = cwdOf(options);
  const staged = options.staged ? await import('./check-staged.js') : null;
  const ws = await loadWorkspace(options);
  const repos = selectRepos(ws, options.repos);
  // A pre-commit hook changes only the repos of the committing work tree: only they are synced,
  // the others are answered as last indexed (DESIGN, "Consistency check").
  const tree = staged ? staged.stagedTree(repos, cwd) : null;
  // The check then waits on git twice: for what is staged, and for the committing repos' file
  // lists (staging changed their git index, so the sync lists them again). Both are asked in this
  // turn, so one shell runs them (batchedGit), while the index and the rules load.
  const lister = tree && options.sync !== false ? await (await import('../index/plan.js')).aheadLister() : null;
  const stagedFiles = staged && tree ? staged.stagedScope(tree) : null;
  void stagedFiles?.catch(() => undefined); // awaited below; this only keeps a failure during the sync from going unhandled
  const listed = lister && tree ? new Map(tree.owners.map(({ repo }) => [repo.slug, lister(repo)] as const)) : undefined;
  const engine = await import('../check/index.js');
  return withIndex(
    ws,
    options,
    async (db, sync) => {
      warnUnknownRules(engine, ws, options);
      const synced = tree ? (sync?.synced_repos ?? []) : null;
      const scope = await scopeOptions(ws, db, repos, options, cwd, stagedFiles);
      if (scope.options === null) return outcome(engine, ws, { mode: ws.mode, diagnostics: [], files: [] }, cwd, repos, scope.skipped, null, synced);
      let run = await engine.runCheck(ws, db, scope.options);
      let fixed: CheckOutcome['fix'] = null;
      if (options.fix) ({ run, fixed } = await fix(engine, ws, db, run, scope.options, options.dryRun === true, cwd));
      return outcome(engine, ws, run, cwd, repos, scope.skipped, fixed, synced);
    },
    tree ? { repos: tree.owners.map(({ repo }) => repo.slug), listed } : {},
  );
}

function outcome(
  engine: CheckEngine,
  ws: Workspace,
  run: Pick<CheckRun, 'mode' | 'diagnostics' | 'files'>,
  cwd: string,
  repos: RepoConfig[],
  skipped: string[],
  fix: CheckOutcome['fix'],
  synced: string[] | null,
): CheckOutcome {
  const checkouts = new Map(ws.repos.map((r) => [r.slug, r.checkout]));
  const input: ReportInput = {
    mode: run.mode,
    diagnostics: run.diagnostics as CheckDiagnostic[],
    fileCount: run.files.length,
    displayPath: (repo, file) => relativePath(cwd, join(checkouts.get(repo) ?? '', file)),
    toolVersion: VERSION,
  };
  const { schema_version, kind, mode, ...counts } = engine.checkReport(input) as CheckReportDocument;
  // `synced_repos` only with --staged, the one scope that syncs less than the whole workspace.
  const report: CheckReportDocument = { schema_version, kind, mode, ...(synced ? { synced_repos: synced } : {}), ...counts };
  return { report, input, repos: repos.map((r) => r.slug), skipped_paths: skipped, fix };
}

function selectRepos(ws: Workspace, slugs: string[] | undefined): RepoConfig[] {
  if (!slugs?.length) return ws.repos;
  return slugs.map((slug) => {
    const repo = ws.repos.find((r) => r.slug === slug);
    if (!repo) throw unknownRepo(slug);
    return repo;
  });
}

/** The scope as runCheck options; null when there is nothing to check (nothing staged). */
async function scopeOptions(
  ws: Workspace,
  db: IndexDb,
  repos: RepoConfig[],
  options: CheckOptions,
  cwd: string,
  stagedFiles: Promise<StagedScope> | null,
): Promise<{ options: RunOptions | null; skipped: string[] }> {
  const slugs = repos.map((r) => r.slug);
  const limited = repos.length < ws.repos.length ? { repos: slugs } : {};
  let files: RunOptions['files'];
  let skipped: string[] = [];
  if (options.paths?.length) {
    const { resolvePaths } = await import('./check-paths.js');
    const resolved = resolvePaths(db, options.paths, repos, cwd);
    skipped = resolved.skipped;
    files = resolved.files;
  }
  if (stagedFiles) {
    const staged = await stagedFiles;
    const wanted = files ? new Set(files.map((f) => `${f.repo}\0${f.file}`)) : null;
    const checked = staged.files.filter((f) => !wanted || wanted.has(`${f.repo}\0${f.file}`));
    if (checked.length === 0) return { options: null, skipped };
    return { options: { ...limited, files: checked, read: staged.read, hidden: staged.hidden }, skipped };
  }
  if (files && files.length === 0) return { options: null, skipped };
  return { options: { ...limited, ...(files ? { files } : {}) }, skipped };
}

async function fix(
  { applyFixes, runCheck, readWorkingFile }: CheckEngine,
  ws: Workspace,
  db: IndexDb,
  run: CheckRun,
  options: RunOptions,
  dryRun: boolean,
  cwd: string,
): Promise<{ run: CheckRun; fixed: NonNullable<CheckOutcome['fix']> }> {
  const results = await applyFixes(ws, run, { dryRun, cwd });
  const changed = results.filter((r) => r.changed);
  const fixed = {
    dry_run: dryRun,
    changed: changed.map((r) => ({ repo_slug: r.repo, file: r.file, path: relativePath(cwd, r.path), diff: r.diff })),
    not_fixed: results.flatMap((r) => (r.skipped ? [r.skipped] : [])),
  };
  if (changed.length === 0) return { run, fixed };
  if (dryRun) {
    // What would remain: the same check over the fixed texts.
    const texts = new Map(changed.map((r) => [`${r.repo}\0${r.file}`, r.after]));
    const read = options.read ?? null;
    const after = await runCheck(ws, db, {
      ...options,
      files: options.files ?? run.files.map((f) => ({ repo: f.repo, file: f.file })),
      read: (ref) => {
        const text = texts.get(`${ref.repo}\0${ref.file}`);
        if (text !== undefined) return { bytes: Buffer.from(text, 'utf8') };
        return read ? read(ref) : readWorkingFile(ws.repos.find((r) => r.slug === ref.repo)!.checkout, ref.file);
      },
    });
    return { run: after, fixed };
  }
  const { syncWorkspace } = await import('../index/sync.js');
  const synced = await syncWorkspace(ws);
  try {
    return { run: await runCheck(ws, synced.db, options), fixed };
  } finally {
    if (synced.db !== db) synced.db.close();
  }
}

function relativePath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/');
}

function warnUnknownRules({ RULES }: CheckEngine, ws: Workspace, options: WorkspaceOptions): void {
  const known = new Set(RULES.map((r) => r.meta.id));
  const unknown = new Set<string>();
  for (const id of Object.keys(ws.rules)) if (!known.has(id)) unknown.add(id);
  for (const repo of ws.repos) for (const id of Object.keys(repo.rules)) if (!known.has(id)) unknown.add(id);
  for (const id of unknown) warn(options, `unknown rule \`${id}\` in the registry's rules (ignored; see \`custodian rules\`)`);
}
