// A check of a workspace, end to end: pick the files in scope, read and parse them, see the rest
// of the workspace through the index, run the engine. This is where a check does its I/O.
import type { IndexDb } from '../index/db.js';
import { unknownRepo } from '../errors.js';
import type { RuleSetting, Workspace } from '../workspace/types.js';
import { todayUtc } from './dates.js';
import { runEngine } from './engine.js';
import { IndexView } from './index-view.js';
import { loadScopeFile } from './scope-file.js';
import { readWorkingFile, type ReadOutcome } from './sources.js';
import type { CheckDiagnostic, RegistryFacts, ScopeFile } from './types.js';
import type { WorkspaceView } from './view.js';

export interface FileRef {
  repo: string;
  file: string;
}

export interface CheckOptions {
  /** Only these repos' files (default: every repo). */
  repos?: string[];
  /** Only these files (else every indexed file of the repos). */
  files?: FileRef[];
  /** Where the bytes come from (default: the working tree). Returns null for a file that is gone. */
  read?: (ref: FileRef) => ReadOutcome | null;
  /** Files whose index rows must not be seen either (e.g. staged for deletion). */
  hidden?: FileRef[];
  /** `YYYY-MM-DD` written by fixes (default: today in UTC). */
  today?: string;
}

export interface CheckRun {
  mode: Workspace['mode'];
  diagnostics: CheckDiagnostic[];
  /** The files in scope as read and parsed. */
  files: ScopeFile[];
  /** What a fix pass needs to re-run the per-file rules on a fixed text. */
  context: CheckContext;
}

export interface CheckContext {
  registry: RegistryFacts;
  today: string;
  view: WorkspaceView;
  settings(repo: string): Readonly<Record<string, RuleSetting>>;
}

/** Runs every enabled rule over the files in scope; cross-file rules see the whole workspace. */
export async function runCheck(ws: Workspace, db: IndexDb, options: CheckOptions = {}): Promise<CheckRun> {
  const bySlug = new Map(ws.repos.map((r) => [r.slug, r]));
  for (const slug of options.repos ?? []) {
    if (!bySlug.has(slug)) throw unknownRepo(slug);
  }
  const repos = new Set(options.repos ?? bySlug.keys());
  const targets = options.files ? options.files.filter((f) => repos.has(f.repo)) : indexedFiles(db, [...repos]);
  const whole = !options.files && !options.hidden && repos.size === bySlug.size;
  const read = options.read ?? ((ref: FileRef) => readWorkingFile(bySlug.get(ref.repo)!.checkout, ref.file));

  const files: ScopeFile[] = [];
  for (const ref of targets) {
    const outcome = read(ref);
    if (outcome === null) continue;
    files.push(await loadScopeFile(ref.repo, ref.file, outcome));
  }
  const excluded = new Set([...targets, ...(options.hidden ?? [])].map((f) => `${f.repo}\0${f.file}`));
  const registry: RegistryFacts = {
    mode: ws.mode,
    domains: new Set(ws.domains.map((d) => d.slug)),
    repos: new Set(bySlug.keys()),
  };
  const settings = (repo: string) => bySlug.get(repo)?.rules ?? ws.rules;
  const today = options.today ?? todayUtc();
  const result = await runEngine({
    mode: ws.mode,
    registry,
    files,
    outside: whole ? null : new IndexView(db, excluded),
    settings,
    today,
  });
  return { mode: ws.mode, diagnostics: result.diagnostics, files, context: { registry, today, view: result.view, settings } };
}

function indexedFiles(db: IndexDb, repos: string[]): FileRef[] {
  if (repos.length === 0) return [];
  const rows = db
    .prepare(`SELECT repo, path FROM files WHERE repo IN (${repos.map(() => '?').join(', ')}) ORDER BY repo, path`)
    .all(...repos) as { repo: string; path: string }[];
  return rows.map((r) => ({ repo: r.repo, file: r.path }));
}
