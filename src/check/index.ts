// The consistency check: rules over the workspace's documents, fixes, and report formats.
export { runCheck, type CheckContext, type CheckOptions, type CheckRun, type FileRef } from './run.js';
export { applyFixes, fixText, MAX_FIX_PASSES, type FileFix } from './fix.js';
export { singleFileDiagnostics } from './single-file.js';
export { readWorkingFile } from './sources.js';
export { RULES, ruleById } from './rules/index.js';
export { renderRulesDoc, ruleDocsUrl, ruleAnchor, RULES_DOC_URL } from './rule-docs.js';
export { FORMATTERS, FORMAT_NAMES } from './formatters/index.js';
export { checkReport } from './formatters/json.js';
export { countDiagnostics, summaryLine, type Formatter, type Paint, type ReportInput, type ReportOutput } from './formatters/types.js';
export type { CheckDiagnostic, Rule, RuleMeta } from './types.js';
