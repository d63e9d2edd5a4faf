// One planning file edited in place on behalf of an operation: the path checked to stay inside
// its repo, the file re-parsed inside the edit's lock (a file with parse errors is refused), the
// edit confirmed by parsing the result, written atomically. Shared by `task status` and
// `interface-change` (and every edit of a document that follows).
import { realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ParseResult, TextEdit } from '../documents/model.js';
import { parseFile } from '../documents/parse.js';
import { applyEdits } from './apply-edits.js';
import { editTextFile, type EditOutcome } from './edit-file.js';
import { CustodianError, refused, unknownRepo } from '../errors.js';
import type { Workspace } from '../workspace/types.js';

export interface PlanningFile {
  repo: string;
  /** Repo-relative path, as the index holds it. */
  file: string;
  /** Absolute path to read and write (the real path, so a link inside the repo is edited, not replaced). */
  path: string;
}

export async function planningFile(ws: Workspace, repo: string, file: string): Promise<PlanningFile> {
  const config = ws.repos.find((r) => r.slug === repo);
  if (!config) throw unknownRepo(repo);
  let root: string;
  let path: string;
  try {
    root = await realpath(config.checkout);
    path = await realpath(join(config.checkout, file));
  } catch (cause) {
    throw new CustodianError('not-found', `${repo}/${file}: not found on this host`, { cause, details: { repo_slug: repo, file } });
  }
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') {
    throw refused(`${repo}/${file} leads outside the repo; not editing it`, { repo_slug: repo, file });
  }
  return { repo, file, path };
}

/** Refuses a file the parser reports errors in: an edit must not build on a misread. */
export function refuseParseErrors(parsed: ParseResult, label: string): void {
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const first = errors[0];
  throw refused(`${label}:${first.line}:${first.column}: ${first.message} (${first.rule_id}); fix the file first (custodian check)`, {
    file: label,
    diagnostics: errors.map((d) => ({ rule_id: d.rule_id, line: d.line, column: d.column, message: d.message })),
  });
}

/**
 * Holding the file's lock, reads and parses its current content, asks `plan` for the edits
 * (`plan` decides on what it sees there: a claim checks the assignee it reads under the lock) and
 * confirms them with `confirm` on the re-parsed result before anything is written. Lock first,
 * then read: two agents editing different tasks of one file queue for the lock instead of failing
 * on each other's change, and an agent deciding on a task sees every edit made before its turn.
 * The write still refuses (`conflict`) if a writer that takes no lock changed the file meanwhile.
 */
export async function editPlanningFile(
  target: PlanningFile,
  plan: (text: string, parsed: ParseResult) => TextEdit[] | Promise<TextEdit[]>,
  confirm: (parsed: ParseResult) => string | null,
  options: { dryRun?: boolean } = {},
): Promise<EditOutcome> {
  const label = `${target.repo}/${target.file}`;
  return editTextFile(
    target.path,
    async (file) => {
      const parsed = await parseFile(target.file, file.text);
      refuseParseErrors(parsed, label);
      const edits = await plan(file.text, parsed);
      const after = applyEdits(file.text, edits).text;
      if (after !== file.text) {
        const problem = confirm(await parseFile(target.file, after));
        if (problem !== null) throw refused(`${label}: edit refused: ${problem}`, { file: target.file, reason: problem });
      }
      return edits;
    },
    { diffLabel: target.file, dryRun: options.dryRun },
  );
}
