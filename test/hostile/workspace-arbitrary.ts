// fast-check arbitraries for hostile workspaces: files of random bytes, random YAML and random
// fences (every fence form CommonMark knows, and broken ones), odd names (spaces, unicode, a
// leading dash, bytes that are not UTF-8), BOMs, mixed line endings, and links (inside, leading
// out, dangling, to a folder, to a FIFO). Written into real folders by writeRepoFiles.
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IDS = ['A-1', 'A-1-T1', 'A-1-T2', 'T01', 'T02', 'B-2', 'B-2-T1', 'DUP', 'CUST-WP-0001', 'CUST-WP-0001-T01'];
const KEYS = ['id', 'status', 'title', 'name', 'depends_on', 'priority', 'needs_human', 'assignee', 'domain', 'repo', 'type', 'workplan', 'created', 'updated', 'completed', '__proto__', 'constructor', 'x-extra'];
const SCALARS = [
  'todo', 'done', 'in_progress', 'wip', 'blocked', 'cancelled', 'completed', 'active', 'draft', 'open', 'high', 'critical',
  '', '~', 'null', 'yes', 'true', '0x1F', '1e5', '[a, b]', '{x: 1}', '"quoted"', "'single'", '"unterminated', '&anchor x', '*alias',
  '!!js/function f', '!!binary aGk=', '!custom x', '2026-02-30', '2026-01-01T00:00:00Z', '|', '>-', 'core', 'alpha', 'beta', '\u0000', '\u001b[2J',
];

const scalar = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const id = fc.constantFrom(...IDS);

const yamlLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...KEYS), scalar).map(([k, v]) => `${k}: ${v}`) },
  { weight: 3, arbitrary: id.map((i) => `id: ${i}`) },
  { weight: 2, arbitrary: fc.array(id, { maxLength: 3 }).map((a) => `depends_on: [${a.join(', ')}]`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('tasks:', '  - id: T01', '    status: todo', '  - {id: T02, title: x, status: done}', '- bare', '  nested: 1', '\tkey: tab', '# comment', ': nokey', 'a: &x [1]', 'b: *x', '<<: *x', 'key: value # trailing', 'title: "# not a heading"'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);

const frontmatter = fc.record({
  lines: fc.array(yamlLine, { maxLength: 7 }),
  close: fc.constantFrom('---', '---', '---', '...', ''),
  open: fc.constantFrom('---', '---', '---', '---js', '--- '),
});

const fence = fc.record({
  marker: fc.constantFrom('```', '```', '~~~', '````', '``'),
  info: fc.constantFrom('task', 'task', 'task extra', 'Task', 'yaml', ''),
  prefix: fc.constantFrom('', '', '  ', '   ', '    ', '> ', '- ', '1. '),
  lines: fc.array(yamlLine, { maxLength: 5 }),
  closed: fc.constantFrom(true, true, true, false),
});

const bodyLine = fc.oneof(
  { weight: 3, arbitrary: fence.map((f) => [`${f.prefix}${f.marker}${f.info}`, ...f.lines.map((l) => `${f.prefix}${l}`), ...(f.closed ? [`${f.prefix}${f.marker}`] : [])].join('\n')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('T01 — first', 'A-1-T1', 'Title', '`code`', '')).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', 'Some text.', '- [ ] open criterion', '- [x] done criterion', '## Acceptance Criteria', '<!--', '-->', '<div>', '</div>', 'Setext', '===', '---', '    indented code', '> quoted', '* item', '\t\ttabbed', '***'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 24 }) },
);

const document = fc
  .record({
    boms: fc.constantFrom(0, 0, 0, 1, 2),
    frontmatter: fc.option(frontmatter, { freq: 4 }),
    body: fc.array(bodyLine, { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
  })
  .map(({ boms, frontmatter: fm, body, eol }) => {
    const lines = fm ? [fm.open, ...fm.lines, ...(fm.close ? [fm.close] : [])] : [];
    const text = [...lines, ...body].join('\n').replace(/\n/g, eol);
    return Buffer.concat([Buffer.from('\uFEFF'.repeat(boms)), Buffer.from(text, 'utf8')]);
  });

const status = fc.constantFrom('todo', 'in_progress', 'done', 'blocked', 'cancelled', 'wip', 'open', 'bogus');
const task = fc.record({ local: fc.constantFrom('T01', 'T02', 'T03', 'A-1-T1', 'B-2-T1'), status, deps: fc.array(id, { maxLength: 2 }), human: fc.boolean() });

/** A well-formed workplan (tasks as blocks or as a front-matter list) or task file, with some noise in the body. */
const wellFormed = fc
  .record({
    form: fc.constantFrom('blocks', 'list', 'task-file'),
    id: fc.constantFrom('A-1', 'B-2', 'CUST-WP-0001', 'DUP', 'T01'),
    status: fc.constantFrom('active', 'completed', 'draft', 'in-progress', 'bogus'),
    domain: fc.constantFrom('core', 'core', 'elsewhere'),
    tasks: fc.array(task, { minLength: 1, maxLength: 4 }),
    noise: fc.array(bodyLine, { maxLength: 3 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
  })
  .map(({ form, id: docId, status: docStatus, domain, tasks, noise, eol }) => {
    const deps = (d: string[]) => `[${d.join(', ')}]`;
    let lines: string[];
    if (form === 'task-file') {
      const t = tasks[0] ?? { status: 'todo', deps: [], human: false };
      lines = ['---', `id: ${docId}`, `status: ${t.status}`, `depends_on: ${deps(t.deps)}`, `needs_human: ${t.human}`, '---', '', '## Acceptance Criteria', '', '- [ ] one', '- [x] two', ...noise];
    } else if (form === 'list') {
      lines = ['---', `id: ${docId}`, `status: ${docStatus}`, `domain: ${domain}`, 'tasks:', ...tasks.flatMap((t) => [`  - id: ${t.local}`, `    title: Task ${t.local}`, `    status: ${t.status}`, `    depends_on: ${deps(t.deps)}`]), '---', '', ...noise];
    } else {
      lines = ['---', `id: ${docId}`, `status: ${docStatus}`, `domain: ${domain}`, '---', '', `# ${docId}`, ...tasks.flatMap((t) => ['', `## ${t.local} — work`, '', '```task', `id: ${t.local}`, `status: ${t.status}`, `depends_on: ${deps(t.deps)}`, `needs_human: ${t.human}`, '```', '', 'Description.']), ...noise];
    }
    return Buffer.from(`${lines.join(eol)}${eol}`, 'utf8');
  });

/** Bytes of a planning file: documents, well-formed or not, some raw bytes, some documents with a stray byte. */
export const fileContent: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 6, arbitrary: wellFormed },
  { weight: 3, arbitrary: document },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 120 }).map((a) => Buffer.from(a)) },
  {
    weight: 1,
    arbitrary: fc.tuple(document, fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([doc, at, byte]) => {
      const copy = Buffer.from(doc);
      if (copy.length > 0) copy[at % copy.length] = byte;
      return copy;
    }),
  },
);

const folder = fc.constantFrom('workplans', 'workplans', 'workplans', 'workplans/sub', 'docs/tasks', 'docs/tasks', 'goals', 'decisions', 'interface-changes', 'notes');
const plainName = fc.oneof(
  fc.constantFrom('A-1', 'B-2', 'CUST-WP-0001-plan', 'with space', 'ünïcödé', '-dash', '.hidden', 'T01', 'x'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/),
);

export type FileKind = 'file' | 'link-inside' | 'link-outside' | 'link-dangling' | 'link-folder' | 'link-fifo';

export interface FileSpec {
  folder: string;
  /** The file's name as bytes (it may not be UTF-8). */
  name: Buffer;
  kind: FileKind;
  content: Buffer;
}

export const fileSpec: fc.Arbitrary<FileSpec> = fc
  .record({
    folder,
    name: fc.oneof({ weight: 9, arbitrary: plainName.map((n) => Buffer.from(n)) }, { weight: 1, arbitrary: fc.constant(Buffer.from([0x42, 0xff, 0xfe])) }),
    ext: fc.constantFrom('.md', '.md', '.md', '.md', '.md', '.md', '.MD', '.markdown', ''),
    kind: fc.oneof(
      { weight: 12, arbitrary: fc.constant<FileKind>('file') },
      { weight: 1, arbitrary: fc.constantFrom<FileKind>('link-inside', 'link-outside', 'link-dangling', 'link-folder', 'link-fifo') },
    ),
    content: fileContent,
  })
  .map(({ folder: dir, name, ext, kind, content }) => ({ folder: dir, name: Buffer.concat([name, Buffer.from(ext)]), kind, content }));

/** Writes the files into `repo`; links leading out point into `outside` (a folder of decoys). */
export function writeRepoFiles(repo: string, files: FileSpec[], outside: string): void {
  let written = 0;
  for (const file of files) {
    mkdirSync(join(repo, file.folder), { recursive: true });
    const target = Buffer.concat([Buffer.from(`${join(repo, file.folder)}/`), file.name]);
    try {
      // `wx`: the first spec on a path wins. A plain write would follow a link an earlier spec
      // made there: into README.md, into the outside decoy, or into the FIFO, where it waits for a
      // reader forever (a CI run hung there).
      if (file.kind === 'file') writeFileSync(target, file.content, { flag: 'wx' });
      else symlinkSync(linkTarget(file.kind, repo, outside, written), target);
      written++;
    } catch {
      // Two specs on one path (the first wins), or a name the file system refuses: skip it.
    }
  }
}

function linkTarget(kind: FileKind, repo: string, outside: string, n: number): string {
  switch (kind) {
    case 'link-inside':
      return join(repo, 'README.md');
    case 'link-outside':
      return join(outside, 'secret.md');
    case 'link-dangling':
      return join(repo, `missing-${n}.md`);
    case 'link-folder':
      return join(repo, 'workplans');
    default:
      return join(outside, 'pipe');
  }
}

/** The decoys links may lead to: an outside document (its content must never be indexed) and a FIFO. */
export function makeOutside(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'secret.md'), '---\nid: SECRET-1\n---\n\n```task\nid: SECRET-1-T1\n```\n');
  execFileSync('mkfifo', [join(dir, 'pipe')]);
}
