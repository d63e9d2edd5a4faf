// fast-check arbitraries for YAML texts that exercise what the two readers could disagree on:
// every core-schema spelling of numbers, booleans and nulls, quoting and escapes, block scalars
// with chomping, flow and block collections, comments, properties, special keys, line endings,
// and random single-character damage that turns a valid text into an almost-valid one.
import fc from 'fast-check';

type YamlTree =
  | { kind: 'scalar'; text: string }
  | { kind: 'block-scalar'; header: string; lines: string[] }
  | { kind: 'map'; flow: boolean; entries: Array<[string, YamlTree]> }
  | { kind: 'seq'; flow: boolean; items: YamlTree[] };

const CORE_SPELLINGS = [
  '0o14', '0x1F', '0X1F', '1e3', '1E-2', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '+12', '-7', '1_000', '012', '-0',
  '0.0', '-0.0', '1.', '.5', '+.5', '-.5e+2', '0b101', '+0x1F', '-0o14', '12345678901234567890', '0xFFFFFFFFFFFFFFFFFF',
  'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'Off', 'null', 'Null', 'NULL', '~', '',
  '2026-02-28', '2026-02-28T10:00:00Z', '10:30', '1:20:30', '0o8', '0x', '1e', '.e3', '00',
];
const WORDS = [
  'hello', 'hello world', 'a:b', 'x-y', 'CUST-WP-0005-T01', 'T01', 'é😀', 'R&D', 'Done!', 'what? yes', 'prototype',
  'constructor', '__proto__', 'a,b', 'tab\there', 'ends with space ', "it's", 'say "hi"', '50%', 'key: no', 'x #y',
  'toString', 'valueOf', 'hasOwnProperty', '-', '--', '---x', '@home', '`tick`', 'in_progress', 'v1.2.3',
];
const KEYS = [
  'id', 'title', 'status', 'tasks', 'depends_on', 'a', 'b', '1', '01', '1.0', '0x1F', 'true', 'True', 'null', '~',
  '.inf', '.nan', '.NaN', '-0', '"a"', "'b'", '"1"', '"null"', '"<<"', '<<', '__proto__', 'constructor',
  'prototype', '"__pro\\x74o__"', 'key with spaces', 'é', '"quoted: key"', '? a', 'toString',
];
const DOUBLE_QUOTED = [
  '"plain"', '"\\x41\\u00e9\\U0001F600"', '"line\\nbreak"', '"tab\\tin"', '"quote \\" in"', '"back\\\\slash"',
  '"folded\n  line"', '"\\r"', '"\\0"', '"\\e\\a"', '"unknown \\q"', '""', '"#not comment"', '"a\\\n  b"',
];
const SINGLE_QUOTED = ["'plain'", "'it''s'", "''", "'multi\n  line'", "'# no'", "'\\n stays'", "'a''b''c'"];
const PROPERTIES = ['&a ', '&b ', '!!str ', '!!int ', '!custom ', '!!js/function ', '! ', '!!map ', '!<tag:yaml.org,2002:str> '];
const ALIASES = ['*a', '*b', '*zzz'];
const BLOCK_HEADERS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '>1-'];

/** Options for the texts: hostile ones carry properties, aliases, special keys and damage. */
export interface YamlTextOptions {
  hostile: boolean;
}

