// What `init` writes: a fresh custodian.yaml, and the .gitignore lines that keep the index and
// the machine's own custodian.local.yaml out of git. Pure: text in, text out.
import type { Eol } from '../edit/index.js';

/** Where custodian.yaml's JSON Schema is inside the installed package. */
export const WORKSPACE_SCHEMA_FILE = 'schemas/workspace.schema.json';

/**
 * A new custodian.yaml. `schema`: where editors' YAML language servers find its JSON Schema (the
 * file the installed package ships: a path relative to the registry, or a file: URL).
 */
export function registryTemplate(schema: string): string {
  return [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    '# The custodian workspace: domains (areas of work) and the repositories whose workplans,',
    '# tasks and goals custodian reads. Edit it with `custodian domain add|rename|archive` and',
    '# `custodian repo add|update|path|archive` (they keep comments and layout) or by hand.',
    '# Paths that only one machine needs belong in custodian.local.yaml (git-ignored).',
    'version: 1',
    'domains: []',
    'repos: []',
    '',
  ].join('\n');
}

/** The entries `init` makes sure .gitignore has, with the spellings that already cover each. */
export const IGNORED = [
  { entry: '.custodian/', covered: ['.custodian', '.custodian/', '/.custodian', '/.custodian/', '.custodian/*', '/.custodian/*'] },
  { entry: 'custodian.local.yaml', covered: ['custodian.local.yaml', '/custodian.local.yaml'] },
] as const;

/** The .gitignore text with the missing entries appended (unchanged when nothing is missing). */
export function withIgnoredEntries(text: string, eol: Eol): { text: string; added: string[] } {
  const lines = new Set(text.split(/\r\n|\n|\r/).map((line) => line.trim()));
  const added = IGNORED.filter(({ covered }) => !covered.some((spelling) => lines.has(spelling))).map(({ entry }) => entry);
  if (added.length === 0) return { text, added };
  const separator = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  const block = ['# custodian: the local index and this machine\'s registry overrides', ...added].join(eol);
  return { text: `${text}${separator}${block}${eol}`, added };
}
