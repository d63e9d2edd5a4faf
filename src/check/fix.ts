// `--fix`: the rules report fixes as data (TextEdit[], in each fixable diagnostic) and one loop,
// the edit engine's fixToFixpoint, applies them: the check's own fixes first, then pass after
// pass on the re-parsed text until nothing changes (at most 10, as ESLint). Each file is written
// atomically by editTextFile, under its lock, and only if its bytes are still those the check read.
import { join, relative } from 'node:path';
import type { TextEdit } from '../documents/model.js';
import { CustodianError } from '../errors.js';
import type { Workspace } from '../workspace/types.js';
import { runEngine } from './engine.js';
import { editEngine } from './fix-edits.js';
import { FILE_RULES, hasParseErrors } from './file-rules.js';
import type { CheckContext, CheckRun } from './run.js';
import { scopeFileFromText } from './scope-file.js';
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

/**
 * The text after every fix that applies, pass after pass, to a fixpoint. `first`: the fixes a
 * check already computed for exactly this text (else the first pass computes them).
 */
export async function fixText(repo: string, file: string, text: string, ctx: CheckContext, first?: readonly TextEdit[]): Promise<{ text: string; passes: number }> {
  const { fixToFixpoint } = await editEngine();
  // Each text is parsed once: the acceptance check of one pass is the next pass's input.
  let last: ScopeFile | null = null;
  const load = async (t: string) => (last !== null && last.text === t ? last : (last = await scopeFileFromText(repo, file, t)));
  let pending = first;
  return fixToFixpoint(
    text,
    async (current) => {
      if (pending !== undefined) {
        const edits = [...pending];
        pending = undefined;
        return edits;
      }
      return fileFixes(await load(current), ctx);
    },
    // Never hand back a text the parser rejects (the YAML edits re-parse, but the file is more).
    { maxPasses: MAX_FIX_PASSES, accept: async (next) => !hasParseErrors((await load(next)).result) },
  );
}

/** The fixes of one file as the engine words them, running only the fixable rules. */
async function fileFixes(file: ScopeFile, ctx: CheckContext): Promise<TextEdit[]> {
  if (hasParseErrors(file.result)) return [];
  const { diagnostics } = await runEngine({
    mode: ctx.registry.mode,
    registry: ctx.registry,
    files: [file],
    outside: ctx.view,
    settings: ctx.settings,
    today: ctx.today,
    rules: FIXABLE_RULES,
  });
  return diagnostics.flatMap((d) => d.fix ?? []);
}

/** Applies the fixes of a check run to the files (or only computes the diffs with dryRun). */
export async function applyFixes(ws: Workspace, run: CheckRun, options: { dryRun?: boolean; cwd?: string } = {}): Promise<FileFix[]> {
  const { editTextFile, replacementEdits } = await editEngine();
  const checkouts = new Map(ws.repos.map((r) => [r.slug, r.checkout]));
  const cwd = options.cwd ?? process.cwd();
  const fixesByFile = new Map<string, TextEdit[]>();
  for (const d of run.diagnostics) {
    if (!d.fix) continue;
    const key = `${d.repo}\0${d.file}`;
    const list = fixesByFile.get(key);
    if (list) list.push(...d.fix);
    else fixesByFile.set(key, [...d.fix]);
  }
  const results: FileFix[] = [];
  for (const file of run.files) {
    const first = fixesByFile.get(`${file.repo}\0${file.file}`);
    if (!first) continue;
    const path = join(checkouts.get(file.repo)!, file.file);
    const base = { repo: file.repo, file: file.file, path };
    try {
      // expectedHash: the edit refuses a file whose bytes are no longer those the fixes were computed on.
      const outcome = await editTextFile(
        path,
        async (current) => replacementEdits(current.text, (await fixText(file.repo, file.file, current.text, run.context, first)).text),
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
