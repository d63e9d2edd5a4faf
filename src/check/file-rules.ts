// Running the per-file rules over one parsed file. Pure: the text and parse result are given.
import type { ParseResult, Related } from '../documents/model.js';
import type { LineIndex } from '../documents/text.js';
import type { RuleSetting } from '../workspace/types.js';
import { formatMessage } from './messages.js';
import { RULES } from './rules/index.js';
import type { FileRule, Finding, RegistryFacts } from './types.js';
import type { TaskEntry, WorkspaceView } from './view.js';

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

/** What a check knows beyond the file itself: the registry, the day, the rest of the workspace, the settings. */
export interface RuleSurroundings {
  registry: RegistryFacts | null;
  today: string;
  view: WorkspaceView;
  settings(repo: string): Readonly<Record<string, RuleSetting>>;
}

/** The file rules' environment for one file of a check: one definition, for the engine and the fix loop alike. */
export function fileRuleEnv(file: { repo: string; file: string }, around: RuleSurroundings): FileRuleEnv {
  const settings = around.settings(file.repo);
  return {
    registry: around.registry,
    today: around.today,
    // Task files elsewhere naming a workplan: the file's own tasks are in its parse result already.
    tasksNamingWorkplan: (id) => around.view.tasksNamingWorkplan(id).filter((t) => !(t.repo === file.repo && t.file === file.file)),
    enabled: (id) => settings[id] !== 'off',
  };
}

/** A finding with its rule and its message worded (the fix still a function: the engine turns it into data). */
export interface RuleFinding extends Omit<Finding, 'messageId' | 'data'> {
  rule: FileRule['meta'];
  message: string;
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
      report: ({ messageId, data, ...finding }) => findings.push({ ...finding, message: formatMessage(rule.meta, messageId, data), rule: rule.meta }),
    });
  }
  return findings;
}

/** True when the parser reported an error for the file: such a file is never edited by a fix. */
export function hasParseErrors(result: ParseResult): boolean {
  return result.diagnostics.some((d) => d.severity === 'error');
}

export function withRepo(related: readonly Related[] | undefined, repo: string | null): Related[] | undefined {
  if (!related || related.length === 0) return undefined;
  return related.map((r) => (r.repo === undefined && repo !== null ? { repo, ...r } : r));
}
