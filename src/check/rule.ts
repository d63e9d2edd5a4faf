// Constructors for rule modules: a rule is metadata plus one function (ESLint's shape). The
// parser-level rules have metadata and docs only; the parser reports their diagnostics.
import type { FileRule, FileRuleContext, RuleMeta, WorkspaceRule, WorkspaceRuleContext } from './types.js';

type Meta = Omit<RuleMeta, 'scope' | 'parser'>;

export function fileRule(meta: Meta, check: (ctx: FileRuleContext) => void): FileRule {
  return { meta: { ...meta, scope: 'file' }, check };
}

export function workspaceRule(meta: Meta, check: (ctx: WorkspaceRuleContext) => void): WorkspaceRule {
  return { meta: { ...meta, scope: 'workspace' }, check };
}

export function parserRule(meta: Omit<Meta, 'fixable'>): FileRule {
  return { meta: { ...meta, fixable: false, scope: 'file', parser: true } };
}
