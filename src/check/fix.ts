// `--fix`: the fixes are data (TextEdit[]) computed by the rules and applied by the one edit
// engine (src/edit): applyEdits sorts them and skips overlaps, and the passes repeat on the
// re-parsed text until nothing changes (at most 10, as fixToFixpoint does; the rules need the
// async parser, so the loop is spelled out here). Each file is written atomically by
// editTextFile, under its lock, and only if its bytes are still those the check read.
import { join, relative } from 'node:path';
import type { TextEdit } from '../documents/model.js';
import { CustodianError } from '../errors.js';
import type { Workspace } from '../workspace/types.js';
import { FILE_RULES, hasParseErrors, runFileRules } from './file-rules.js';
import { editEngine } from './fix-edits.js';
import type { CheckContext, CheckRun } from './run.js';
import { scopeFileFromText } from './scope-file.js';
import { findSuppressions } from './suppressions.js';
import type { ScopeFile } from './types.js';

export const MAX_FIX_PASSES = 10;

const FIXABLE_RULES = FILE_RULES.filter((r) => r.meta.fixable);

export interface FileFix {
  repo: string;
  file: string;
  /** Absolute path. */
  path: string;
  changed: boolean;
  /** The fixed text (BOM-less); the text as it was when unchanged or skipped. */
  after: string;
  diff: string;
  /** Why the file was left alone, when it was (it changed since the check read it, …). */
  skipped?: string;
}

/** The text after every fix that applies, pass after pass, to a fixpoint. */
export async function fixText(repo: string, file: string, text: string, ctx: CheckContext): Promise<{ text: string; passes: number }> {
  const { applyEdits } = await editEngine();
  let current = await scopeFileFromText(repo, file, text);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const edits = await fixEdits(current, ctx);
    if (edits.length === 0) break;
    const next = applyEdits(current.text, edits).text;
    if (next === current.text) break;
    const parsed = await scopeFileFromText(repo, file, next);
    // Never hand back a text the parser rejects (the YAML edits re-parse, but the file is more).
    if (hasParseErrors(parsed.result)) break;
    current = parsed;
    passes++;
  }
  return { text: current.text, passes };
}

/** The edits of one pass: every enabled, unsuppressed fixable finding of a file that parses. */
async function fixEdits(file: ScopeFile, ctx: CheckContext): Promise<TextEdit[]> {
  if (hasParseErrors(file.result)) return [];
  const settings = ctx.settings(file.repo);
  const findings = runFileRules(
    file,
    {
      registry: ctx.registry,
      today: ctx.today,
      tasksNamingWorkplan: (id) => ctx.view.tasksNamingWorkplan(id).filter((t) => !(t.repo === file.repo && t.file === file.file)),
      enabled: (id) => settings[id] !== 'off',
    },
    FIXABLE_RULES,
  );
  if (findings.length === 0) return [];
  const suppressions = await findSuppressions(file.lines, file.result);
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    if (!finding.fix || suppressions?.suppresses(finding.rule.id, finding.at.line)) continue;
    try {
      edits.push(...(await finding.fix()));
    } catch (error) {
      // A fix the edit engine refuses (it would not re-parse the same) is left for a person.
      if (!(error instanceof CustodianError)) throw error;
    }
  }
  return edits;
}

/** Applies the fixes of a check run to the files (or only computes the diffs with dryRun). */
export async function applyFixes(ws: Workspace, run: CheckRun, options: { dryRun?: boolean; cwd?: string } = {}): Promise<FileFix[]> {
  const { editTextFile, replacementEdits } = await editEngine();
  const checkouts = new Map(ws.repos.map((r) => [r.slug, r.checkout]));
  const cwd = options.cwd ?? process.cwd();
  const results: FileFix[] = [];
  for (const file of run.fixes.keys()) {
    const path = join(checkouts.get(file.repo)!, file.file);
    const base = { repo: file.repo, file: file.file, path };
    try {
      const outcome = await editTextFile(
        path,
        async (current) => replacementEdits(current.text, (await fixText(file.repo, file.file, current.text, run.context)).text),
        { expectedHash: file.hash, dryRun: options.dryRun, diffLabel: relative(cwd, path).split('\\').join('/') },
      );
      results.push({ ...base, changed: outcome.changed, after: outcome.after, diff: outcome.diff });
    } catch (error) {
      if (!(error instanceof CustodianError) || error.code === 'internal' || error.code === 'usage') throw error;
      results.push({ ...base, changed: false, after: file.text, diff: '', skipped: error.message });
    }
  }
  return results;
}
