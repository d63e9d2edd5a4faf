// `custodian check`: sync, pick the scope (paths, --repo, --staged), run the rules, fix, report
// in the chosen format, and exit 0 (clean), 1 (errors, or warnings past --max-warnings) or 2.
import { join, relative, sep } from 'node:path';
import {
  applyFixes,
  FORMAT_NAMES,
  FORMATTERS,
  RULES,
  runCheck,
  countDiagnostics,
  summaryLine,
  type CheckOptions,
  type CheckRun,
  type ReportInput,
} from '../../check/index.js';
import { readWorkingFile } from '../../check/sources.js';
import { usageError } from '../../errors.js';
import { VERSION } from '../../version.js';
import type { IndexDb } from '../../index/db.js';
import type { RepoConfig, Workspace } from '../../workspace/types.js';
import type { CliContext } from '../context.js';
import { colors, useColor } from '../output.js';
import { openFreshIndex } from './workspace.js';

export interface CheckFlags {
  repo?: string[];
  staged?: boolean;
  fix?: boolean;
  dryRun?: boolean;
  format?: string;
  json?: boolean;
  maxWarnings?: string;
  sync?: boolean;
}

export async function check(ctx: CliContext, paths: string[], flags: CheckFlags): Promise<void> {
  const format = flags.json ? 'json' : (flags.format ?? 'stylish');
  if (!FORMATTERS[format]) throw usageError(`unknown format \`${format}\`: expected one of ${FORMAT_NAMES.join(', ')}`);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  if (flags.dryRun && !flags.fix) throw usageError('--dry-run goes with --fix (it shows what --fix would change)');
  if (flags.fix && flags.staged) throw usageError('--fix cannot be combined with --staged: fixes edit the working tree, --staged checks the staged blobs');

  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync !== false });
  try {
    warnUnknownRules(ws);
    const repos = selectRepos(ws, flags.repo);
    const cwd = process.cwd();
    const options = await scopeOptions(ws, db, repos, paths, flags, cwd);
    if (options === null) {
      finish(ctx, ws, { mode: ws.mode, diagnostics: [], files: [] }, format, maxWarnings, cwd);
      return;
    }
    let run = await runCheck(ws, db, options);
    if (flags.fix) run = await fix(ws, db, run, options, flags.dryRun === true, cwd);
    finish(ctx, ws, run, format, maxWarnings, cwd, flags.dryRun === true);
  } finally {
    db.close();
  }
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--max-warnings expects a whole number ≥ 0, got \`${value}\``);
  return Number(value);
}

function selectRepos(ws: Workspace, slugs: string[] | undefined): RepoConfig[] {
  if (!slugs?.length) return ws.repos;
  return slugs.map((slug) => {
    const repo = ws.repos.find((r) => r.slug === slug);
    if (!repo) throw usageError(`unknown repo \`${slug}\`: expected one of ${ws.repos.map((r) => r.slug).join(', ')}`);
    return repo;
  });
}

/** The scope as runCheck options; null when there is nothing to check (nothing staged). */
async function scopeOptions(ws: Workspace, db: IndexDb, repos: RepoConfig[], paths: string[], flags: CheckFlags, cwd: string): Promise<CheckOptions | null> {
  const slugs = repos.map((r) => r.slug);
  const limited = repos.length < ws.repos.length ? { repos: slugs } : {};
  let files: CheckOptions['files'];
  if (paths.length > 0) {
    const { resolvePaths } = await import('./check-paths.js');
    const resolved = resolvePaths(db, paths, repos, cwd);
    if (resolved.skipped.length > 0) {
      process.stderr.write(`custodian: note: not a planning file of ${repos.length === 1 ? `repo ${repos[0].slug}` : 'any repo'} (include globs), skipped: ${resolved.skipped.join(', ')}\n`);
    }
    files = resolved.files;
  }
  if (flags.staged) {
    const { stagedScope } = await import('./check-staged.js');
    const staged = await stagedScope(repos, cwd);
    const wanted = files ? new Set(files.map((f) => `${f.repo}\0${f.file}`)) : null;
    const stagedFiles = staged.files.filter((f) => !wanted || wanted.has(`${f.repo}\0${f.file}`));
    if (stagedFiles.length === 0) return null;
    return { ...limited, files: stagedFiles, read: staged.read, hidden: staged.hidden };
  }
  if (files && files.length === 0) return null;
  return { ...limited, ...(files ? { files } : {}) };
}

