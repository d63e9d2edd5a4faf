// Hand-written YAML texts for the agreement test: what front-matter and task blocks look like,
// every core-schema spelling, every layout YAML allows for them, and every hostile construct.

const FRONT_MATTER = `id: CUST-WP-0005
title: "Domains table + Alembic migration"
type: workplan
domain: custodian
repo: the-custodian
status: active   # active | completed
owner: agent-7
topic_slug: domains-table
created: 2026-02-28
updated: 2026-03-02T09:15:00Z
priority: high
labels: [storage, 'schema', "migration"]
estimate: 12.5
tasks:
  - id: T01
    title: Create the table
    status: done
    depends_on: []
  - id: T02
    title: 'Backfill: existing rows'
    status: in_progress
    depends_on: [T01]
  - {id: T03, title: Flow-style task, status: todo}
`;

const TASK_FILE = `id: CUST-T-0042
name: Index rebuild
status: blocked
depends_on:
- CUST-WP-0005-T02
- other-repo:T07
priority: critical
needs_human: true
scope: |
  Rebuild the index
  in one transaction.
risk: >-
  Low, the index is a cache
  and can be thrown away.
`;

const BLOCK_SCALARS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '>1'].map(
  (header) => `text: ${header}\n  line one\n   line two\n\n  line three\n\nafter: x\n`,
);

const HOSTILE: Record<string, string> = {
  'billion laughs': ['a: &a ["lol","lol","lol"]', 'b: &b [*a,*a,*a]', 'c: &c [*b,*b,*b]', 'd: [*c,*c,*c]'].join('\n'),
  'anchor only': 'a: &x 1\n',
  'alias without anchor': 'a: *x\n',
  'alias before its anchor': 'a: *x\nb: &x 1\n',
  'recursive alias': 'a: &a [*a]\n',
  'anchor on a key': '&k a: 1\n',
  'empty anchor': 'a: & 1\n',
  'anchor ending in a colon': 'a: &x: 1\n',
  'properties over two lines': 'a: &x\n!t\nb: 1\n',
  'js function tag': 'run: !!js/function >\n  function(){ return 1; }\n',
  'js regexp tag': 'r: !!js/regexp /a/\n',
  'python tag': 'x: !!python/object/apply:os.system ["true"]\n',
  'str tag': 'a: !!str 1\n',
  'int tag on a word': 'a: !!int abc\n',
  'custom tag': 'a: !custom x\n',
  'binary tag': 'a: !!binary aGVsbG8=\n',
  'timestamp tag': 'a: !!timestamp 2026-02-28\n',
  'set tag': 'a: !!set {x, y}\n',
  'undeclared tag handle': 'a: !e!x 1\n',
  'malformed tag': 'a: !!in!t 1\n',
  'tag then flow indicator': 'a: [!!str, b]\n',
  'merge key': 'base: &b {a: 1}\nderived:\n  <<: *b\n',
  'merge key without aliases': 'derived:\n  <<: {a: 1}\n  b: 2\n',
  'merge key list': '<<: [{a: 1}, {b: 2}]\n',
  'quoted merge key': '"<<": 1\n',
  '__proto__ key': '__proto__: {polluted: true}\n',
  'quoted __proto__': "'__proto__': 1\n",
  'escaped __proto__': '"\\x5f_proto__": 1\n',
  'constructor deep': 'a:\n  - b:\n      constructor: {prototype: 1}\n',
  'prototype in flow': 'a: {prototype: 1}\n',
  'duplicate key': 'a: 1\na: 2\n',
  'duplicate key depth 2': 'a:\n  b: 1\n  c: 2\n  b: 3\n',
  'duplicate number keys': '1: a\n01: b\n',
  'duplicate null keys': '~: a\nnull: b\n',
  'duplicate quoted and plain': 'a: 1\n"a": 2\n',
  'duplicate in flow': '{a: 1, b: 2, a: 3}\n',
  'second document': 'a: 1\n---\nb: 2\n',
  'empty second document': 'a: 1\n---\n',
  'document end then content': 'a: 1\n...\nb: 2\n',
  'directive': '%YAML 1.2\n---\na: 1\n',
  'tag directive': '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n',
  'scalar document': 'hello\n',
  'number document': '42\n',
  'quoted scalar document': '"hello"\n',
  'block scalar document': '|\n  text\n',
  'marker glued to text': '---x\n',
  'complex key': '? [a, b]\n: c\n',
  'flow key': '{a: 1}: b\n',
  'missing key': ': x\n',
  'mapping on its key line': 'a: b: c\n',
  'compact mapping after anchor': 'a: &x b: c\n',
  'unterminated flow': 'a: [1, 2\nb: 3\n',
  'unterminated quote': 'a: "abc\n',
  'flow entry indented too little': 'a: [1,\n2]\n',
  'closing bracket left of its key': 'a:\n  b: [1,\n ]\n',
  'quoted continuation indented too little': 'a:\n  b: "x\n  y"\n',
  'bad indentation': 'a:\n  b: 1\n c: 2\n',
  'tab indentation': 'a:\n\t- b\n',
  'comment glued to quote': 'a: "x"# c\n',
  'comment glued to bracket': 'a: [x]#c\n',
  'reserved indicator': 'a: @x\n',
  'control character': 'a: "x\u0001"\n',
  'null byte': 'a: x\u0000\n',
  'lone surrogate': 'a: \udc00\n',
  'flow key on two lines': '{a\n: 1}\n',
  'explicit key then a comment then content': '? a # c\n  more\nb: 1\n',
  'flow key spread over lines': '{"a\n  b": 1}\n',
  'question mark glued in flow': 'a: [?, b]\n',
  'deep flow sequence': '['.repeat(20_000),
  'deep block sequence': '- '.repeat(20_000) + 'x\n',
  'deep flow mapping': '{a: '.repeat(16_000),
  'deep block mapping': Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
  '101 nested flow sequences': '['.repeat(101) + ']'.repeat(101),
  '101 nested block sequences': '- '.repeat(101) + 'x\n',
  'too large': `a: "${'x'.repeat(65 * 1024)}"\n`,
};

