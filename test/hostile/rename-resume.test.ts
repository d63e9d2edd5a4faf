// Point 8 of issue 10: an interrupted `domain rename` is finished by running the same command
// again, from any state it can be left in. Writes go documents first, then custodian.local.yaml,
// then custodian.yaml: a kill leaves the registry on the old slug, or half renamed (between the
// two registry files), or renamed with documents still to do; every one of these resumes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliJsonAsync } from '../helpers/git-repo.js';
import { doc, read, repoIn, workspace } from '../registry/helpers.js';

afterAll(removeTempDirs);

const REGISTRY = `version: 1
domains:
  - slug: payments # the money domain
    name: Payments
repos:
  - slug: api
    name: API
    domain: payments
    path: repos/api
`;
const LOCAL = `repos:
  - slug: scratch
    name: Scratch
    domain: payments
    path: repos/scratch
`;
const FILES = {
  api: {
    'workplans/A-1.md': doc('id: A-1\ndomain: payments\nstatus: active'),
    'workplans/A-2.md': doc('id: A-2\ndomain: payments\nstatus: active'),
    'goals/G-1.md': doc('id: G-1\ndomain: payments\nstatus: active'),
  },
  scratch: { 'workplans/S-1.md': doc('id: S-1\ndomain: payments') },
};
const PATHS = ['custodian.yaml', 'custodian.local.yaml', 'repos/api/workplans/A-1.md', 'repos/api/workplans/A-2.md', 'repos/api/goals/G-1.md', 'repos/scratch/workplans/S-1.md'];

function fixture(): string {
  const root = workspace({ 'custodian.yaml': REGISTRY, 'custodian.local.yaml': LOCAL });
  for (const [repo, files] of Object.entries(FILES)) repoIn(root, `repos/${repo}`, files);
  return root;
}

const renamed = (text: string) => text.replace(/slug: payments/g, 'slug: money').replace(/domain: payments/g, 'domain: money');
const bytes = (root: string) => Object.fromEntries(PATHS.map((p) => [p, read(root, p)]));
const expected = Object.fromEntries(PATHS.map((p) => [p, renamed(p === 'custodian.yaml' ? REGISTRY : p === 'custodian.local.yaml' ? LOCAL : readFixture(p))]));

function readFixture(path: string): string {
  const [, repo, ...rest] = path.split('/');
  return (FILES as Record<string, Record<string, string>>)[repo][rest.join('/')];
}

/** Leaves `root` as an interrupted rename would: the given files already renamed, the rest not. */
function interrupt(root: string, done: string[]): void {
  for (const path of done) writeFileSync(join(root, path), renamed(readFileSync(join(root, path), 'utf8')));
}

describe('domain rename resumes from any partial state', () => {
  const states: [string, string[]][] = [
    ['killed before anything was written', []],
    ['killed among the documents (the registry still names the old slug)', ['repos/api/workplans/A-1.md', 'repos/api/goals/G-1.md']],
    ['killed after every document, before the registry', PATHS.slice(2)],
    ['killed between custodian.local.yaml and custodian.yaml', [...PATHS.slice(2), 'custodian.local.yaml']],
    ['the registry renamed (by an older custodian, or by hand) and no document yet', ['custodian.yaml', 'custodian.local.yaml']],
    ['the registry half renamed and one document', ['custodian.local.yaml', 'repos/scratch/workplans/S-1.md']],
    ['everything already done', PATHS],
  ];
  it.each(states)('%s: running the command again completes it', async (_state, done) => {
    const root = fixture();
    interrupt(root, done);
    const again = await runCliJsonAsync(['domain', 'rename', 'payments', 'money', '--json'], { cwd: root });
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json).toMatchObject({ kind: 'domain-rename', from: 'payments', to: 'money', failed: [] });
    expect(bytes(root)).toEqual(expected);
    // And once more: nothing left to do.
    const idle = await runCliJsonAsync(['domain', 'rename', 'payments', 'money', '--json'], { cwd: root });
    expect(idle.code).toBe(0);
    expect(idle.json.changed).toBe(false);
    expect(bytes(root)).toEqual(expected);
  }, 60_000);
});
