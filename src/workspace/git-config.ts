// The origin URL from the repository's `config` file, without a git process. A config that
// pulls in other files ([include], [includeIf]) is handed to `git config`, which knows the rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from './git.js';

export interface ConfigEntry {
  /** Lowercased section name (`remote`). */
  section: string;
  /** Subsection exactly as written (`origin`), or null. */
  subsection: string | null;
  /** Lowercased variable name (`url`). */
  name: string;
  /** The value, unquoted and unescaped; true for a bare name. */
  value: string | true;
}

/** `remote.origin.url` (the first one, as fetch uses), or null when origin has no URL. */
export async function readOriginUrl(commonDir: string): Promise<string | null> {
  let text: string;
  try {
    text = readFileSync(join(commonDir, 'config'), 'utf8');
  } catch {
    return null;
  }
  const entries = parseGitConfig(text);
  if (entries === null || entries.some((e) => e.section === 'include' || e.section === 'includeif')) {
    return originUrlFromGit(commonDir);
  }
  const url = entries.find((e) => e.section === 'remote' && e.subsection === 'origin' && e.name === 'url');
  return url && typeof url.value === 'string' ? url.value : null;
}

async function originUrlFromGit(commonDir: string): Promise<string | null> {
  const result = await runGit(commonDir, ['--git-dir', commonDir, 'config', '--get-all', '--null', 'remote.origin.url'], {
    okExitCodes: [0, 1],
  });
  if (result.exitCode !== 0) return null;
  return result.stdout.split('\0')[0] || null;
}

/** Every variable of a git config file in order; null when the file is not something this reader understands. */
export function parseGitConfig(text: string): ConfigEntry[] | null {
  const entries: ConfigEntry[] = [];
  let section: string | null = null;
  let subsection: string | null = null;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
    if (i >= n) break;
    const c = text[i];
    if (c === '#' || c === ';') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '[') {
      const header = /^\[[ \t]*([A-Za-z0-9.-]+)(?:[ \t]+"((?:[^"\\\n]|\\.)*)")?[ \t]*\]/.exec(text.slice(i, i + 1024));
      if (!header) return null;
      const [whole, name, sub] = header;
      const dot = name.indexOf('.');
      if (sub !== undefined) {
        section = name.toLowerCase();
        subsection = sub.replace(/\\(.)/g, '$1');
      } else if (dot >= 0) {
        // Deprecated [section.subsection] form: the subsection is lowercased.
        section = name.slice(0, dot).toLowerCase();
        subsection = name.slice(dot + 1).toLowerCase();
      } else {
        section = name.toLowerCase();
        subsection = null;
      }
      i += whole.length;
      continue;
    }
    if (section === null) return null;
    const nameMatch = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(i, i + 256));
    if (!nameMatch) return null;
    const name = nameMatch[0].toLowerCase();
    i += nameMatch[0].length;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n || text[i] === '\n' || text[i] === '\r' || text[i] === '#' || text[i] === ';') {
      entries.push({ section, subsection, name, value: true });
      continue;
    }
    if (text[i] !== '=') return null;
    i++;
    const parsed = parseValue(text, i);
    if (parsed === null) return null;
    entries.push({ section, subsection, name, value: parsed.value });
    i = parsed.end;
  }
  return entries;
}

/** A value from `start` to the end of its (possibly continued) line, as git reads it. */
function parseValue(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let pendingSpace = '';
  let quoted = false;
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (quoted) return null;
      break;
    }
    if (!quoted && (c === '#' || c === ';')) {
      while (i < text.length && text[i] !== '\n') i++;
      break;
    }
    if (!quoted && (c === ' ' || c === '\t')) {
      // Whitespace inside an unquoted value is kept only when more text follows.
      pendingSpace += c;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        i++;
        continue;
      }
      if (next === '\r' && text[i + 2] === '\n') {
        i += 2;
        continue;
      }
      const escaped = { n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' }[next ?? ''];
      if (escaped === undefined) return null;
      value += pendingSpace + escaped;
      pendingSpace = '';
      i++;
      continue;
    }
    if (c === '"') {
      value += pendingSpace;
      pendingSpace = '';
      quoted = !quoted;
      continue;
    }
    value += pendingSpace + c;
    pendingSpace = '';
  }
  if (quoted) return null;
  return { value, end: i };
}
