// The rule list, for people (one block per rule) and programs (`rule-list` JSON).
import { RULES, ruleDocsUrl } from '../../check/index.js';
import { colors, writeJson, writeLines } from '../output.js';

export function rulesJson() {
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

export async function listRules(flags: { json?: boolean }): Promise<void> {
  if (flags.json) {
    writeJson(rulesJson());
    return;
  }
  const c = colors();
  const lines: string[] = [];
  for (const { meta } of RULES) {
    lines.push(`${c.bold(meta.id)}  ${meta.severity}${meta.fixable ? ', fixable' : ''}`);
    lines.push(`  ${meta.description}`);
    lines.push(...wrap(meta.docs, 96).map((line) => `  ${c.dim(line)}`));
    lines.push(`  ${c.underline(ruleDocsUrl(meta.id))}`, '');
  }
  writeLines(lines);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
