// `custodian check` end to end: the real CLI over a workspace of real git repos.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitRepo, PROJECT_ROOT, removeTempDirs, runCli, runCliJson, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const API_PLAN = `---
id: LEDG-WP-0001
type: workplan
title: Idempotent postings
domain: payments
repo: ledger-api
status: active
---

# Idempotent postings

\`\`\`task
id: LEDG-WP-0001-T01
status: todo
depends_on: [LCLI-WP-0001-T01]
\`\`\`

\`\`\`task
id: SHARED-1
status: wip
\`\`\`
`;

const CLI_PLAN = `---
id: LCLI-WP-0001
domain: payments
repo: ledger-cli
---

\`\`\`task
id: LCLI-WP-0001-T01
status: todo
depends_on: [LEDG-WP-0009-T01]
\`\`\`

\`\`\`task
id: SHARED-1
\`\`\`
`;

let ws: string;
let api: string;
let cli: string;

beforeAll(() => {
  api = gitRepo({ 'workplans/LEDG-WP-0001-idempotent-postings.md': API_PLAN, 'README.md': '# ledger-api\n' });
  cli = gitRepo({ 'workplans/LCLI-WP-0001-currency-flag.md': CLI_PLAN });
  ws = tempDir();
  writeFiles(ws, {
    'custodian.yaml': [
      'version: 1',
      'domains:',
      '  - slug: payments',
      '    name: Payments',
      'repos:',
      '  - slug: ledger-api',
      '    name: Ledger API',
      '    domain: payments',
      `    path: ${api}`,
      '  - slug: ledger-cli',
      '    name: Ledger CLI',
      '    domain: payments',
      `    path: ${cli}`,
      '',
    ].join('\n'),
  });
});

const DUPLICATE_IN_API = {
  repo: 'ledger-api',
  file: 'workplans/LEDG-WP-0001-idempotent-postings.md',
  line: 19,
  column: 5,
  end_line: 19,
  end_column: 13,
  rule_id: 'task/duplicate-id',
  severity: 'error',
  message: 'Duplicate task id `SHARED-1`: also declared at ledger-cli workplans/LCLI-WP-0001-currency-flag.md:13',
  fixable: false,
  related: [{ repo: 'ledger-cli', file: 'workplans/LCLI-WP-0001-currency-flag.md', line: 13, column: 1 }],
};
const ALIAS_IN_API = {
  repo: 'ledger-api',
  file: 'workplans/LEDG-WP-0001-idempotent-postings.md',
  line: 20,
  column: 9,
  end_line: 20,
  end_column: 12,
  rule_id: 'status/alias',
  severity: 'warning',
  message: 'Unexpected task status alias `wip` on `SHARED-1`, expected `in_progress`',
  fixable: true,
};

