// `rules`: every check rule with its default severity, whether it is fixable, and its documentation.
import { RULES, ruleDocsUrl } from '../check/index.js';
import type { RuleScope } from '../check/types.js';
import type { Severity } from '../documents/model.js';

export interface RuleItem {
  id: string;
  severity: Severity;
  fixable: boolean;
  scope: RuleScope;
  description: string;
  docs: string;
  docs_url: string;
}

export interface RuleListDocument {
  schema_version: 1;
  kind: 'rule-list';
  items: RuleItem[];
}

/** Needs no workspace: the rules are the tool's. */
export async function rules(): Promise<RuleListDocument> {
  return {
    schema_version: 1,
    kind: 'rule-list',
    items: RULES.map(({ meta }) => ({
      id: meta.id,
      severity: meta.severity,
      fixable: meta.fixable,
      scope: meta.scope,
      description: meta.description,
      docs: meta.docs,
      docs_url: ruleDocsUrl(meta.id),
    })),
  };
}
