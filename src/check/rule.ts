// Constructors for rule modules: a rule is metadata plus one function (ESLint's shape). The
// parser-level rules have metadata and docs only; the parser reports their diagnostics.
import { PARSER_RULES, type ParserRuleId } from '../documents/model.js';
import type { FileRule, FileRuleContext, RuleMeta, WorkspaceRule, WorkspaceRuleContext } from './types.js';

type Meta = Omit<RuleMeta, 'scope' | 'parser'>;

export function fileRule(meta: Meta, check: (ctx: FileRuleContext) => void): FileRule {
  return { meta: { ...meta, scope: 'file' }, check };
}

export function workspaceRule(meta: Meta, check: (ctx: WorkspaceRuleContext) => void): WorkspaceRule {
  return { meta: { ...meta, scope: 'workspace' }, check };
}

/** A rule the parser reports: its id is one of the parser's typed ids, and its severity the parser's. */
export function parserRule(meta: Omit<Meta, 'fixable' | 'severity' | 'id'> & { id: ParserRuleId }): FileRule {
  return { meta: { ...meta, severity: PARSER_RULES[meta.id], fixable: false, scope: 'file', parser: true } };
}
