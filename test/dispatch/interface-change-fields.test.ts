// An interface change's fields are read once (src/documents/interface-change.ts) and print the
// same values in the same order in every document that shows them: `interface-change show|list`,
// the snapshot, dispatch's pending changes and the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interfaceChangeFields, interfaceChangeFrontMatter } from '../../src/documents/interface-change.js';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { fixtureCopy } from './workspace.js';

const FIELDS = ['change_type', 'interface_type', 'origin_repo', 'affected_repos', 'affected_paths', 'planned_for', 'published_at', 'resolved_at'];

describe('reading an interface change', () => {
  it('reads wrong types as null or an empty list, numbers and booleans as text, the origin from the file when `repo:` is missing', () => {
    expect(interfaceChangeFields({ change_type: 3, interface_type: true, affected_repos: 'cli', affected_paths: ['a', 7, { b: 1 }, ''], planned_for: ['x'], published_at: '' }, 'api')).toEqual({
      change_type: '3',
      interface_type: 'true',
      origin_repo: 'api',
      affected_repos: [],
      affected_paths: ['a', '7', ''],
      planned_for: null,
      published_at: '',
      resolved_at: null,
    });
    expect(interfaceChangeFields({ repo: 'core' }, 'api').origin_repo).toBe('core');
  });

  it('reads back what a snapshot holds (the hub rebuilds dispatch input from it)', () => {
    const values = interfaceChangeFields(
      { change_type: 'breaking', interface_type: 'api', repo: 'core', affected_repos: ['cli', 'web'], affected_paths: ['api/x.py'], planned_for: '2026-12-01', published_at: '2026-11-15', resolved_at: null },
      'api',
    );
    expect(Object.keys(values)).toEqual(FIELDS);
    expect(interfaceChangeFields(interfaceChangeFrontMatter(values), 'elsewhere')).toEqual(values);
  });
});

describe('an interface change in every document', () => {
  let root: string;
  beforeAll(() => {
    root = fixtureCopy();
  });
  afterAll(removeTempDirs);

  it('has the same fields, in the same order, in show, list, the snapshot, dispatch and the report', () => {
    const cli = (...args: string[]) => runCliJson(['-w', root, ...args]).json;
    const shown = cli('interface-change', 'show', 'IC-7', '--json').interface_change;
    expect(Object.keys(shown)).toEqual(['id', 'title', 'status', 'status_raw', 'created', 'updated', 'valid', 'repo_slug', 'file', 'line', ...FIELDS, 'description', 'fields']);
    const fields = Object.fromEntries(FIELDS.map((key) => [key, shown[key]]));
    // The values themselves are pinned by test/snapshot/export.test.ts; here they must agree.
    expect(fields).toMatchObject({ change_type: 'breaking', origin_repo: 'ledger-api', affected_repos: ['ledger-cli', 'docs-site'], resolved_at: null });

    const listed = cli('interface-change', 'list', '--json').items.find((c: { id: string }) => c.id === 'IC-7');
    expect(listed).toEqual(Object.fromEntries(Object.entries(shown).filter(([key]) => key !== 'description' && key !== 'fields')));
    expect(Object.keys(listed)).toEqual(Object.keys(shown).slice(0, -2));

    const exported = JSON.parse(runCli(['-w', root, 'export']).stdout).interface_changes[0];
    expect(Object.keys(exported)).toEqual(['id', 'title', 'status', 'status_raw', ...FIELDS, 'valid', 'repo_slug', 'file', 'line']);
    expect(exported).toMatchObject(fields);

    const pending = cli('dispatch', 'ledger-cli', '--json').pending_interface_changes[0];
    const withoutResolved = FIELDS.filter((key) => key !== 'resolved_at');
    expect(Object.keys(pending)).toEqual(['id', 'repo_slug', 'file', 'title', 'status', ...withoutResolved]);
    expect(pending).toMatchObject(Object.fromEntries(withoutResolved.map((key) => [key, fields[key]])));

    const reported = cli('report', '--json').interface_changes.find((c: { id: string }) => c.id === 'IC-7');
    const reportFields = FIELDS.filter((key) => key !== 'affected_paths');
    expect(Object.keys(reported)).toEqual(['id', 'title', 'status', ...reportFields, 'repo_slug', 'file', 'source']);
    expect(reported).toMatchObject(Object.fromEntries(reportFields.map((key) => [key, fields[key]])));
  });
});