async function fix(ws: Workspace, db: IndexDb, run: CheckRun, options: CheckOptions, dryRun: boolean, cwd: string): Promise<CheckRun> {
  const results = await applyFixes(ws, run, { dryRun, cwd });
  for (const r of results) if (r.skipped) process.stderr.write(`custodian: warning: not fixed: ${r.skipped}\n`);
  const changed = results.filter((r) => r.changed);
  if (dryRun) {
    if (changed.length > 0) process.stdout.write(changed.map((r) => r.diff).join(''));
    process.stderr.write(`custodian: --dry-run: would fix ${changed.length} file${changed.length === 1 ? '' : 's'}; nothing was written\n`);
    if (changed.length === 0) return run;
    // What would remain: the same check over the fixed texts.
    const fixed = new Map(changed.map((r) => [`${r.repo}\0${r.file}`, r.after]));
    const read = options.read ?? null;
    return runCheck(ws, db, {
      ...options,
      files: options.files ?? run.files.map((f) => ({ repo: f.repo, file: f.file })),
      read: (ref) => {
        const text = fixed.get(`${ref.repo}\0${ref.file}`);
        if (text !== undefined) return { bytes: Buffer.from(text, 'utf8') };
        return read ? read(ref) : readWorking(ws, ref);
      },
    });
  }
  if (changed.length === 0) return run;
  process.stderr.write(`custodian: fixed ${changed.length} file${changed.length === 1 ? '' : 's'}: ${changed.map((r) => relativePath(cwd, r.path)).join(', ')}\n`);
  const { syncWorkspace } = await import('../../index/sync.js');
  const synced = await syncWorkspace(ws);
  try {
    return await runCheck(ws, synced.db, options);
  } finally {
    if (synced.db !== db) synced.db.close();
  }
}

function readWorking(ws: Workspace, ref: { repo: string; file: string }) {
  return readWorkingFile(ws.repos.find((r) => r.slug === ref.repo)!.checkout, ref.file);
}

function finish(ctx: CliContext, ws: Workspace, run: Pick<CheckRun, 'mode' | 'diagnostics' | 'files'>, format: string, maxWarnings: number | undefined, cwd: string, dryRun = false): void {
  const checkouts = new Map(ws.repos.map((r) => [r.slug, r.checkout]));
  const input: ReportInput = {
    mode: run.mode,
    diagnostics: run.diagnostics,
    fileCount: run.files.length,
    displayPath: (repo, file) => relativePath(cwd, join(checkouts.get(repo) ?? '', file)),
    toolVersion: toolVersion(),
    paint: format === 'stylish' ? colors(useColor(process.stdout)) : undefined,
  };
  const counts = countDiagnostics(run.diagnostics);
  if (dryRun) process.stderr.write(`after fixing: ${summaryLine(input)}\n`);
  else {
    const output = FORMATTERS[format](input);
    process.stdout.write(output.stdout);
    process.stderr.write(output.stderr);
  }
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) process.stderr.write(`custodian: ${counts.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  ctx.exitCode = counts.errors > 0 || tooManyWarnings ? 1 : 0;
}

function relativePath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/');
}

function warnUnknownRules(ws: Workspace): void {
  const known = new Set(RULES.map((r) => r.meta.id));
  const unknown = new Set<string>();
  for (const id of Object.keys(ws.rules)) if (!known.has(id)) unknown.add(id);
  for (const repo of ws.repos) for (const id of Object.keys(repo.rules)) if (!known.has(id)) unknown.add(id);
  for (const id of unknown) process.stderr.write(`custodian: warning: unknown rule \`${id}\` in the registry's rules (ignored; see \`custodian rules\`)\n`);
}

function toolVersion(): string {
  return VERSION;
}