const ACCEPTED: Record<string, string> = {
  'workplan front-matter': FRONT_MATTER,
  'workplan front-matter, CRLF': FRONT_MATTER.replace(/\n/g, '\r\n'),
  'workplan front-matter, CR': FRONT_MATTER.replace(/\n/g, '\r'),
  'task file front-matter': TASK_FILE,
  'task block': 'id: CUST-WP-0005-T01\nstatus: done\npriority: high\n',
  'task block with a title': 'id: T02\ntitle: "Override: the heading"\nstatus: wip\n',
  'plain strings': 'a: hello world\nb: x-y_z.1\nc: a:b\nd: x #not y\ne: 50%\nf: R&D\ng: done!\nh: why?\n',
  'quoted strings': 'a: "double \\"q\\" \\t \\u00e9 \\x41 \\U0001F600"\nb: \'single \'\' q\'\nc: ""\nd: \'\'\ne: "#no comment"\n',
  'escapes': 'a: "\\0\\a\\b\\e\\f\\n\\r\\v\\\\\\/\\N\\_\\L\\P"\n',
  'numbers': 'a: [0o14, 0x1F, 1e3, 1E-2, .inf, -.Inf, +.INF, .nan, .NaN, .NAN, +12, -7, 012, 0, -0, 0.0, 1., .5, +.5, -.5e+2]\n',
  'number-like strings': 'a: [1_000, 0b101, +0x1F, -0o14, 0X1F, 0O14, 0o8, 0x, 1e, .e3, 1.2.3, 10:30, 1:20:30, 2026-02-28]\n',
  'big numbers': 'a: 12345678901234567890\nb: 0xFFFFFFFFFFFFFFFFFF\nc: 1e400\n',
  'booleans': 'a: [true, True, TRUE, false, False, FALSE, yes, no, on, off, Yes, tRUE, y, n]\n',
  'nulls': 'a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: nULL\ng: [~, null, ]\n',
  'empty values': 'a:\nb: ""\nc: []\nd: {}\ne:\n  -\n',
  'forbidden words as values': 'a: constructor\nb: [prototype, __proto__]\nc: "<<"\n',
  'keys that are numbers': '1: a\n2.5: b\n0x1F: c\n-0: d\n.inf: e\n.nan: f\ntrue: g\nnull: h\n',
  'keys that are quoted': '"a b": 1\n\'c: d\': 2\n"": 3\n"1": 4\n',
  'flow collections': 'a: [1, [2, 3], {b: c, d: [e]}]\nf: {g: h, i: [j, k], l: {m: n}}\ng: [a: b, c]\n',
  'flow over lines': 'a: [\n  1,\n  2\n  ]\nb: {\n  c: d,\n  e: f\n  }\n',
  'closing brackets at the key column': 'a: [\n  1,\n  2\n]\nb:\n  c: {\n    d: e\n  }\n',
  'multi-line plain scalar': 'a: this is\n  a multi line\n\n  plain scalar\nb: x\n',
  'multi-line quoted scalars': 'a: "one\n  two\n\n  three"\nb: \'four\n  five\'\n',
  'escaped line break': 'a: "one \\\n  two"\n',
  'comments everywhere': '# head\na: 1 # trailing\n# between\nb:\n  # inside\n  - x # item\n# tail\n',
  'tabs in values': 'a: x\ty\nb: "\tq"\nc:\t1\n',
  'unicode': 'é: ünïcödé\n日本: 語\nemoji: 😀 👍\nrtl: עברית\n',
  'long line': `a: ${'word '.repeat(3000).trim()}\n`,
  'long key': `${'k'.repeat(500)}: v\n`,
  'document markers': '---\na: 1\n...\n',
  'marker glued to a key': '# c\n---b: 1\n',
  'start marker with content': '--- {a: 1}\n',
  'sequence document': '- a\n- b: c\n- [d]\n',
  'nested sequences': 'a:\n- b\n-\n  - c\n  - - d\n    - e\n',
  'compact mappings in sequences': 'a:\n  - b: 1\n    c: 2\n  - d: 3\n',
  'explicit keys': '? a\n: 1\n? b\n',
  'indented root': '  a: 1\n  b: 2\n',
  'empty list item then next': 'a:\n  - x\n  -\nb: 1\n',
  'empty list item then a shallower item': 'a:\n  - - x\n    -\n  - y\n',
  'question mark in flow': 'a: [?x, y?, ? z]\n',
  'JSON-like flow': '{"a":1, "b":[true,null], c:}\n',
  'ampersands and stars in prose': 'a: Tom & Jerry\nb: 5 * 3\nc: "&x *y !z"\nd: x&y*z!\n',
  'hash in values': 'a: x#y\nb: "x # y"\nc: [a#b]\n',
  'percent value': 'a: "%YAML"\nb: 100%\n',
  'dash values': 'a: -x\nb: "-"\nc: --x\n',
  '100 nested flow sequences': '['.repeat(100) + ']'.repeat(100),
  '100 nested block sequences': '- '.repeat(100) + 'x\n',
  '99 nested sequences under a key': `a: ${'['.repeat(99)}1${']'.repeat(99)}\n`,
  'implicit flow pairs do not count as depth': `a: ${'[x: '.repeat(60)}1${']'.repeat(60)}\n`,
  'explicit indentation with blank-looking lines': 'a: >1-\n\n  \nb: 1\n',
  'near the size limit': `a: "${'x'.repeat(65_000)}"\n`,
};

for (const [i, text] of BLOCK_SCALARS.entries()) ACCEPTED[`block scalar ${i}`] = text;
for (const [name, text] of Object.entries({ ...ACCEPTED })) {
  if (!text.includes('\r')) ACCEPTED[`${name}, CRLF`] ??= text.replace(/\n/g, '\r\n');
}

export { ACCEPTED, HOSTILE };
export const HAND_WRITTEN: Record<string, string> = { ...ACCEPTED, ...HOSTILE };
