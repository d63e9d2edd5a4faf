// A seeded generator of Markdown that is hard for a block scanner: nested block quotes and
// list items with varying indentation, lazy lines, tabs, HTML blocks of every kind, setext
// underlines, fences that are nested, longer, shorter, indented or never closed, and three
// kinds of line ending. Each category leans on one of these; all of them mix the rest in.
// 'soup' is unstructured: block-significant characters in random order.

export type Category =
  | 'fences'
  | 'containers'
  | 'lazy'
  | 'html'
  | 'setext'
  | 'tabs'
  | 'line-endings'
  | 'mixed'
  | 'soup';

export const CATEGORIES: Category[] = ['fences', 'containers', 'lazy', 'html', 'setext', 'tabs', 'line-endings', 'mixed', 'soup'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const WORDS = [
  'foo', 'bar', 'Task one', 'P1.1 — Create `domains` table', '*emph*', 'a `code` span', '[link](x)',
  'id: T01', '\\#', '&amp;', 'ünïcødé 😀', '<b>bold</b>', 'a\u0000b', '[x]',
];
const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '\t', ' \t', '  \t', '     '];

interface Weights {
  fence: number;
  container: number;
  html: number;
  setext: number;
  tab: number;
  lazy: number;
}

const BASE: Weights = { fence: 3, container: 2, html: 1, setext: 1, tab: 0.1, lazy: 0.1 };

function weightsFor(category: Category): Weights {
  switch (category) {
    case 'fences':
      return { ...BASE, fence: 8 };
    case 'containers':
      return { ...BASE, container: 6 };
    case 'lazy':
      return { ...BASE, container: 5, lazy: 0.5 };
    case 'html':
      return { ...BASE, html: 6 };
    case 'setext':
      return { ...BASE, setext: 6 };
    case 'tabs':
      return { ...BASE, container: 4, tab: 0.6 };
    default:
      return BASE;
  }
}

class DocumentGenerator {
  constructor(
    private readonly rnd: Random,
    private readonly w: Weights,
  ) {}

  indent(): string {
    const rnd = this.rnd;
    if (rnd.chance(this.w.tab)) return rnd.pick(['\t', ' \t', '\t ', '  \t']);
    return rnd.chance(0.75) ? '' : rnd.pick(INDENTS);
  }

  words(): string {
    const rnd = this.rnd;
    const n = rnd.int(1, 3);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(rnd.pick(WORDS));
    return out.join(' ');
  }

  paragraph(): string[] {
    const rnd = this.rnd;
    const lines: string[] = [];
    if (rnd.chance(0.05)) lines.push('[ref]: /url "title"');
    const n = rnd.int(1, 3);
    for (let i = 0; i < n; i++) lines.push(this.indent() + this.words() + (rnd.chance(0.1) ? '  ' : ''));
    return lines;
  }

  atx(): string[] {
    const rnd = this.rnd;
    const hashes = '#'.repeat(rnd.int(1, 7));
    const sep = rnd.pick([' ', ' ', '  ', '\t', '']);
    const closing = rnd.pick(['', '', ' #', ' ###', '#', ' # x', '   ']);
    return [rnd.pick(['', '', ' ', '   ', '    ']) + hashes + sep + (rnd.chance(0.9) ? this.words() : '') + closing];
  }

  setext(): string[] {
    const rnd = this.rnd;
    const underline = rnd.pick(['===', '---', '=', '-', ' ==  ', '= =', '--- -', '   ---', '    ===', '=\t', '----------']);
    return [...this.paragraph(), underline];
  }

  fence(depth: number): string[] {
    const rnd = this.rnd;
    const char = rnd.chance(0.7) ? '`' : '~';
    const length = rnd.int(3, 5);
    const open = char.repeat(length);
    const indent = rnd.pick(['', '', '', ' ', '  ', '   ', '    ', '\t']);
    const info = rnd.pick(['', 'task', 'task', 'yaml', 'js', 'task title="x"', ' task ', 'a`b', 'py{x}', '~~']);
    const lines = [indent + open + info];
    const n = rnd.int(0, 5);
    for (let i = 0; i < n; i++) {
      lines.push(
        rnd.pick([
          'id: T01',
          'status: done',
          '# not a heading',
          '```',
          '```task',
          '````',
          '~~~',
          '    indented',
          ' one space',
          '\ttab',
          '  \t two',
          '',
          '   ',
          '> quoted',
          '- item',
          '<div>',
          '---',
          '===',
        ]),
      );
    }
    if (depth < 2 && rnd.chance(0.1)) lines.push(...this.fence(depth + 1));
    const closeChoice = rnd.next();
    if (closeChoice < 0.6) lines.push(rnd.pick(['', ' ', '  ', '   ']) + open + rnd.pick(['', '', ' ', '\t']));
    else if (closeChoice < 0.7) lines.push(open + char);
    else if (closeChoice < 0.8) lines.push(char.repeat(Math.max(1, length - 1)));
    else if (closeChoice < 0.85) lines.push((char === '`' ? '~' : '`').repeat(length));
    else if (closeChoice < 0.9) lines.push('    ' + open);
    else if (closeChoice < 0.93) lines.push(open + ' x');
    // else: never closed
    return lines;
  }

