// From parsed files and registries to the states the derivation compares.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/documents/parse.js';
import { fileStates, registryStates } from '../../src/events/states.js';

describe('fileStates', () => {
  it('lists the document and each task with an id, statuses normalised', async () => {
    const text = ['---', 'id: WP-1', 'status: done', '---', '', '### One', '', '```task', 'id: T01', 'status: completed', '```', '', '```task', 'status: todo', '```', ''].join('\n');
    const { states, unknown } = fileStates('workplans/WP-1.md', await parseFile('workplans/WP-1.md', text));
    expect(unknown).toBe(false);
    expect(states.map((s) => [s.kind, s.id, s.status, s.workplan_id ?? null])).toEqual([
      ['workplan', 'WP-1', 'completed', null],
      ['task', 'WP-1-T01', 'done', 'WP-1'],
    ]);
  });

  it('keeps the affected repos of an interface change', async () => {
    const text = ['---', 'id: IC-1', 'status: published', 'affected_repos: [billing, ledger]', '---', ''].join('\n');
    const { states } = fileStates('interface-changes/IC-1.md', await parseFile('interface-changes/IC-1.md', text));
    expect(states).toEqual([{ kind: 'interface-change', id: 'IC-1', status: 'published', file: 'interface-changes/IC-1.md', title: null, affected_repos: ['billing', 'ledger'] }]);
  });

  it('marks a file with broken front-matter unknown, keeping its task blocks', async () => {
    const text = ['---', 'id: [WP-1', '---', '', '```task', 'id: X-1', 'status: done', '```', ''].join('\n');
    const { states, unknown } = fileStates('workplans/x.md', await parseFile('workplans/x.md', text));
    expect(unknown).toBe(true);
    expect(states.map((s) => s.id)).toEqual(['X-1']);
  });

  it('marks a file that is not text unknown; a file without front-matter holds nothing', async () => {
    expect(fileStates('workplans/b.md', await parseFile('workplans/b.md', Buffer.from([0xff, 0xfe, 0x00])))).toEqual({ states: [], unknown: true });
    expect(fileStates('workplans/c.md', await parseFile('workplans/c.md', '# Notes\n'))).toEqual({ states: [], unknown: false });
  });
});

describe('registryStates', () => {
  it('lists every repo entry of a committed registry', () => {
    const text = ['version: 1', 'repos:', '  - slug: a', '    name: A', '    domain: d', '    remote_url: https://git.example.org/a.git', '  - {slug: b, domain: e}', '  - name: no slug', ''].join('\n');
    expect(registryStates(text)).toEqual({
      unknown: false,
      states: [
        { kind: 'repo', id: 'a', status: 'registered', file: 'custodian.yaml', title: 'A', domain: 'd', remote_url: 'https://git.example.org/a.git' },
        { kind: 'repo', id: 'b', status: 'registered', file: 'custodian.yaml', title: null, domain: 'e', remote_url: null },
      ],
    });
  });

  it('is unknown when the registry is not YAML or its repos are not a list', () => {
    expect(registryStates('repos: [\n').unknown).toBe(true);
    expect(registryStates('repos: {a: 1}\n').unknown).toBe(true);
    expect(registryStates('version: 1\n')).toEqual({ states: [], unknown: false });
  });
});
