// `task list --json` is written item by item as the index yields it: the bytes must be the ones the
// whole document printed at once gave (the golden files were printed by the version before
// streaming, from the same fixture), and --fields adds task show's keys to each item.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/api/index.js';
import { writeJsonItems } from '../../src/cli/output.js';
import { removeTempDirs, runCli, runCliJsonAsync } from '../helpers/git-repo.js';
import { fixtureCopy } from '../dispatch/workspace.js';

let root: string;
beforeAll(() => {
  root = fixtureCopy();
});
afterAll(removeTempDirs);

const golden = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'golden', name), 'utf8');

describe('task list --json, streamed', () => {
  it('prints the same bytes as the whole document did, for every task and for a filtered list', () => {
    const all = runCli(['-w', root, 'task', 'list', '--json']);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(golden('fixture-task-list.json'));
    const some = runCli(['-w', root, 'task', 'list', '--json', '--status', 'todo', '--repo', 'ledger-api']);
    expect(some.stdout).toBe(golden('fixture-task-list-todo-ledger-api.json'));
    // Filters that match nothing: an empty list, still one document.
    const none = runCli(['-w', root, 'task', 'list', '--json', '--assignee', 'nobody-at-all']);
    expect(none.stdout).toBe('{\n  "schema_version": 1,\n  "kind": "task-list",\n  "mode": "workspace",\n  "items": []\n}\n');
  });

  it('is the document the api returns', async () => {
    const doc = await api.taskList({ workspace: root });
    expect(runCli(['-w', root, 'task', 'list', '--json']).stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc.items.some((t) => t.depends_on.length > 1)).toBe(true);
  });

  it('--fields adds task show keys after the item keys, in task show order', async () => {
    const { code, json } = await runCliJsonAsync(['-w', root, 'task', 'list', '--json', '--repo', 'ledger-api', '--fields', 'acceptance_criteria,description', '--fields', 'title']);
    expect(code).toBe(0);
    const plain = (await runCliJsonAsync(['-w', root, 'task', 'list', '--json', '--repo', 'ledger-api'])).json;
    expect(json.items).toHaveLength(plain.items.length);
    for (const [i, item] of json.items.entries()) expect(Object.keys(item)).toEqual([...Object.keys(plain.items[i]), 'description', 'acceptance_criteria']);
    const withCriteria = json.items.find((t: any) => t.acceptance_criteria.length > 0);
    const shown = (await runCliJsonAsync(['-w', root, 'task', 'show', `ledger-api:${withCriteria.file}#${withCriteria.id}`, '--json'])).json.task;
    expect([withCriteria.description, withCriteria.acceptance_criteria]).toEqual([shown.description, shown.acceptance_criteria]);
  });

  it('an unknown field is a usage error naming the fields there are', async () => {
    const { code, json } = await runCliJsonAsync(['-w', root, 'task', 'list', '--json', '--fields', 'descriptoin']);
    expect([code, json.code]).toEqual([2, 'usage']);
    expect(json.message).toBe('unknown task field `descriptoin`: --fields takes priority_raw, end_line, declared_in, valid, description, description_lines, acceptance_criteria, fields');
  });
});

describe('writeJsonItems', () => {
  const written = (head: object, items: unknown[]) => {
    let out = '';
    let writes = 0;
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        writes++;
        done();
      },
    });
    writeJsonItems(head, 'items', items, sink);
    return { out, writes };
  };

  it('writes what JSON.stringify writes for the whole document, in chunks', () => {
    const head = { schema_version: 1, kind: 'x', nested: { a: [1, 2], b: {} } };
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: `T${i}`, deps: i % 3 ? [] : ['a', 'b'], text: 'line\nbreak "quoted" \u2028 é', obj: { deep: [{ k: null }] } }));
    for (const list of [[], [items[0]], items]) {
      const { out } = written(head, list);
      expect(out).toBe(`${JSON.stringify({ ...head, items: list }, null, 2)}\n`);
    }
    expect(written(head, items).writes).toBeGreaterThan(2);
  });
});

describe('a reader that stops early', () => {
  it('ends the command quietly when the pipe closes (task list --json | head)', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI } = await import('../helpers/git-repo.js');
    // Enough tasks that the list outlives a pipe closed after its first bytes.
    const big = Array.from({ length: 400 }, (_, i) => `\`\`\`task\nid: BIG-WP-1-T${i}\ntitle: ${'x'.repeat(200)}\n\`\`\`\n`).join('\n');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'repos', 'ledger-api', 'workplans', 'BIG-WP-1.md'), `---\nid: BIG-WP-1\n---\n\n${big}`);
    const child = spawn(process.execPath, [CLI, '-w', root, 'task', 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect([code, stderr]).toEqual([0, '']);
  });
});