describe('workspace mode', () => {
  test('--format json: the whole workspace, cross-repo duplicates and dependencies, exit 1 on errors', () => {
    const { code, json } = runCliJson(['check', '--format', 'json'], { cwd: ws });
    expect(code).toBe(1);
    expect(json).toEqual({
      schema_version: 1,
      kind: 'check-report',
      mode: 'workspace',
      error_count: 3,
      warning_count: 1,
      fixable_count: 1,
      diagnostics: [
        DUPLICATE_IN_API,
        ALIAS_IN_API,
        {
          repo: 'ledger-cli',
          file: 'workplans/LCLI-WP-0001-currency-flag.md',
          line: 10,
          column: 14,
          end_line: 10,
          end_column: 30,
          rule_id: 'dependency/unknown',
          severity: 'error',
          message: 'Unknown dependency `LEDG-WP-0009-T01` of `LCLI-WP-0001-T01`: no task in the workspace has this id',
          fixable: false,
        },
        {
          repo: 'ledger-cli',
          file: 'workplans/LCLI-WP-0001-currency-flag.md',
          line: 14,
          column: 5,
          end_line: 14,
          end_column: 13,
          rule_id: 'task/duplicate-id',
          severity: 'error',
          message: 'Duplicate task id `SHARED-1`: also declared at ledger-api workplans/LEDG-WP-0001-idempotent-postings.md:18',
          fixable: false,
          related: [{ repo: 'ledger-api', file: 'workplans/LEDG-WP-0001-idempotent-postings.md', line: 18, column: 1 }],
        },
      ],
    });
  });

  test('PATH limits the report to that file; cross-file rules still see the other repo', () => {
    const { code, json } = runCliJson(['-w', ws, 'check', '--json', 'workplans/LEDG-WP-0001-idempotent-postings.md'], { cwd: api });
    expect(code).toBe(1);
    expect(json.diagnostics).toEqual([DUPLICATE_IN_API, ALIAS_IN_API]);
  });

  test('--repo with a repo-relative path, and a folder standing for its planning files', () => {
    const byRepo = runCliJson(['check', '--json', '--repo', 'ledger-api', 'workplans/LEDG-WP-0001-idempotent-postings.md'], { cwd: ws });
    expect(byRepo.json.diagnostics).toEqual([DUPLICATE_IN_API, ALIAS_IN_API]);
    const folder = runCliJson(['check', '--json', join(cli, 'workplans')], { cwd: ws });
    expect(folder.json.diagnostics.map((d: { repo: string; line: number }) => [d.repo, d.line])).toEqual([
      ['ledger-cli', 10],
      ['ledger-cli', 14],
    ]);
  });

  test('a path that is no planning file is skipped with a note; nothing left to check exits 0', () => {
    const result = runCli(['check', 'README.md'], { cwd: api });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('skipped: README.md');
  });

  test('stylish: paths relative to the current directory, no colour when not a TTY', () => {
    const result = runCli(['check', '--repo', 'ledger-api'], { cwd: ws, env: { NO_COLOR: undefined } });
    expect(result.stdout).toBe(
      [
        relativeFrom(ws, join(api, 'workplans/LEDG-WP-0001-idempotent-postings.md')),
        '  19:5  error    Duplicate task id `SHARED-1`: also declared at ledger-cli workplans/LCLI-WP-0001-currency-flag.md:13  task/duplicate-id',
        '  20:9  warning  Unexpected task status alias `wip` on `SHARED-1`, expected `in_progress`                              status/alias',
        '',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stderr).toContain('2 problems (1 error, 1 warning, 0 info) in 1 file checked; 1 fixable with --fix');
  });

  test('github format annotates with paths relative to the current directory', () => {
    const result = runCli(['check', '--format', 'github', 'workplans'], { cwd: cli, env: { CUSTODIAN_WORKSPACE: ws } });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      '::error file=workplans/LCLI-WP-0001-currency-flag.md,line=10,col=14,endLine=10,endColumn=30,title=dependency/unknown::Unknown dependency `LEDG-WP-0009-T01` of `LCLI-WP-0001-T01`: no task in the workspace has this id',
    );
  });

  test('sarif: a log with rules and relative uris', () => {
    const { code, json } = runCliJson(['check', '--format', 'sarif'], { cwd: cli, env: { CUSTODIAN_WORKSPACE: ws } });
    expect(code).toBe(1);
    expect(json.version).toBe('2.1.0');
    const uris = json.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('workplans/LCLI-WP-0001-currency-flag.md');
    expect(uris).toContain(relativeFrom(cli, join(api, 'workplans/LEDG-WP-0001-idempotent-postings.md')));
  });
});

