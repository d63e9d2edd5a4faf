// Constructors for rule modules: a rule is metadata plus one function (ESLint's shape). The
// parser-level rules have metadata and docs only; the parser reports their diagnostics.
import { PARSER_RULES, type ParserRuleId } from '../documents/model.js';
import type { FileRule, FileRuleContext, RuleMeta, WorkspaceRule, WorkspaceRuleContext } from './types.js';

/** A rule's metadata; `M` are the ids of its named messages, so a finding can only name one of them. */
type Meta<M extends string> = Omit<RuleMeta, 'scope' | 'parser' | 'messages'> & { messages: Readonly<Record<M, string>> };

export function fileRule<M extends string>(meta: Meta<M>, check: (ctx: FileRuleContext<M>) => void): FileRule {
  return { meta: { ...meta, scope: 'file' }, check: check as (ctx: FileRuleContext) => void };
}

export function workspaceRule<M extends string>(meta: Meta<M>, check: (ctx: WorkspaceRuleContext<M>) => void): WorkspaceRule {
  return { meta: { ...meta, scope: 'workspace' }, check: check as (ctx: WorkspaceRuleContext) => void };
}

/** A rule the parser reports: its id is one of the parser's typed ids, and its severity the parser's. */
export function parserRule(meta: Omit<Meta<never>, 'fixable' | 'severity' | 'id' | 'messages'> & { id: ParserRuleId }): FileRule {
  return { meta: { ...meta, severity: PARSER_RULES[meta.id], fixable: false, scope: 'file', parser: true, messages: {} } };
}
