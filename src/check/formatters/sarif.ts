// SARIF 2.1.0 for code-scanning uploads: every rule with its docs URL, every diagnostic with its
// region, related places, and a fingerprint that survives the lines moving.
import { sha256Hex } from '../../hashing.js';
import { RULES } from '../rules/index.js';
import { ruleDocsUrl, RULES_DOC_URL } from '../rule-docs.js';
import type { CheckDiagnostic } from '../types.js';
import { summaryLine, type Formatter, type ReportInput } from './types.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A relative path as a URI reference: `/`-separated, each segment percent-encoded. */
export function pathUri(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

export function sarifLog(input: ReportInput) {
  const index = new Map(RULES.map((rule, i) => [rule.meta.id, i]));
  const occurrences = new Map<string, number>();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'custodian',
            version: input.toolVersion,
            informationUri: RULES_DOC_URL,
            rules: RULES.map(({ meta }) => ({
              id: meta.id,
              shortDescription: { text: meta.description },
              fullDescription: { text: meta.docs },
              helpUri: ruleDocsUrl(meta.id),
              help: { text: `${meta.docs}\n\n${ruleDocsUrl(meta.id)}` },
              defaultConfiguration: { level: LEVELS[meta.severity] },
              properties: { fixable: meta.fixable, scope: meta.scope },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: input.diagnostics.map((d) => result(d, input, index, occurrences)),
      },
    ],
  };
}

function result(d: CheckDiagnostic, input: ReportInput, index: Map<string, number>, occurrences: Map<string, number>) {
  const key = sha256Hex([d.rule_id, d.repo, d.file, d.subject].join('\0')).slice(0, 32);
  const occurrence = (occurrences.get(key) ?? 0) + 1;
  occurrences.set(key, occurrence);
  const ruleIndex = index.get(d.rule_id);
  return {
    ruleId: d.rule_id,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [location(input.displayPath(d.repo, d.file), { startLine: d.line, startColumn: d.column, endLine: d.end_line, endColumn: d.end_column })],
    ...(d.related && d.related.length > 0
      ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            ...location(input.displayPath(r.repo ?? d.repo, r.file), { startLine: r.line, startColumn: r.column }),
            message: { text: r.message ?? 'related place' },
          })),
        }
      : {}),
    partialFingerprints: { 'custodian/v1': `${key}:${occurrence}` },
    properties: { repo: d.repo, fixable: d.fixable },
  };
}

function location(path: string, region: Record<string, number>) {
  return { physicalLocation: { artifactLocation: { uri: pathUri(path) }, region } };
}

export const sarif: Formatter = (input) => ({ stdout: `${JSON.stringify(sarifLog(input), null, 2)}\n`, stderr: `${summaryLine(input)}\n` });
