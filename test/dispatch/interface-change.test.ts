// `interface-change publish|resolve`: status and date set in place, the lifecycle only forward.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { snapshot, workspace } from './workspace.js';

afterAll(removeTempDirs);

const DRAFT = [
  '---',
  'id: IC-3',
  'type: interface-change',
  'title: Drop the v1 endpoints',
  '# planned with the CLI team',
  'status: draft',
  'repo: api',
  'affected_repos: [cli]',
  'planned_for: "2026-12-01"',
  '---',
  '',
  'The v1 endpoints go away.',
  '',
].join('\n');

const utcToday = () => new Date().toISOString().slice(0, 10);

describe('interface-change publish and resolve', () => {
  it('publishes (status and published_at), shows in the affected repo, resolves (resolved_at), leaves it', () => {
    const root = workspace([{ slug: 'api' }, { slug: 'cli' }], { 'repos/api/interface-changes/IC-3.md': DRAFT, 'repos/cli/interface-changes/IC-9.md': DRAFT.replace('IC-3', 'IC-9') });
    const file = join(root, 'repos/api/interface-changes/IC-3.md');
    const cli = (...args: string[]) => runCliJson(['-w', root, ...args]);
    expect(cli('dispatch', 'cli', '--json').json.pending_interface_changes).toEqual([]);

    const before = utcToday();
    const published = cli('interface-change', 'publish', 'IC-3', '--json');
    const today = utcToday() === before ? before : published.json.interface_change.published_at;
    expect(published).toMatchObject({ code: 0, json: { schema_version: 1, kind: 'interface-change', interface_change: { id: 'IC-3', repo_slug: 'api', status: 'published', published_at: today, resolved_at: null } } });
    const afterPublish = DRAFT.replace('status: draft', 'status: published').replace('planned_for: "2026-12-01"\n', `planned_for: "2026-12-01"\npublished_at: "${today}"\n`);
    expect(readFileSync(file, 'utf8')).toBe(afterPublish);
    expect(cli('dispatch', 'cli', '--json').json.pending_interface_changes.map((c: any) => [c.id, c.published_at])).toEqual([['IC-3', today]]);

    // Publishing again changes nothing (the first publication date stays).
    expect(cli('interface-change', 'publish', 'api:IC-3', '--json').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(afterPublish);

    expect(cli('interface-change', 'resolve', 'api:IC-3', '--json')).toMatchObject({ code: 0, json: { interface_change: { status: 'resolved', resolved_at: today } } });
    expect(readFileSync(file, 'utf8')).toBe(afterPublish.replace('status: published', 'status: resolved').replace(`published_at: "${today}"\n`, `published_at: "${today}"\nresolved_at: "${today}"\n`));
    expect(cli('dispatch', 'cli', '--json').json.pending_interface_changes).toEqual([]);
  });

  it('refuses to go backwards, an ambiguous id, an unknown one, and writes nothing then', () => {
    const resolved = DRAFT.replace('status: draft', 'status: resolved');
    const root = workspace([{ slug: 'api' }, { slug: 'cli' }], {
      'repos/api/interface-changes/IC-3.md': resolved,
      'repos/api/interface-changes/IC-4.md': DRAFT.replace('IC-3', 'IC-4'),
      'repos/cli/interface-changes/IC-3.md': DRAFT,
    });
    const before = snapshot(root);
    const cli = (...args: string[]) => runCliJson(['-w', root, ...args]);
    expect(cli('interface-change', 'publish', 'api:IC-3', '--json')).toMatchObject({ code: 1, json: { code: 'refused', message: 'interface change api:IC-3 is resolved; publish needs it draft or published' } });
    expect(cli('interface-change', 'resolve', 'IC-4', '--json')).toMatchObject({ code: 1, json: { code: 'refused' } });
    expect(cli('interface-change', 'publish', 'IC-3', '--json')).toMatchObject({ code: 1, json: { code: 'ambiguous' } });
    expect(cli('interface-change', 'publish', 'IC-77', '--json')).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(snapshot(root)).toEqual(before);
  });
});
