import { describe, expect, test } from 'vitest';
import { applyEdits, setYamlValueInRegion, taskYamlTarget, setTaskField } from '../../src/edit/index.js';
import type { ScalarValue, YamlSetOptions } from '../../src/edit/index.js';
import { CustodianError } from '../../src/errors.js';
import { blockTarget, frontmatterRegion, taskBlocksByCommonMark } from './fixtures.js';

function editBlock(text: string, prefix: string, path: (string | number)[], value: ScalarValue, options?: YamlSetOptions): string {
  const target = blockTarget(text, prefix);
  // The fixture helper must agree with CommonMark before the edit means anything.
  expect(taskBlocksByCommonMark(text)).toContain(target.yaml);
  return applyEdits(text, setYamlValueInRegion(text, { kind: 'block', ...target }, path, value, options)).text;
}

function editFrontmatter(text: string, path: (string | number)[], value: ScalarValue, options?: YamlSetOptions): string {
  return applyEdits(text, setYamlValueInRegion(text, { kind: 'frontmatter', region: frontmatterRegion(text) }, path, value, options)).text;
}

const hasLoneLf = (text: string) => /(?<!\r)\n/.test(text);

describe('front-matter', () => {
  const workplan = [
    '---',
    'id: INGEST-WP-0003',
    'type: workplan',
    'title: "Ingest v0.3 — batch loader"',
    'status: active # rollup pending',
    'created: "2026-01-10"',
    'updated: "2026-01-12"',
    '---',
    '# Ingest v0.3',
    '',
  ].join('\n');

  test('a value change touches only the value', () => {
    expect(editFrontmatter(workplan, ['status'], 'completed')).toBe(workplan.replace('status: active #', 'status: completed #'));
  });

  test('an inserted key goes after the given key, quoted like its neighbour', () => {
    expect(editFrontmatter(workplan, ['completed'], '2026-01-20', { after: 'updated' })).toBe(
      workplan.replace('updated: "2026-01-12"\n', 'updated: "2026-01-12"\ncompleted: "2026-01-20"\n'),
    );
  });

  test('CRLF file: every line ending stays CRLF, the new line too', () => {
    const crlf = workplan.replace(/\n/g, '\r\n');
    const result = editFrontmatter(editFrontmatter(crlf, ['status'], 'completed'), ['completed'], '2026-01-20');
    expect(result).toBe(
      crlf
        .replace('status: active #', 'status: completed #')
        .replace('updated: "2026-01-12"\r\n', 'updated: "2026-01-12"\r\ncompleted: "2026-01-20"\r\n'),
    );
    expect(hasLoneLf(result)).toBe(false);
  });

  test('an empty front-matter gets its key with the file line ending', () => {
    expect(editFrontmatter('---\r\n---\r\nbody\r\n', ['status'], 'active')).toBe('---\r\nstatus: active\r\n---\r\nbody\r\n');
  });

  describe('a front-matter tasks: list item', () => {
    const blockList = [
      '---',
      'id: INGEST-WP-0004',
      'tasks:',
      '  - id: T01',
      '    title: Parse manifests',
      '    status: done',
      '  - id: T02',
      "    title: 'Load batches'",
      '---',
      '',
    ].join('\n');

    test('block style: value change and insert at the item indentation', () => {
      expect(editFrontmatter(blockList, ['tasks', 0, 'status'], 'cancelled')).toBe(blockList.replace('status: done', 'status: cancelled'));
      expect(editFrontmatter(blockList, ['tasks', 1, 'status'], 'in_progress')).toBe(
        blockList.replace("    title: 'Load batches'\n", "    title: 'Load batches'\n    status: in_progress\n"),
      );
    });

    test('flow style', () => {
      const flowList = '---\nid: INGEST-WP-0005\ntasks: [{id: T01, status: todo}, {id: T02, title: Load}]\n---\n';
      expect(editFrontmatter(flowList, ['tasks', 0, 'status'], 'done')).toBe(flowList.replace('status: todo', 'status: done'));
      expect(editFrontmatter(flowList, ['tasks', 1, 'status'], 'todo')).toBe(flowList.replace('title: Load}', 'title: Load, status: todo}'));
    });

    test('through taskYamlTarget, the way task status finds a list item', () => {
      const region = frontmatterRegion(blockList);
      expect(taskYamlTarget({ kind: 'list', index: 1, item: region }, region).path).toEqual(['tasks', 1]);
      const edits = setTaskField(blockList, { kind: 'list', index: 0, item: region }, region, 'status', 'blocked');
      expect(applyEdits(blockList, edits).text).toBe(blockList.replace('status: done', 'status: blocked'));
    });
  });
});

