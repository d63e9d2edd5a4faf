// docs/rules.md, generated from the rule modules (scripts/gen-rules-doc.mjs writes it; a test
// fails when the checked-in file is stale), and the URL of each rule's section: the file the
// installed package ships, so the link opens wherever custodian runs.
import { packageFileUrl } from '../package-files.js';
import type { Rule, RuleMeta } from './types.js';

export const RULES_DOC_URL = packageFileUrl('docs/rules.md');

export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '-');
}

export function ruleDocsUrl(id: string): string {
  return `${RULES_DOC_URL}#${ruleAnchor(id)}`;
}

const INTRO = `# Check rules

<!-- Generated from src/check/rules/ by scripts/gen-rules-doc.mjs; do not edit by hand. -->

\`custodian check\` runs these rules; \`custodian parse\` runs the per-file ones that need no
registry. \`custodian rules\` lists them with the same text. Severities are the defaults; set
\`off\`, \`info\`, \`warning\` or \`error\` per rule in \`custodian.yaml\` (\`rules:\` at the top
level for the workspace, or on a repo entry for that repo):

\`\`\`yaml
rules:
  file/id-mismatch: off
repos:
  - slug: docs-site
    # …
    rules:
      frontmatter/missing: off
\`\`\`

Inline, \`<!-- custodian-disable-next-line rule-id[, rule-id] -->\` silences the next line (the
whole fenced block when the next line opens one), \`<!-- custodian-disable rule-id -->\` the
whole file, and inside front-matter or a task block \`# custodian-disable-next-line rule-id\`
the next YAML line. Without ids they silence every rule; text after \` -- \` is a reason.
Comments inside other fenced code are examples and do nothing.

Errors fail the check (exit 1); warnings fail it only past \`--max-warnings N\`; info never
does. A rule marked fixable is fixed by \`check --fix\` (\`--fix --dry-run\` shows the diff).`;

function scopeText(meta: RuleMeta): string {
  if (meta.parser) return 'one file (reported by the parser)';
  if (meta.scope === 'workspace') return 'the workspace (cross-file)';
  return meta.registry ? 'one file, against the registry' : 'one file';
}

export function renderRulesDoc(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const out = [INTRO, '', '| rule | severity | fixable | what |', '| --- | --- | --- | --- |'];
  for (const { meta } of sorted) {
    out.push(`| [\`${meta.id}\`](#${ruleAnchor(meta.id)}) | ${meta.severity} | ${meta.fixable ? 'yes' : ''} | ${meta.description.replace(/\|/g, '\\|')} |`);
  }
  for (const { meta } of sorted) {
    out.push(
      '',
      `<a id="${ruleAnchor(meta.id)}"></a>`,
      '',
      `## \`${meta.id}\``,
      '',
      `${meta.description}`,
      '',
      `- Default severity: ${meta.severity}`,
      `- Scope: ${scopeText(meta)}`,
      `- Fixable: ${meta.fixable ? 'yes (`check --fix`)' : 'no'}`,
      '',
      meta.docs,
    );
  }
  return `${out.join('\n')}\n`;
}