export function yamlTexts({ hostile }: YamlTextOptions): fc.Arbitrary<string> {
  const plainScalar = fc.constantFrom(...CORE_SPELLINGS, ...(hostile ? WORDS : WORDS.filter((w) => !RISKY_WORD.test(w))));
  const keyChoice = hostile ? KEYS : KEYS.filter((k) => !/<<|__pro|constructor|prototype|^\?/.test(k));

  const scalar: fc.Arbitrary<YamlTree> = fc
    .oneof(
      { weight: 6, arbitrary: plainScalar },
      { weight: 2, arbitrary: fc.constantFrom(...(hostile ? DOUBLE_QUOTED : DOUBLE_QUOTED.filter((q) => !/\\q|\n/.test(q)))) },
      { weight: 1, arbitrary: fc.constantFrom(...(hostile ? SINGLE_QUOTED : SINGLE_QUOTED.filter((q) => !q.includes('\n')))) },
      { weight: hostile ? 1 : 0, arbitrary: fc.tuple(fc.constantFrom(...PROPERTIES), plainScalar).map(([p, s]) => p + s) },
      { weight: hostile ? 1 : 0, arbitrary: fc.constantFrom(...ALIASES) },
    )
    .map((text) => ({ kind: 'scalar' as const, text }));

  const entries = (value: fc.Arbitrary<YamlTree>, maxLength: number) =>
    hostile
      ? fc.array(fc.tuple(fc.constantFrom(...keyChoice), value), { minLength: 1, maxLength })
      : fc.uniqueArray(fc.tuple(fc.constantFrom(...keyChoice), value), { minLength: 1, maxLength, selector: ([k]) => canonicalKey(k) });

  const blockScalar: fc.Arbitrary<YamlTree> = fc
    .record({
      header: fc.constantFrom(...BLOCK_HEADERS),
      lines: fc.array(fc.constantFrom('line one', 'line two', '', '  indented more', '# not a comment', 'a: b', '- x'), {
        minLength: 1,
        maxLength: 4,
      }),
    })
    // A clean block scalar's first line sets its indentation; a later line indented less ends it.
    .map(({ header, lines }) => ({ kind: 'block-scalar' as const, header, lines: hostile ? lines : ['first line', ...lines] }));

  const { tree } = fc.letrec<{ tree: YamlTree; map: YamlTree; seq: YamlTree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: scalar },
      { weight: 1, arbitrary: blockScalar },
      { weight: 2, arbitrary: tie('map') },
      { weight: 2, arbitrary: tie('seq') },
    ),
    map: fc
      .record({ flow: fc.boolean(), entries: entries(tie('tree'), 5) })
      .map(({ flow, entries }) => ({ kind: 'map' as const, flow, entries })),
    seq: fc
      .record({ flow: fc.boolean(), items: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }) })
      .map(({ flow, items }) => ({ kind: 'seq' as const, flow, items })),
  }));

  return fc
    .record({
      root: fc.oneof(
        { weight: 4, arbitrary: entries(tree, 8).map((e) => ({ kind: 'map' as const, flow: false, entries: e })) },
        { weight: 1, arbitrary: hostile ? tree : tree.filter((t) => t.kind === 'map' || t.kind === 'seq') },
      ),
      comments: fc.array(fc.tuple(fc.nat(), fc.constantFrom('# a comment', '  # indented', '#')), { maxLength: 2 }),
      trailing: fc.option(fc.constantFrom(' # trailing', '\n', '\n\n', '\n...\n', ...(hostile ? ['\n---\nb: 1'] : [])), { nil: undefined }),
      eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
      damage: fc.array(damage, { maxLength: 2 }),
      damaged: hostile ? fc.integer({ min: 0, max: 3 }) : fc.constant(-1),
    })
    .map(({ root, comments, trailing, eol, damage: edits, damaged }) => {
      const lines = renderBlock(root, 0, hostile);
      // A comment line inside a block scalar is content; clean texts keep comments outside.
      for (const [at, comment] of comments) lines.splice(hostile ? at % (lines.length + 1) : at % 2 === 0 ? 0 : lines.length, 0, comment);
      let text = lines.join('\n') + (trailing ?? '');
      if (damaged === 0) for (const edit of edits) text = applyDamage(text, edit);
      return text.replace(/\n/g, eol);
    });
}

