// The document half of `domain rename`: every workplan and goal in the domain's repos whose
// front-matter `domain:` is the old slug gets the new one, edited in place. Planning reads and
// checks every file and writes nothing; a file that cannot be checked is a problem that
// refuses the whole rename.
import { join } from 'node:path';
import { parseFile } from '../documents/parse.js';
import { applyEdits, assertReadableInside, readTextFile, setYamlValueInRegion, unifiedDiff } from '../edit/index.js';
import { CustodianError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { documentsNamingDomain, renameCandidates } from '../index/queries/registry.js';
import type { PlannedWrite } from '../workspace/registry-edit-commit.js';
import type { RepoConfig } from '../workspace/types.js';

/** The kinds whose `domain:` a rename rewrites (DESIGN: "every workplan and goal"). */
export const CASCADED_KINDS = ['workplan', 'goal'] as const;

export interface DocumentWrite extends PlannedWrite {
  repo_slug: string;
  /** Repo-relative path. */
  file: string;
  before: string;
  diff: string;
}

export interface RenameProblem {
  repo_slug: string;
  file: string;
  reason: 'unreadable' | 'frontmatter-invalid' | 'edit-refused';
  message: string;
}

export interface LeftDocument {
  repo_slug: string;
  file: string;
  kind: string;
  id: string | null;
  reason: 'outside-domain' | 'kind-not-cascaded';
}

export interface DocumentRenamePlan {
  writes: DocumentWrite[];
  problems: RenameProblem[];
  /** Documents naming the old slug that the rename does not touch (reported, not edited). */
  left: LeftDocument[];
}

export async function planDocumentRenames(db: IndexDb, repos: readonly RepoConfig[], from: string, to: string): Promise<DocumentRenamePlan> {
  const bySlug = new Map(repos.map((r) => [r.slug, r]));
  const plan: DocumentRenamePlan = { writes: [], problems: [], left: [] };
  const seen = new Set<string>();
  for (const row of renameCandidates(db, from, [...bySlug.keys()], CASCADED_KINDS)) {
    const key = `${row.repo}\0${row.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const repo = bySlug.get(row.repo)!;
    const outcome = await planOne(repo, row.path, from, to);
    if (outcome === null) continue;
    if ('reason' in outcome) plan.problems.push(outcome);
    else plan.writes.push(outcome);
  }
  for (const row of documentsNamingDomain(db, from)) {
    const cascaded = bySlug.has(row.repo) && (CASCADED_KINDS as readonly string[]).includes(row.kind);
    if (cascaded) continue;
    plan.left.push({
      repo_slug: row.repo,
      file: row.path,
      kind: row.kind,
      id: row.doc_id,
      reason: bySlug.has(row.repo) ? 'kind-not-cascaded' : 'outside-domain',
    });
  }
  return plan;
}

/** The write for one file, a problem, or null when the file does not name the old slug (any more). */
async function planOne(repo: RepoConfig, file: string, from: string, to: string): Promise<DocumentWrite | RenameProblem | null> {
  const path = join(repo.checkout, file);
  const problem = (reason: RenameProblem['reason'], message: string): RenameProblem => ({ repo_slug: repo.slug, file, reason, message });
  let source;
  try {
    assertReadableInside(path, repo.checkout, 'the repository', 'refused');
    source = await readTextFile(path);
  } catch (error) {
    // Deleted since the sync: a file that is not there names no domain.
    if (error instanceof CustodianError && error.code === 'not-found') return null;
    return problem('unreadable', error instanceof Error ? error.message : String(error));
  }
  const parsed = await parseFile(file, source.text);
  const doc = parsed.documents[0];
  if (!doc || !doc.valid || !doc.frontmatter) {
    const yaml = doc?.frontmatter ? source.text.slice(doc.frontmatter.start, doc.frontmatter.end) : source.text;
    if (!namesDomain(yaml, from)) return null;
    const error = parsed.diagnostics.find((d) => d.severity === 'error');
    const why = error ? `${error.message} (line ${error.line})` : 'its front-matter could not be read';
    return problem('frontmatter-invalid', `cannot check its domain: ${why}`);
  }
  if (doc.fields.domain !== from) return null;
  let after: string;
  try {
    const edits = setYamlValueInRegion(source.text, { kind: 'frontmatter', region: doc.frontmatter }, ['domain'], to);
    after = applyEdits(source.text, edits).text;
  } catch (error) {
    return problem('edit-refused', error instanceof Error ? error.message : String(error));
  }
  const reparsed = (await parseFile(file, after)).documents[0];
  if (!reparsed?.valid || reparsed.fields.domain !== to) {
    return problem('edit-refused', 'the edited front-matter did not read back with the new domain; not editing it');
  }
  const within = { root: repo.checkout, name: 'the repository' };
  return { path, before: source.text, after, bom: source.bom, hash: source.hash, within, repo_slug: repo.slug, file, diff: unifiedDiff(source.text, after, file) };
}

/** A `domain: <slug>` line in YAML text that may not parse as a whole. */
function namesDomain(yaml: string, slug: string): boolean {
  const escaped = slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[ \\t]*["']?domain["']?[ \\t]*:[ \\t]*["']?${escaped}["']?[ \\t]*(?:#[^\\r\\n]*)?\\r?$`, 'm').test(yaml);
}
