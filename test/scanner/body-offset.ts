// Where a Markdown file's body starts: after a front-matter block (`---` … `---` or `...`),
// as the document parser hands it to the scanner.

export function bodyOffset(text: string): number {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  if (lines.length === 0 || lines[0].replace(/\r?\n|\r/, '') !== '---') return 0;
  let offset = lines[0].length;
  for (let i = 1; i < lines.length; i++) {
    offset += lines[i].length;
    const bare = lines[i].replace(/\r?\n|\r/, '');
    if (bare === '---' || bare === '...') return offset;
  }
  return 0;
}