/** Keys js-yaml stores under one property name: `1`, `01` and `"1"`; `null` and `~`. */
function canonicalKey(key: string): string {
  const unquoted = key.replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
  if (unquoted !== key) return unquoted;
  if (/^(?:~|null|Null|NULL)$/.test(key)) return 'null';
  if (/^\.nan$/i.test(key)) return 'NaN';
  if (/^[-+]?\.inf$/i.test(key)) return key.startsWith('-') ? '-Infinity' : 'Infinity';
  if (/^(?:true|True|TRUE)$/.test(key)) return 'true';
  if (/^[-+]?[0-9.]/.test(key) && !Number.isNaN(Number(key))) return String(Number(key));
  return key;
}

/** Words that break a text wherever they land (a reserved indicator, a lone dash, glued `: `). */
const RISKY_WORD = /^[@`-]|^key: no$|^a,b$/;

function renderFlow(node: YamlTree, hostile: boolean): string {
  switch (node.kind) {
    case 'scalar':
      // Clean texts keep flow scalars flow-safe: one line, no flow indicators or comments.
      return hostile || !/^$|[,[\]{}#\n]|^[-?:]/.test(node.text) ? node.text : JSON.stringify(node.text.replace(/\n\s*/g, ' '));
    case 'block-scalar':
      return JSON.stringify(node.lines.join('\n'));
    case 'map':
      return `{${node.entries.map(([k, v]) => `${k}: ${renderFlow(v, hostile)}`).join(', ')}}`;
    case 'seq':
      return `[${node.items.map((item) => renderFlow(item, hostile)).join(', ')}]`;
  }
}

/** Lines of `node` as the value of a block entry whose content starts at column `indent`. */
function renderBlock(node: YamlTree, indent: number, hostile: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (node.kind === 'map' && !node.flow) {
    return node.entries.flatMap(([key, value]) => {
      const inline = inlineValue(value, indent + 2, hostile);
      return inline.head === null ? [`${pad}${key}:`, ...inline.rest] : [`${pad}${key}: ${inline.head}`, ...inline.rest];
    });
  }
  if (node.kind === 'seq' && !node.flow) {
    return node.items.flatMap((item) => {
      const inline = inlineValue(item, indent + 2, hostile, true);
      return inline.head === null ? [`${pad}-`, ...inline.rest] : [`${pad}- ${inline.head}`, ...inline.rest];
    });
  }
  const inline = inlineValue(node, indent, hostile);
  return inline.head === null ? inline.rest : [`${pad}${inline.head}`, ...inline.rest];
}

/** How a value follows its `key:` or `-`: text on the same line, then more lines. */
function inlineValue(node: YamlTree, indent: number, hostile: boolean, inSequence = false): { head: string | null; rest: string[] } {
  if (node.kind === 'scalar') return { head: node.text, rest: [] };
  if (node.kind === 'block-scalar') {
    const pad = ' '.repeat(indent);
    return { head: node.header, rest: node.lines.map((l) => (l === '' ? '' : pad + l)) };
  }
  if (node.flow) return { head: renderFlow(node, hostile), rest: [] };
  if (inSequence && node.kind === 'map') {
    // Compact form: the first key on the dash's line.
    const [first, ...others] = renderBlock(node, indent, hostile);
    return { head: first!.trimStart(), rest: others };
  }
  return { head: null, rest: renderBlock(node, indent, hostile) };
}

const damage = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate-line'),
  char: fc.constantFrom(':', '-', '?', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '\t', '\n', ' ', '\r'),
});

function applyDamage(text: string, edit: { at: number; kind: string; char: string }): string {
  if (text.length === 0) return edit.char;
  const at = edit.at % text.length;
  if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  if (edit.kind === 'insert') return text.slice(0, at) + edit.char + text.slice(at);
  const lines = text.split('\n');
  const line = edit.at % lines.length;
  lines.splice(line, 0, lines[line]!);
  return lines.join('\n');
}

/** Texts with every hostile construct and random damage: mostly rejected. */
export const hostileYamlText = yamlTexts({ hostile: true });
/** Valid-looking texts with unique keys and no subset violations: mostly accepted. */
export const cleanYamlText = yamlTexts({ hostile: false });
