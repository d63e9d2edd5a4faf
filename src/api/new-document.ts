// `new workplan|task|goal|interface-change|decision`: a document from its template, at the
// conventional path, with the next free id of the repo's sequence. It never overwrites a file and
// never reuses an id; what it writes parses with no diagnostic, or nothing is written.
import { join } from 'node:path';
import { nextDocumentId } from '../authoring/ids.js';
import { checkNewId, conventionalPath, templateValues } from '../authoring/new-document.js';
import { renderTemplate } from '../authoring/template.js';
import type { DocumentKind } from '../documents/model.js';
import { parseFile } from '../documents/parse.js';
import { DOCUMENT_KINDS } from '../documents/vocabulary.js';
import { CustodianError, notFound, refused, usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { compileInclude } from '../workspace/include.js';
import type { RepoConfig, Workspace } from '../workspace/types.js';
import { cwdOf, loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { requireKnownTasks } from './task-refs.js';

export interface NewDocumentOptions extends WorkspaceOptions {
  /** workplan | task | goal | interface-change | decision */
  kind: string;
  title: string;
  /** The repo to create it in (default: the repo around `cwd`, or the workspace's only repo). */
  repo?: string;
  /** Default: the next free id of the repo's sequence for this kind. */
  id?: string;
  /** A workplan's domain (default: its repo's), or a goal's (then the goal is the domain's). */
  domain?: string;
  /** Default: draft (workplan, interface change), todo (task), active (goal), proposed (decision). */
  status?: string;
  /** A task's priority (critical … low), or a goal's (a whole number, lower first). */
  priority?: string;
  /** A task's dependencies (task ids that must exist). */
  dependsOn?: string[];
  /** A task file's workplan (an existing workplan id). */
  workplan?: string;
  /** Text for the body (the description section). */
  description?: string;
  changeType?: string;
  interfaceType?: string;
  affectedRepos?: string[];
  /** Compute and return the file, write nothing. */
  dryRun?: boolean;
  /** `YYYY-MM-DD` written as `created` (default: today, UTC). */
  today?: string;
}

export interface NewDocumentDocument {
  schema_version: 1;
  kind: 'new';
  document: { kind: DocumentKind; id: string; title: string; status: string | null; repo_slug: string; file: string };
  /** False with `dryRun`: nothing was written. */
  created: boolean;
  /** The new file as a unified diff against nothing. */
  diff: string;
}

export async function newDocument(options: NewDocumentOptions): Promise<NewDocumentDocument> {
  const kind = documentKind(options.kind);
  const ws = await loadWorkspace(options);
  const repo = targetRepo(ws, options);
  if (options.domain !== undefined && ws.mode === 'workspace' && !ws.domains.some((d) => d.slug === options.domain)) {
    throw notFound(`no domain ${options.domain} in the workspace (try \`custodian domain list\`)`);
  }
  for (const slug of options.affectedRepos ?? []) if (!ws.repos.some((r) => r.slug === slug)) throw notFound(`no repo ${slug} in the workspace (--affected-repo)`);
  if (options.id !== undefined) checkNewId(options.id);
  const id = await withIndex(ws, options, (db) => {
    const id = options.id ?? nextDocumentId(kind, { repoSlug: repo.slug, byKind: repoIds(db, repo.slug) }, (candidate) => idInUse(db, kind, repo.slug, candidate));
    if (options.id !== undefined && idInUse(db, kind, repo.slug, id)) throw refused(`id ${id} is already used${scope(kind, repo.slug)}; choose another (or leave --id out for the next free one)`, { id });
    if (options.workplan !== undefined && !db.prepare("SELECT 1 FROM documents WHERE kind = 'workplan' AND doc_id = ?").get(options.workplan)) {
      throw notFound(`no workplan ${options.workplan} in the workspace (--workplan)`);
    }
    requireKnownTasks(db, options.dependsOn ?? [], options.workplan ?? null, '--depends-on');
    return id;
  });
  const values = templateValues({ ...options, kind, id, repo: repo.slug, repoDomain: repo.domain, today: options.today ?? new Date().toISOString().slice(0, 10) });
  const template = await (await import('../workspace/templates.js')).loadTemplate(ws, kind);
  const text = renderTemplate(template.text, values, template.source);
  const file = conventionalPath(kind, id, String(values.title));
  if (!compileInclude(repo.include)(file)) {
    throw refused(`${repo.slug}/${file} would not be read: the repo's include globs (${repo.include.join(', ')}) do not match it`, { file });
  }
  await confirmParses(file, text, kind, id, template.source);
  const { unifiedDiff } = await import('../edit/unified-diff.js');
  const diff = unifiedDiff('', text, file).replace(/^--- a\/.*$/m, '--- /dev/null');
  const document = { kind, id, title: String(values.title), status: (values.status as string | null) ?? null, repo_slug: repo.slug, file };
  if (options.dryRun) return { schema_version: 1, kind: 'new', document, created: false, diff };
  const { createFileExclusive } = await import('../edit/create-file.js');
  await createFileExclusive(join(repo.checkout, file), text);
  // Bring the index up to date, so the next id and every read see the new document.
  await withIndex(ws, { ...options, sync: true, onWarning: undefined }, () => undefined, { repos: [repo.slug] });
  return { schema_version: 1, kind: 'new', document, created: true, diff };
}

function documentKind(raw: string): DocumentKind {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(raw)) throw usageError(`unknown kind ${JSON.stringify(raw)}: expected ${DOCUMENT_KINDS.join(', ')}`);
  return raw as DocumentKind;
}

/** --repo, else the repo whose checkout holds the current folder, else the only repo. */
function targetRepo(ws: Workspace, options: NewDocumentOptions): RepoConfig {
  if (options.repo !== undefined) {
    const repo = ws.repos.find((r) => r.slug === options.repo);
    if (!repo) throw notFound(`no repo ${options.repo} in the workspace (try \`custodian repo list\`)`);
    return repo;
  }
  const cwd = cwdOf(options);
  const around = ws.repos.filter((r) => cwd === r.checkout || cwd.startsWith(`${r.checkout}/`)).sort((a, b) => b.checkout.length - a.checkout.length)[0];
  if (around) return around;
  if (ws.repos.length === 1) return ws.repos[0];
  throw usageError('which repo? pass --repo SLUG (or run this inside a repo of the workspace)');
}

/** The repo's ids of each kind (a task's: its task files), for the next number of the sequence. */
function repoIds(db: IndexDb, repo: string): Partial<Record<DocumentKind, string[]>> {
  const rows = db.prepare('SELECT kind, doc_id FROM documents WHERE repo = ? AND doc_id IS NOT NULL').raw().all(repo) as [DocumentKind, string][];
  const byKind: Partial<Record<DocumentKind, string[]>> = {};
  for (const [kind, id] of rows) (byKind[kind] ??= []).push(id);
  return byKind;
}

/** Workplan and task ids are unique in the workspace; the others in their repo, per kind. */
function idInUse(db: IndexDb, kind: DocumentKind, repo: string, id: string): boolean {
  if (kind === 'workplan' || kind === 'task') {
    return (
      db.prepare("SELECT 1 FROM documents WHERE doc_id = ? AND kind IN ('workplan', 'task')").get(id) !== undefined ||
      db.prepare('SELECT 1 FROM tasks WHERE task_id = ?').get(id) !== undefined
    );
  }
  return db.prepare('SELECT 1 FROM documents WHERE doc_id = ? AND kind = ? AND repo = ?').get(id, kind, repo) !== undefined;
}

function scope(kind: DocumentKind, repo: string): string {
  return kind === 'workplan' || kind === 'task' ? ' in the workspace' : ` by a ${kind} of ${repo}`;
}

/** The filled template must read back as the document meant, with no diagnostic at all. */
async function confirmParses(file: string, text: string, kind: DocumentKind, id: string, source: string): Promise<void> {
  const parsed = await parseFile(file, text);
  const problem = parsed.diagnostics[0];
  const document = parsed.documents[0];
  if (problem || !document || document.kind !== kind || document.id !== id) {
    const why = problem ? `${problem.rule_id} at line ${problem.line}: ${problem.message}` : `it reads as a ${document?.kind ?? 'nothing'} with id ${document?.id ?? 'none'}`;
    throw new CustodianError('invalid-workspace', `the template ${source} does not make a valid ${kind}: ${why}`, { details: { template: source } });
  }
}
