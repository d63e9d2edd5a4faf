// Formatters are pure functions of the results: exact output for a fixed set of diagnostics.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';
import { FORMATTERS } from '../../src/check/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/check/formatters/github.js';
import { pathUri, sarifLog } from '../../src/check/formatters/sarif.js';
import type { ReportInput } from '../../src/check/formatters/types.js';
import type { CheckDiagnostic } from '../../src/check/types.js';

const diagnostics: CheckDiagnostic[] = [
  {
    repo: 'ledger-api',
    file: 'workplans/a b,c.md',
    line: 8,
    column: 5,
    end_line: 8,
    end_column: 21,
    rule_id: 'task/duplicate-id',
    severity: 'error',
    message: 'Duplicate task id `X-1`: also declared at ledger-cli workplans/b.md:7',
    fixable: false,
    subject: 'X-1',
    related: [{ repo: 'ledger-cli', file: 'workplans/b.md', line: 7, column: 1, message: 'task `X-1`' }],
  },
  {
    repo: 'ledger-api',
    file: 'workplans/a b,c.md',
    line: 12,
    column: 9,
    end_line: 12,
    end_column: 12,
    rule_id: 'status/alias',
    severity: 'warning',
    message: '100% done\r\nreally',
    fixable: true,
    subject: 'X-2:wip',
  },
  {
    repo: 'ledger-cli',
    file: 'workplans/b.md',
    line: 7,
    column: 5,
    end_line: 7,
    end_column: 9,
    rule_id: 'dependency/unresolved',
    severity: 'info',
    message: 'Unresolved dependency `Y`',
    fixable: false,
    subject: 'X-1->Y',
  },
];

const input: ReportInput = {
  mode: 'workspace',
  diagnostics,
  fileCount: 4,
  displayPath: (repo, file) => `repos/${repo}/${file}`,
  toolVersion: '9.9.9',
};

test('stylish: grouped by file, aligned, summary on stderr', () => {
  expect(FORMATTERS.stylish(input)).toEqual({
    stdout: [
      'repos/ledger-api/workplans/a b,c.md',
      '  8:5   error    Duplicate task id `X-1`: also declared at ledger-cli workplans/b.md:7  task/duplicate-id',
      '  12:9  warning  100% done really                                                       status/alias',
      '',
      'repos/ledger-cli/workplans/b.md',
      '  7:5  info     Unresolved dependency `Y`  dependency/unresolved',
      '',
    ].join('\n'),
    stderr: '3 problems (1 error, 1 warning, 1 info) in 4 files checked; 1 fixable with --fix\n',
  });
  expect(FORMATTERS.stylish({ ...input, diagnostics: [] })).toEqual({ stdout: '', stderr: 'no problems (4 files checked)\n' });
});

test('json: the check-report document', () => {
  const report = JSON.parse(FORMATTERS.json(input).stdout);
  expect(report).toEqual({
    schema_version: 1,
    kind: 'check-report',
    mode: 'workspace',
    error_count: 1,
    warning_count: 1,
    fixable_count: 1,
    diagnostics: [
      {
        repo: 'ledger-api',
        file: 'workplans/a b,c.md',
        line: 8,
        column: 5,
        end_line: 8,
        end_column: 21,
        rule_id: 'task/duplicate-id',
        severity: 'error',
        message: 'Duplicate task id `X-1`: also declared at ledger-cli workplans/b.md:7',
        fixable: false,
        related: [{ repo: 'ledger-cli', file: 'workplans/b.md', line: 7, column: 1 }],
      },
      {
        repo: 'ledger-api',
        file: 'workplans/a b,c.md',
        line: 12,
        column: 9,
        end_line: 12,
        end_column: 12,
        rule_id: 'status/alias',
        severity: 'warning',
        message: '100% done\r\nreally',
        fixable: true,
      },
      {
        repo: 'ledger-cli',
        file: 'workplans/b.md',
        line: 7,
        column: 5,
        end_line: 7,
        end_column: 9,
        rule_id: 'dependency/unresolved',
        severity: 'info',
        message: 'Unresolved dependency `Y`',
        fixable: false,
      },
    ],
  });
});

describe('github', () => {
  test('workflow commands with escaped properties and data; info is a notice', () => {
    expect(FORMATTERS.github(input).stdout).toBe(
      [
        '::error file=repos/ledger-api/workplans/a b%2Cc.md,line=8,col=5,endLine=8,endColumn=21,title=task/duplicate-id::Duplicate task id `X-1`: also declared at ledger-cli workplans/b.md:7',
        '::warning file=repos/ledger-api/workplans/a b%2Cc.md,line=12,col=9,endLine=12,endColumn=12,title=status/alias::100%25 done%0D%0Areally',
        '::notice file=repos/ledger-cli/workplans/b.md,line=7,col=5,endLine=7,endColumn=9,title=dependency/unresolved::Unresolved dependency `Y`',
        '',
      ].join('\n'),
    );
  });

  test('escaping', () => {
    expect(escapeData('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad:e,f');
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
  });
});

describe('sarif', () => {
  const log = sarifLog(input);
  const run = log.runs[0];

  test('2.1.0 with every rule, its docs URL and default level', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(run.tool.driver.name).toBe('custodian');
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.rules).toHaveLength(23);
    expect(run.tool.driver.rules.find((r) => r.id === 'task/duplicate-id')).toMatchObject({
      id: 'task/duplicate-id',
      shortDescription: { text: 'An id declared twice: task and workplan ids anywhere in the workspace, other ids within a repo.' },
      helpUri: `${pathToFileURL(join(PROJECT_ROOT, 'docs', 'rules.md')).href}#task-duplicate-id`,
      defaultConfiguration: { level: 'error' },
    });
  });

  test('results with level, region, percent-encoded relative uri, related locations and fingerprints', () => {
    const [first, second, third] = run.results;
    expect(first).toMatchObject({
      ruleId: 'task/duplicate-id',
      ruleIndex: run.tool.driver.rules.findIndex((r) => r.id === 'task/duplicate-id'),
      level: 'error',
      message: { text: 'Duplicate task id `X-1`: also declared at ledger-cli workplans/b.md:7' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'repos/ledger-api/workplans/a%20b%2Cc.md' },
            region: { startLine: 8, startColumn: 5, endLine: 8, endColumn: 21 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 0,
          physicalLocation: { artifactLocation: { uri: 'repos/ledger-cli/workplans/b.md' }, region: { startLine: 7, startColumn: 1 } },
          message: { text: 'task `X-1`' },
        },
      ],
    });
    expect(second.level).toBe('warning');
    expect(third.level).toBe('note');
    expect(first.partialFingerprints['custodian/v1']).toMatch(/^[0-9a-f]{32}:1$/);
  });

  test('fingerprints do not depend on the line, but on rule, repo, file and subject', () => {
    const moved = sarifLog({ ...input, diagnostics: diagnostics.map((d) => ({ ...d, line: d.line + 10, end_line: d.end_line + 10 })) });
    expect(moved.runs[0].results.map((r) => r.partialFingerprints)).toEqual(run.results.map((r) => r.partialFingerprints));
    const other = sarifLog({ ...input, diagnostics: [{ ...diagnostics[0], subject: 'X-9' }] });
    expect(other.runs[0].results[0].partialFingerprints).not.toEqual(run.results[0].partialFingerprints);
  });

  test('uris', () => {
    expect(pathUri('../ws/repos/a b/#1.md')).toBe('../ws/repos/a%20b/%231.md');
  });
});