describe('exit codes and options', () => {
  test('warnings pass unless --max-warnings is exceeded', () => {
    const clean = gitRepo({ 'workplans/X-WP-1.md': '---\nid: X-WP-1\n---\n\n```task\nid: X-WP-1-T01\nstatus: wip\n```\n' });
    expect(runCli(['check'], { cwd: clean, env: cacheEnv() }).code).toBe(0);
    expect(runCli(['check', '--max-warnings', '1'], { cwd: clean, env: cacheEnv() }).code).toBe(0);
    const over = runCli(['check', '--max-warnings', '0'], { cwd: clean, env: cacheEnv() });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warnings, more than --max-warnings 0');
  });

  test('usage errors exit 2, as JSON with --format json', () => {
    expect(runCli(['check', '--format', 'xml'], { cwd: ws }).code).toBe(2);
    expect(runCli(['check', '--max-warnings', 'many'], { cwd: ws }).code).toBe(2);
    expect(runCli(['check', '--dry-run'], { cwd: ws }).code).toBe(2);
    // An unknown repo is a lookup that found nothing, as for every other command (not a usage error).
    const unknownRepo = runCliJson(['check', '--format', 'json', '--repo', 'nope'], { cwd: ws });
    expect(unknownRepo.code).toBe(1);
    expect(unknownRepo.json).toMatchObject({ schema_version: 1, kind: 'error', code: 'not-found' });
    expect(runCli(['check', 'no/such/file.md'], { cwd: ws }).code).toBe(2);
  });

  test('rule severities from custodian.yaml, overridden per repo; an unknown rule id is a warning', () => {
    const root = tempDir();
    const repo = gitRepo({ 'workplans/X-WP-1.md': '---\nid: X-WP-1\nstatus: in-progress\n---\n' });
    writeFileSync(
      join(root, 'custodian.yaml'),
      `version: 1\nrules:\n  status/alias: error\n  no/such-rule: off\ndomains:\n  - slug: d\n    name: D\nrepos:\n  - slug: x\n    name: X\n    domain: d\n    path: ${repo}\n`,
    );
    const strict = runCliJson(['check', '--json'], { cwd: root });
    expect(strict.code).toBe(1);
    expect(strict.json.diagnostics.map((d: any) => [d.rule_id, d.severity])).toEqual([['status/alias', 'error']]);
    expect(strict.stderr).toContain('unknown rule `no/such-rule`');
    writeFileSync(join(root, 'custodian.yaml'), `version: 1\nrules:\n  status/alias: error\ndomains:\n  - slug: d\n    name: D\nrepos:\n  - slug: x\n    name: X\n    domain: d\n    path: ${repo}\n    rules:\n      status/alias: off\n`);
    const off = runCliJson(['check', '--json'], { cwd: root });
    expect([off.code, off.json.diagnostics]).toEqual([0, []]);
  });
});

describe('custodian rules', () => {
  test('--json lists every rule with severity, fixable, docs and its URL', () => {
    const { code, json } = runCliJson(['rules', '--json']);
    expect(code).toBe(0);
    expect(json.kind).toBe('rule-list');
    expect(json.items).toHaveLength(23);
    expect(json.items.find((r: any) => r.id === 'status/alias')).toMatchObject({
      severity: 'warning',
      fixable: true,
    });
    // The docs the installed package ships: the link opens wherever custodian runs.
    const url = json.items.find((r: any) => r.id === 'status/alias').docs_url as string;
    expect(url).toBe(`${pathToFileURL(join(PROJECT_ROOT, 'docs', 'rules.md')).href}#status-alias`);
    expect(readFileSync(fileURLToPath(url.split('#')[0]), 'utf8')).toContain('<a id="status-alias"></a>');
  });

  test('the human list shows each id, severity and docs paragraph', () => {
    const { code, stdout } = runCli(['rules']);
    expect(code).toBe(0);
    expect(stdout).toContain('workplan/status-rollup  warning, fixable\n');
    expect(stdout).toContain('dependency/unresolved  info\n');
  });
});

test('parse runs the single-file rules (and not the registry or cross-file ones)', () => {
  const dir = tempDir();
  writeFiles(dir, { 'plan.md': '---\nid: X-WP-1\ndomain: nowhere\nstatus: in-progress\n---\n\n```task\nid: X-WP-1-T01\ndepends_on: [NOPE]\n```\n' });
  const { code, json } = runCliJson(['parse', '--json', 'plan.md'], { cwd: dir });
  expect(code).toBe(0);
  expect(json.files[0].diagnostics.map((d: any) => [d.rule_id, d.line, d.column])).toEqual([
    ['file/id-mismatch', 2, 5],
    ['status/alias', 4, 9],
  ]);
});

function relativeFrom(from: string, to: string): string {
  return relative(from, to).split('\\').join('/');
}

function cacheEnv(): Record<string, string> {
  return { XDG_CACHE_HOME: tempDir('custodian-cache-') };
}
