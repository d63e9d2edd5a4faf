// Whether the tag property at an offset is well formed for both libraries. js-yaml reads a tag up
// to white space and checks it against YAML 1.2's URI characters; yaml 2's lexer ends a tag at
// the first character outside its own set and then complains, or reads on. Each fails some tags
// the other reads, so both readers call a tag malformed (a syntax error) when either would.
const TAG_URI = /^(?:!|[^,[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()[\]])*$/i;
const YAML2_SUFFIX = /^(?:[0-9A-Za-z\-#;/?:@&=+$_.~*'()]|%[0-9A-Fa-f]{2})*$/;
const VERBATIM = /^!<([^>\s]*)>(?=[ \t\r\n]|$)/;

export function isMalformedTagAt(text: string, offset: number): boolean {
  if (text.startsWith('!<', offset)) {
    const verbatim = VERBATIM.exec(text.slice(offset, offset + 1024));
    return verbatim === null || !isUri(verbatim[1]!);
  }
  let end = offset;
  while (end < text.length && !isWhiteSpace(text.charCodeAt(end))) end++;
  const source = text.slice(offset, end);
  // `!suffix` or `!!suffix`; any other handle needs a %TAG directive, and directives are rejected.
  const suffix = source.startsWith('!!') ? source.slice(2) : source.slice(1);
  if (source.startsWith('!!') && suffix === '') return true;
  return suffix.includes('!') || !YAML2_SUFFIX.test(suffix) || (suffix !== '' && !isUri(suffix));
}

function isUri(name: string): boolean {
  if (name !== '' && !TAG_URI.test(name)) return false;
  try {
    decodeURIComponent(name);
    return true;
  } catch {
    return false;
  }
}

function isWhiteSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}