/** One workplan body per container style: the same task block, under different prefixes. */
const TASK_LINES = ['id: INGEST-WP-0003-T02', 'status: todo  # set by the planner', 'depends_on:', '  - INGEST-WP-0003-T01'];

function wrap(prefix: string, fence: string, before: string[] = []): string {
  const body = [`${fence}task`, ...TASK_LINES, fence].map((line) => prefix + line);
  return ['### T02 — Load batches', '', ...before, ...body, '', 'Loads every batch.', ''].join('\n');
}

const containers: Array<{ name: string; prefix: string; text: string }> = [
  { name: 'top-level fence', prefix: '', text: wrap('', '```') },
  { name: 'tilde fence', prefix: '', text: wrap('', '~~~~') },
  { name: 'fence indented 2 spaces', prefix: '  ', text: wrap('  ', '```') },
  { name: 'fence inside a list item', prefix: '   ', text: wrap('   ', '```', ['1. Load the batches:', '']) },
  { name: 'fence inside a block quote', prefix: '> ', text: wrap('> ', '```') },
  { name: 'fence inside a nested block quote', prefix: '> > ', text: wrap('> > ', '~~~') },
];

describe.each(containers)('task block: $name', ({ prefix, text }) => {
  test('a value change keeps the prefix and the comment', () => {
    const result = editBlock(text, prefix, ['status'], 'in_progress');
    expect(result).toBe(text.replace(`${prefix}status: todo  #`, `${prefix}status: in_progress  #`));
    expect(taskBlocksByCommonMark(result)).toContain(TASK_LINES.join('\n').replace('status: todo', 'status: in_progress'));
  });

  test('an inserted key carries the same prefix', () => {
    const result = editBlock(text, prefix, ['priority'], 'high');
    expect(result).toBe(text.replace(`${prefix}  - INGEST-WP-0003-T01\n`, `${prefix}  - INGEST-WP-0003-T01\n${prefix}priority: high\n`));
    expect(taskBlocksByCommonMark(result)).toContain([...TASK_LINES, 'priority: high'].join('\n'));
  });

  test('an inserted key after a named key', () => {
    const result = editBlock(text, prefix, ['owner'], 'ops', { after: 'id' });
    expect(result).toBe(text.replace(`${prefix}id: INGEST-WP-0003-T02\n`, `${prefix}id: INGEST-WP-0003-T02\n${prefix}owner: ops\n`));
  });

  test('a nested insert keeps the YAML indentation after the prefix', () => {
    const nested = text.replace(`${prefix}depends_on:\n${prefix}  - INGEST-WP-0003-T01\n`, `${prefix}review:\n${prefix}  by: ana\n`);
    const result = editBlock(nested, prefix, ['review', 'done'], true);
    expect(result).toBe(nested.replace(`${prefix}  by: ana\n`, `${prefix}  by: ana\n${prefix}  done: true\n`));
  });

  test('CRLF file: the inserted line ends in CRLF, no lone LF appears', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const result = editBlock(crlf, prefix, ['priority'], 'high');
    expect(result).toBe(crlf.replace(`${prefix}  - INGEST-WP-0003-T01\r\n`, `${prefix}  - INGEST-WP-0003-T01\r\n${prefix}priority: high\r\n`));
    expect(hasLoneLf(result)).toBe(false);
  });

  test('setting the same value twice: no edit the second time', () => {
    const once = editBlock(text, prefix, ['status'], 'done');
    const target = blockTarget(once, prefix);
    expect(setYamlValueInRegion(once, { kind: 'block', ...target }, ['status'], 'done')).toEqual([]);
  });
});

describe('task block refusals', () => {
  const text = wrap('> ', '```');

  test('a target that no longer matches the file is a conflict', () => {
    const target = blockTarget(text, '> ');
    const changed = text.replace('status: todo', 'status: done');
    let error: unknown;
    try {
      setYamlValueInRegion(changed, { kind: 'block', ...target }, ['status'], 'blocked');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CustodianError);
    expect((error as CustodianError).code).toBe('conflict');
  });

  test('an empty block has no line to edit', () => {
    let error: unknown;
    try {
      setYamlValueInRegion('```task\n```\n', { kind: 'block', yaml: '', content_offsets: [] }, ['status'], 'todo');
    } catch (caught) {
      error = caught;
    }
    expect((error as CustodianError).code).toBe('refused');
  });
});
