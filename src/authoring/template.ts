// Filling a document template (templates/<kind>.md): `{{name}}` placeholders. A placeholder that
// is a front-matter key's whole value is written as YAML (quoted when needed, a list in flow
// style) and its line is left out when the value is empty; anywhere else it is replaced by the
// plain text. A line holding only empty placeholders is left out too. Pure: text in, text out.
import { CustodianError } from '../errors.js';
import { renderScalar } from '../edit/yaml/scalar-render.js';

export type TemplateValue = string | number | boolean | readonly string[] | null | undefined;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;
const YAML_VALUE_LINE = /^(\s*[\w-]+:[ \t]*)\{\{\s*([A-Za-z_][\w-]*)\s*\}\}([ \t]+#.*)?$/;
const ONLY_PLACEHOLDERS = /^(?:\s*\{\{\s*[A-Za-z_][\w-]*\s*\}\})+\s*$/;

/** The filled template; `label` names it in errors (a workspace may bring its own templates). */
export function renderTemplate(template: string, values: TemplateValues, label: string): string {
  const lines = template.split(/\r?\n/);
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const frontmatterEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const out: string[] = [];
  let skipBlank = false;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (skipBlank && line.trim() === '') {
      skipBlank = false;
      return;
    }
    skipBlank = false;
    const inFrontmatter = index > 0 && index < frontmatterEnd;
    const yamlValue = inFrontmatter ? YAML_VALUE_LINE.exec(line) : null;
    if (yamlValue) {
      const [, head, name, comment = ''] = yamlValue;
      const value = lookup(values, name, label, lineNo);
      if (!isEmpty(value)) out.push(`${head}${yamlText(value)}${comment}`);
      return;
    }
    if (ONLY_PLACEHOLDERS.test(line) && [...line.matchAll(PLACEHOLDER)].every((m) => isEmpty(lookup(values, m[1], label, lineNo)))) {
      // The blank line that separated it from the text above goes with it.
      skipBlank = out.length > 0 && out[out.length - 1].trim() === '';
      return;
    }
    out.push(line.replace(PLACEHOLDER, (_, name: string) => plainText(lookup(values, name, label, lineNo))));
  });
  while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  return out.join(eol) + eol;
}

function lookup(values: TemplateValues, name: string, label: string, line: number): TemplateValue {
  if (!Object.hasOwn(values, name)) {
    throw new CustodianError('invalid-workspace', `${label}:${line}: unknown placeholder {{${name}}} (known: ${Object.keys(values).sort().join(', ')})`);
  }
  return values[name];
}

function isEmpty(value: TemplateValue): boolean {
  return value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

function yamlText(value: TemplateValue): string {
  if (Array.isArray(value)) return `[${value.map((item) => renderScalar(item, 'plain', true)).join(', ')}]`;
  return renderScalar(value as string | number | boolean, 'plain', false);
}

function plainText(value: TemplateValue): string {
  if (isEmpty(value)) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}
