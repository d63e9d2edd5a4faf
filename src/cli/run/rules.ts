// `rules`: the rule list for people (one block per rule) and programs (`rule-list` JSON).
import { rules } from '../../api/rules.js';
import type { RulesFlags } from '../commands/rules.js';
import { colors, writeJson, writeLines } from '../output.js';

export async function listRules(flags: RulesFlags): Promise<void> {
  const doc = await rules();
  if (flags.json) {
    writeJson(doc);
    return;
  }
  const c = colors();
  const lines: string[] = [];
  for (const rule of doc.items) {
    lines.push(`${c.bold(rule.id)}  ${rule.severity}${rule.fixable ? ', fixable' : ''}`);
    lines.push(`  ${rule.description}`);
    lines.push(...wrap(rule.docs, 96).map((line) => `  ${c.dim(line)}`));
    lines.push(`  ${c.underline(rule.docs_url)}`, '');
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
