// Runs the rule engine in memory over files given as text: no index, no git. The registry is a
// small fixed one (domain `payments`, repos `ledger-api` and `ledger-cli`); files live in
// `ledger-api` unless a `repo:path` key says otherwise.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEngine } from '../../src/check/engine.js';
import { fixText } from '../../src/check/fix.js';
import { loadScopeFile } from '../../src/check/scope-file.js';
import type { CheckDiagnostic, RegistryFacts, ScopeFile } from '../../src/check/types.js';
import { MemoryView } from '../../src/check/view.js';
import type { RuleSetting, WorkspaceMode } from '../../src/workspace/types.js';

export const RULE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'rules');

export interface HarnessOptions {
  mode?: WorkspaceMode;
  settings?: Record<string, RuleSetting>;
  today?: string;
}

export const TODAY = '2026-11-24';

function registry(mode: WorkspaceMode): RegistryFacts {
  return { mode, domains: new Set(['payments']), repos: new Set(mode === 'workspace' ? ['ledger-api', 'ledger-cli'] : ['ledger-api']) };
}

async function scopeFiles(files: Record<string, string | Buffer>): Promise<ScopeFile[]> {
  const loaded: ScopeFile[] = [];
  for (const [key, content] of Object.entries(files)) {
    const [repo, file] = key.includes(':') ? key.split(':') : ['ledger-api', key];
    loaded.push(await loadScopeFile(repo, file, { bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content }));
  }
  return loaded;
}

/** Every diagnostic of a check of exactly these files (the whole workspace). */
export async function checkFiles(files: Record<string, string | Buffer>, options: HarnessOptions = {}): Promise<CheckDiagnostic[]> {
  const mode = options.mode ?? 'workspace';
  const result = await runEngine({
    mode,
    registry: registry(mode),
    files: await scopeFiles(files),
    outside: null,
    settings: () => options.settings ?? {},
    today: options.today ?? TODAY,
  });
  return result.diagnostics;
}

/** A rule fixture's content: test/check/rules/<rule id>/<name>. */
export function fixture(ruleId: string, name: string): Buffer {
  return readFileSync(join(RULE_FIXTURES, ruleId, name));
}

/** Rule id and position only: what the tests pin (not the wording). */
export function positions(diagnostics: readonly CheckDiagnostic[], ruleId?: string) {
  return diagnostics
    .filter((d) => ruleId === undefined || d.rule_id === ruleId)
    .map((d) => ({ rule_id: d.rule_id, line: d.line, column: d.column, end_line: d.end_line, end_column: d.end_column }));
}

/** The text after `--fix` of one file checked alone. */
export async function fixFile(path: string, text: string, options: HarnessOptions = {}): Promise<string> {
  const mode = options.mode ?? 'workspace';
  const ctx = {
    registry: registry(mode),
    today: options.today ?? TODAY,
    view: new MemoryView([], []),
    settings: () => options.settings ?? {},
  };
  return (await fixText('ledger-api', path, text, ctx)).text;
}
