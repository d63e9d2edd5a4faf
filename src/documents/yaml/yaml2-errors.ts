// `yaml` 2's errors and warnings as findings of the shared kinds.
import type { YAMLError } from 'yaml';
import { finding, type Finding } from './finding.js';

/**
 * Warnings about tags the subset scan rejects anyway (unresolved, or naming the wrong collection
 * type) are left to the scan, which reports them where js-yaml's reader does: as subset violations
 * after every parse problem. Every other warning (an anchor or alias ending in `:`, a flow
 * indicator indented too little) is a parse problem, as in js-yaml.
 */
const LEFT_TO_SCAN = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

export function yaml2Findings(errors: readonly YAMLError[], warnings: readonly YAMLError[]): Finding[] {
  const found = errors.map(toFinding);
  for (const warning of warnings) if (!LEFT_TO_SCAN.has(warning.code)) found.push(toFinding(warning));
  return found;
}

function toFinding(error: YAMLError): Finding {
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return finding(kindOf(error), error.pos[0], message);
}

/**
 * yaml 2's errors are parse errors: a duplicate key, exhausted recursion, or syntax. A malformed
 * anchor, alias or tag is a syntax error too (js-yaml fails on it the same way); well-formed ones
 * are subset violations, which the subset scan reports by position.
 */
function kindOf(error: YAMLError): Finding['kind'] {
  if (error.code === 'DUPLICATE_KEY') return 'duplicate-key';
  if (error.code === 'RESOURCE_EXHAUSTION') return 'too-deep';
  return 'syntax';
}
