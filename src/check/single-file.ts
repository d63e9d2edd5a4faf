// What `custodian parse` reports: the parser's diagnostics plus the per-file rules that need no
// registry and no other file, with inline suppressions applied. No workspace, default severities.
import type { Diagnostic, ParseResult } from '../documents/model.js';
import { decodeBytes, LineIndex } from '../documents/text.js';
import { todayUtc } from './dates.js';
import { runFileRules } from './file-rules.js';
import { findSuppressions } from './suppressions.js';

export async function singleFileDiagnostics(result: ParseResult, input: Uint8Array | string): Promise<Diagnostic[]> {
  // A string is BOM-less text already (see parseFile): a second U+FEFF is text.
  const text = typeof input === 'string' ? input : decoded(input);
  if (text === null) return result.diagnostics;
  const lines = new LineIndex(text);
  const findings = runFileRules(
    { repo: null, file: result.file, text, lines, result },
    { registry: null, today: todayUtc(), tasksNamingWorkplan: () => [], enabled: () => true },
  );
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  for (const f of findings) {
    diagnostics.push({
      rule_id: f.rule.id,
      severity: f.rule.severity,
      message: f.message,
      file: result.file,
      ...f.at,
      ...(f.related && f.related.length > 0 ? { related: f.related } : {}),
    });
  }
  const suppressions = await findSuppressions(lines, result);
  return diagnostics
    .filter((d) => !suppressions?.suppresses(d.rule_id, d.line))
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.rule_id < b.rule_id ? -1 : a.rule_id > b.rule_id ? 1 : 0));
}

function decoded(bytes: Uint8Array): string | null {
  const outcome = decodeBytes(bytes);
  return outcome.ok ? outcome.text : null;
}
