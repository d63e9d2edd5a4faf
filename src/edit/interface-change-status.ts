// The edits that move an interface change along its lifecycle: `status` and its date
// (`published_at`, `resolved_at`) set in the front-matter, each inserted after the key it
// belongs after when missing. Nothing else changes.
import type { ParsedDocument, ParseResult, TextEdit } from '../documents/model.js';
import { CustodianError, refused } from '../errors.js';
import { applyEdits, replacementEdits } from './apply-edits.js';
import { shiftEdits } from './region.js';
import { dominantEol } from './text-file.js';
import { yamlSetValue } from './yaml/set-value.js';

/** The interface change `id` in a parsed file; gone means the file changed under us. */
export function locateInterfaceChange(parsed: ParseResult, id: string): ParsedDocument {
  const doc = parsed.documents.find((d) => d.kind === 'interface-change' && d.id === id);
  if (!doc) throw new CustodianError('conflict', `${parsed.file}: interface change ${id} is no longer in the file; retry the command`);
  if (!doc.frontmatter) throw refused(`${parsed.file}: no front-matter to edit`);
  return doc;
}

/**
 * Sets the status, and the date unless the change already had this status and a date (publishing
 * twice keeps the first publication date). The two keys are set one after the other on the
 * front-matter's YAML and returned as edits of the file.
 */
export function transitionEdits(text: string, doc: ParsedDocument, status: string, dateKey: string, today: string, dateAfter: string): TextEdit[] {
  const region = doc.frontmatter!;
  const yaml = text.slice(region.start, region.end);
  const eol = dominantEol(text);
  let next = applyEdits(yaml, yamlSetValue(yaml, ['status'], status, { after: 'id', eol })).text;
  const dated = doc.status === status && doc.fields[dateKey] !== undefined && doc.fields[dateKey] !== null && doc.fields[dateKey] !== '';
  if (!dated) next = applyEdits(next, yamlSetValue(next, [dateKey], today, { after: dateAfter, eol })).text;
  return shiftEdits(replacementEdits(yaml, next), region.start);
}
