// The one engine that applies edits as data (ESLint's source-code-fixer): sort, skip what
// overlaps an earlier edit, splice. Pure: text in, text out.
import type { TextEdit } from '../documents/model.js';

export interface ApplyResult {
  text: string;
  applied: TextEdit[];
  /** Edits left out because they overlap an applied one or have an invalid range; a later pass may apply them. */
  skipped: TextEdit[];
}

/**
 * Applies every edit that does not collide with an earlier one (by start, then end).
 * Two edits collide when their ranges share a character, or when both insert at the same
 * point (their order would be a guess). An insertion touching a replacement's boundary does
 * not collide: the result is the same whichever is applied first.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  const applied: TextEdit[] = [];
  const skipped: { edit: TextEdit; index: number }[] = [];
  const parts: string[] = [];
  let cursor = 0;
  let lastInsertAt = -1;
  for (const { edit, index } of ordered) {
    const valid = Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length;
    const isInsert = edit.start === edit.end;
    const collides = edit.start < cursor || (isInsert && edit.start === lastInsertAt);
    if (!valid || collides) {
      skipped.push({ edit, index });
      continue;
    }
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
    lastInsertAt = isInsert ? edit.start : -1;
    applied.push(edit);
  }
  parts.push(text.slice(cursor));
  // Skipped edits are reported in their original order so callers can match them to their sources.
  skipped.sort((a, b) => a.index - b.index);
  return { text: parts.join(''), applied, skipped: skipped.map((entry) => entry.edit) };
}

export interface FixpointResult {
  text: string;
  /** Passes that changed the text. */
  passes: number;
}

export interface FixpointOptions {
  /** At most this many passes (ESLint's cap: 10). */
  maxPasses?: number;
  /** Refuses a pass's result (e.g. a text that no longer parses): the loop stops at the text before it. */
  accept?: (next: string) => boolean | Promise<boolean>;
}

/**
 * The one loop that applies fixes: recomputes and applies edits until a pass changes nothing,
 * its result is refused, or `maxPasses` is reached, so fixes skipped for overlapping get their
 * turn against the updated text. `computeEdits` may be async (a rule needs the parser).
 */
export async function fixToFixpoint(
  text: string,
  computeEdits: (text: string) => readonly TextEdit[] | Promise<readonly TextEdit[]>,
  options: FixpointOptions = {},
): Promise<FixpointResult> {
  const maxPasses = options.maxPasses ?? 10;
  let current = text;
  let passes = 0;
  while (passes < maxPasses) {
    const edits = await computeEdits(current);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    if (options.accept && !(await options.accept(next))) break;
    current = next;
    passes++;
  }
  return { text: current, passes };
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), or
 * none when they are equal. Lets a caller that computed a whole new text hand it to the engine.
 */
export function replacementEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return [{ start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) }];
}
