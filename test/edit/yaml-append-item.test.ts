import { describe, expect, test } from 'vitest';
import { applyEdits, yamlAppendItem } from '../../src/edit/index.js';
import type { AppendItem } from '../../src/edit/index.js';
import type { CustodianError } from '../../src/errors.js';

function append(yaml: string, path: (string | number)[], item: AppendItem): string {
  return applyEdits(yaml, yamlAppendItem(yaml, path, item)).text;
}

const REGISTRY = [
  'version: 1',
  'domains:',
  '  - slug: ingest        # data intake',
  '    name: Ingest',
  '  - slug: docs',
  '    name: Documentation',
  '    status: archived',
  '',
  '# repositories below',
  'repos:',
  '- slug: loader',
  '  name: Loader',
  '  domain: ingest',
  '  path: ../loader',
  '',
].join('\n');

describe('yamlAppendItem', () => {
  test('a mapping appended to a block list, at its dash column, before comments and blank lines', () => {
    expect(append(REGISTRY, ['domains'], { slug: 'ops', name: 'Operations: on call' })).toBe(
      REGISTRY.replace('    status: archived\n', '    status: archived\n  - slug: ops\n    name: "Operations: on call"\n'),
    );
  });

  test('a flush list keeps its style; list values are written in flow style', () => {
    expect(append(REGISTRY, ['repos'], { slug: 'site', name: 'Site', domain: 'docs', path: '../site', include: ['docs/**/*.md', 'plans/*.md'] })).toBe(
      `${REGISTRY}`.replace(
        '  path: ../loader\n',
        '  path: ../loader\n- slug: site\n  name: Site\n  domain: docs\n  path: ../site\n  include: [docs/**/*.md, plans/*.md]\n',
      ),
    );
  });

  test('flow lists', () => {
    expect(append('affected_repos: [loader, site]\n', ['affected_repos'], 'docs')).toBe('affected_repos: [loader, site, docs]\n');
    expect(append('affected_repos: []\n', ['affected_repos'], 'docs')).toBe('affected_repos: [docs]\n');
    expect(append('affected_repos: []\n', ['affected_repos'], 'true')).toBe('affected_repos: ["true"]\n');
  });

  test('a missing or empty key becomes a block list holding the item', () => {
    expect(append('version: 1\n', ['domains'], { slug: 'ops', name: 'Ops' })).toBe('version: 1\ndomains:\n  - slug: ops\n    name: Ops\n');
    expect(append('version: 1\ndomains:   # none yet\nrepos: []\n', ['domains'], { slug: 'ops', name: 'Ops' })).toBe(
      'version: 1\ndomains:   # none yet\n  - slug: ops\n    name: Ops\nrepos: []\n',
    );
    expect(append('domains: ~ # none yet\n', ['domains'], 'ops')).toBe('domains: # none yet\n  - ops\n');
    expect(append('', ['domains'], 'ops')).toBe('domains:\n  - ops\n');
  });

  test('CRLF text: appended lines end in CRLF', () => {
    expect(append('domains:\r\n  - slug: a\r\n    name: A\r\n', ['domains'], { slug: 'b', name: 'B' })).toBe(
      'domains:\r\n  - slug: a\r\n    name: A\r\n  - slug: b\r\n    name: B\r\n',
    );
  });

  test('a value that is not a list is refused', () => {
    let error: unknown;
    try {
      yamlAppendItem('version: 1\n', ['version'], 'x');
    } catch (caught) {
      error = caught;
    }
    expect((error as CustodianError).code).toBe('refused');
  });
});
