// Running the per-file rules over one parsed file. Pure: the text and parse result are given.
import type { ParseResult, Related, TextEdit } from '../documents/model.js';
import type { LineIndex } from '../documents/text.js';
import { RULES } from './rules/index.js';
import type { FileRule, Finding, RegistryFacts } from './types.js';
import type { TaskEntry } from './view.js';

export interface FileInput {
  repo: string | null;
  file: string;
  text: string;
  lines: LineIndex;
  result: ParseResult;
}

export interface FileRuleEnv {
  registry: RegistryFacts | null;
  today: string;
  tasksNamingWorkplan(workplanId: string): readonly TaskEntry[];
  /** Whether a rule runs for this file's repo (settings may turn it off). */
  enabled(ruleId: string): boolean;
}

export interface RuleFinding extends Finding {
  rule: FileRule['meta'];
}

export const FILE_RULES: readonly FileRule[] = RULES.filter((r): r is FileRule => r.meta.scope === 'file' && !r.meta.parser);

export function runFileRules(input: FileInput, env: FileRuleEnv, rules: readonly FileRule[] = FILE_RULES): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    if (!rule.check || !env.enabled(rule.meta.id)) continue;
    if (rule.meta.registry && (env.registry === null || env.registry.mode !== 'workspace')) continue;
    rule.check({
      repo: input.repo,
      file: input.file,
      text: input.text,
      lines: input.lines,
      result: input.result,
      registry: env.registry,
      today: env.today,
      tasksNamingWorkplan: (id) => env.tasksNamingWorkplan(id),
      report: (finding) => findings.push({ ...finding, rule: rule.meta }),
    });
  }
  return findings;
}

/** True when the parser reported an error for the file: such a file is never edited by a fix. */
export function hasParseErrors(result: ParseResult): boolean {
  return result.diagnostics.some((d) => d.severity === 'error');
}

export type FixThunk = () => Promise<TextEdit[]>;

export function withRepo(related: readonly Related[] | undefined, repo: string | null): Related[] | undefined {
  if (!related || related.length === 0) return undefined;
  return related.map((r) => (r.repo === undefined && repo !== null ? { repo, ...r } : r));
}
