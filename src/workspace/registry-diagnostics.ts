// Positions for registry problems. locate.ts pulls in the `yaml` 2 CST parser, so it is imported
// only when something is wrong: a valid registry never pays for it at start-up.
import { CustodianError } from '../errors.js';
import type { Diagnostic } from '../documents/model.js';
import { REGISTRY_MAX_BYTES } from './types.js';

export type YamlPath = (string | number)[];

/** A problem found in a registry file, positioned later (only on the error path). */
export interface RegistryProblem {
  rule_id: string;
  /** 'custodian.yaml' or 'custodian.local.yaml' (relative to the workspace root). */
  file: string;
  message: string;
  /** Where it is: a key path into the file, or an exact line and column (YAML syntax errors). */
  at: { path: YamlPath; part: 'key' | 'value' } | { line: number; column: number };
  related?: { file: string; path: YamlPath; message: string };
}

export interface RegistryFileText {
  /** Path relative to the workspace root, as used in `RegistryProblem.file`. */
  file: string;
  /** BOM-less text. */
  text: string;
  /** How the file is named in messages (relative to the current directory). */
  display: string;
}

interface Position {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

type Locate = typeof import('../documents/yaml/locate.js').locateKey;

/** Positions every problem and throws the `invalid-workspace` error that lists them all. */
export async function throwRegistryProblems(problems: RegistryProblem[], files: RegistryFileText[]): Promise<never> {
  const { locateKey } = await import('../documents/yaml/locate.js');
  const byFile = new Map(files.map((f) => [f.file, f]));
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const source = byFile.get(problem.file);
    const position = source ? positionOf(locateKey, source.text, problem.at) : START;
    const diagnostic: Diagnostic = {
      rule_id: problem.rule_id,
      severity: 'error',
      message: problem.message,
      file: problem.file,
      ...position,
    };
    if (problem.related && byFile.has(problem.related.file)) {
      const related = positionOf(locateKey, byFile.get(problem.related.file)!.text, {
        path: problem.related.path,
        part: 'value',
      });
      diagnostic.related = [{ file: problem.related.file, line: related.line, column: related.column, message: problem.related.message }];
    }
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  const lines = diagnostics.map((d) => `${byFile.get(d.file)?.display ?? d.file}:${d.line}:${d.column}: ${d.message}`);
  throw new CustodianError('invalid-workspace', lines.join('\n'), { details: { diagnostics } });
}

const START: Position = { line: 1, column: 1, end_line: 1, end_column: 1 };

function positionOf(locateKey: Locate, text: string, at: RegistryProblem['at']): Position {
  if ('line' in at) return { line: at.line, column: at.column, end_line: at.line, end_column: at.column };
  // A missing key has no position of its own: fall back to the nearest enclosing node that exists.
  for (let length = at.path.length; length >= 0; length--) {
    const found = locateKey(text, at.path.slice(0, length), { maxBytes: REGISTRY_MAX_BYTES });
    if (!found) continue;
    // An empty value (`description:`) has no text of its own: point at its key.
    const value = found.value && found.value.end > found.value.start ? found.value : null;
    const span = at.part === 'key' && length === at.path.length ? found.key ?? value : value ?? found.key ?? found.value;
    if (span) return { line: span.line, column: span.column, end_line: span.end_line, end_column: span.end_column };
  }
  return START;
}