  html(): string[] {
    const rnd = this.rnd;
    return rnd.pick([
      ['<div>', '*x*', '', 'after'],
      ['<div class="a">', '# in html', '```', 'x'],
      ['<!-- comment', '# hidden', '-->', '# shown'],
      ['<!-- a --> trailing', '# h'],
      ['<?php', '# x', '?>'],
      ['<!DOCTYPE html>', '# y'],
      ['<![CDATA[', '```', ']]>'],
      ['<![CDATA[', ']]]>', '# z'],
      ['<script>', '# no', '</script>', '# yes'],
      ['<pre>', '```', '</pre>'],
      ['<textarea>', '', '# t', '</textarea>'],
      ['<a href="x">', '# a', ''],
      ['<custom-tag attr=1 b="2">', '```', ''],
      ['</span>', '# s'],
      ['<x y=z=w>', '# q'],
      ['<span>text</span>', '# p'],
      ['<div', '```task', 'id: T1', '```'],
      ['<table><tr><td>', '<pre>', '', '# after'],
      ['<!-->', '# after'],
      ['<![cdata[', '# no'],
      ['<STYLE>', '</style>'],
    ]).map((line, i) => (i === 0 ? this.indent() + line : line));
  }

  indentedCode(): string[] {
    const rnd = this.rnd;
    const lines = ['    ' + rnd.pick(['code', '```', '# x', '~~~task'])];
    if (rnd.chance(0.5)) lines.push(rnd.pick(['', '      more', '\tmore', '    ```']));
    return lines;
  }

  blockQuote(depth: number): string[] {
    const rnd = this.rnd;
    const inner = this.blocks(depth + 1, rnd.int(1, 3));
    return inner.map((line, i) => {
      if (i > 0 && rnd.chance(this.w.lazy)) return line; // lazy (or container-ending) line
      const marker = rnd.pick(['>', '> ', '> ', ' > ', '>\t', '   > ']);
      return marker + line;
    });
  }

  listItem(depth: number): string[] {
    const rnd = this.rnd;
    const marker = rnd.pick(['-', '*', '+', '1.', '2)', '10.', '1)', '003.']);
    const pre = rnd.pick(['', '', ' ', '  ', '   ']);
    const gap = rnd.chance(this.w.tab) ? '\t' : rnd.pick([' ', ' ', ' ', '  ', '    ', '     ']);
    const width = pre.length + marker.length + (gap === '\t' || gap.length > 4 ? 1 : gap.length);
    const inner = this.blocks(depth + 1, rnd.int(1, 3));
    if (rnd.chance(0.05)) inner.unshift('');
    return inner.map((line, i) => {
      if (i === 0) return pre + marker + (line === '' ? '' : gap + line);
      if (line === '' && rnd.chance(0.5)) return '';
      if (rnd.chance(this.w.lazy)) return line;
      if (rnd.chance(this.w.tab) && width <= 4) return '\t' + line;
      const shift = rnd.chance(0.1) ? rnd.int(-2, 2) : 0;
      return ' '.repeat(Math.max(0, width + shift)) + line;
    });
  }

  block(depth: number): string[] {
    const rnd = this.rnd;
    const w = this.w;
    const options: [number, () => string[]][] = [
      [3, () => this.paragraph()],
      [2, () => this.atx()],
      [w.setext, () => this.setext()],
      [w.fence, () => this.fence(0)],
      [w.html, () => this.html()],
      [0.5, () => this.indentedCode()],
      [0.5, () => [rnd.pick(['***', '- - -', '___', '---', ' * * *'])]],
      [1.5, () => ['']],
      [depth < 4 ? w.container : 0, () => this.blockQuote(depth)],
      [depth < 4 ? w.container : 0, () => this.listItem(depth)],
    ];
    const total = options.reduce((sum, [weight]) => sum + weight, 0);
    let roll = rnd.next() * total;
    for (const [weight, make] of options) {
      roll -= weight;
      if (roll < 0) return make();
    }
    return this.paragraph();
  }

  blocks(depth: number, count: number): string[] {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(...this.block(depth));
      if (this.rnd.chance(0.4)) lines.push('');
    }
    return lines;
  }
}

export interface GeneratedDocument {
  text: string;
  /** Where the body starts (after a front-matter block, when there is one). */
  from: number;
}

/** Characters and short runs that mean something to a block parser, in random order. */
const SOUP_CHARS = [' ', ' ', ' ', '\t', '\n', '\n', '\n', '\r', '>', '-', '*', '+', '1', '2', '.', ')', '#', '`', '`', '~', '=', '<', '!', '[', ']', ':', 'a', '/', '?'];
const SOUP_RUNS = ['```', '~~~', '    ', '> ', '- ', '1. ', '<div>', '<!--', '-->', '<a>', '---', '===', '# ', '\r\n'];

function soup(rnd: Random): string {
  let text = '';
  const length = rnd.int(0, 120);
  for (let i = 0; i < length; i++) text += rnd.chance(0.15) ? rnd.pick(SOUP_RUNS) : rnd.pick(SOUP_CHARS);
  return text;
}

/** One generated document of the given category, reproducible from (seed, category). */
export function generateDocument(seed: number, category: Category): GeneratedDocument {
  const rnd = new Random(seed);
  if (category === 'soup') return { text: soup(rnd), from: 0 };
  const lines = new DocumentGenerator(rnd, weightsFor(category)).blocks(0, rnd.int(1, 8));
  const frontMatter = rnd.chance(0.15) ? ['---', 'id: WP-1', '# not a heading', '```', '---'] : [];
  lines.unshift(...frontMatter);
  let ending = '\n';
  if (category === 'line-endings') ending = rnd.pick(['\r\n', '\r', 'mixed']);
  else if (rnd.chance(0.05)) ending = rnd.pick(['\r\n', '\r']);
  let text = '';
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    text += lines[i];
    if (i < lines.length - 1 || rnd.chance(0.7)) text += ending === 'mixed' ? rnd.pick(['\n', '\r\n', '\r']) : ending;
    if (i === frontMatter.length - 1) from = text.length;
  }
  return { text, from };
}
