// Every answer stays under about 8,000 tokens: clients cut or refuse larger ones (a peer's
// 41k-token `get_tasks` answer broke its clients). Lists page with a cursor; a single document
// still too big has its longest parts cut, in a fixed order, and says what in `truncation_note`.

/** About 8,000 tokens of JSON. */
export const ANSWER_BYTES = 32 * 1024;

/** Room kept for the note itself and for a cursor. */
const NOTE_ROOM = 700;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** A place in a document: keys and array positions from the top. */
export type DocPath = readonly (string | number)[];

/**
 * `doc` itself when it fits; otherwise a copy with the parts at `paths` cut (in order, each only as
 * far as needed: text shortened, lists shortened from the end, objects left out) and a
 * `truncation_note` naming each cut and how to ask for the rest (`hint`).
 */
export function fitDocument<T extends object>(doc: T, paths: readonly DocPath[], hint: string, budget = ANSWER_BYTES): T {
  if (jsonBytes(doc) <= budget) return doc;
  const copy = structuredClone(doc) as Record<string, unknown>;
  const room = budget - NOTE_ROOM;
  const cuts: string[] = [];
  for (const path of paths) {
    if (jsonBytes(copy) <= room) break;
    const cut = cutAt(copy, path, room);
    if (cut !== null) cuts.push(cut);
  }
  copy.truncation_note = `cut to stay under ${budget / 1024} KB: ${cuts.join('; ') || 'nothing could be cut'}. ${hint}`;
  return copy as T;
}

function cutAt(root: Record<string, unknown>, path: DocPath, room: number): string | null {
  let parent: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return null;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  if (parent === null || typeof parent !== 'object') return null;
  const holder = parent as Record<string | number, unknown>;
  const key = path[path.length - 1];
  const value = holder[key];
  const label = path.join('.');
  const fits = () => jsonBytes(root) <= room;
  if (typeof value === 'string') {
    const keep = largest(value.length, (n) => {
      holder[key] = shorten(value, n);
      return fits();
    });
    holder[key] = shorten(value, keep);
    return `${label} to its first ${keep} of ${value.length} characters`;
  }
  if (Array.isArray(value)) {
    const keep = largest(value.length, (n) => {
      holder[key] = value.slice(0, n);
      return fits();
    });
    holder[key] = value.slice(0, keep);
    return `${label} to its first ${keep} of ${value.length} items`;
  }
  if (value !== null && typeof value === 'object') {
    holder[key] = {};
    return `${label} left out`;
  }
  return null;
}

/** The largest n in [0, max] for which `ok(n)` holds (ok is monotone: true up to a point), 0 if none. */
function largest(max: number, ok: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The first n UTF-16 units and an ellipsis, never splitting a surrogate pair. */
function shorten(text: string, n: number): string {
  if (n >= text.length) return text;
  const end = n > 0 && /[\uD800-\uDBFF]/.test(text[n - 1]) ? n - 1 : n;
  return `${text.slice(0, end)}…`;
}

/**
 * The items of one page: from `offset`, at most `limit`, and only as many as fit in the budget
 * beside `frame` (the rest of the document). At least one item, so paging always moves on.
 */
export function pageItems<T>(all: readonly T[], offset: number, limit: number, frame: object, budget = ANSWER_BYTES): { items: T[]; next: number | null } {
  let used = jsonBytes({ ...frame, items: [] }) + NOTE_ROOM;
  const items: T[] = [];
  for (let i = offset; i < all.length && items.length < limit; i++) {
    const size = jsonBytes(all[i]) + 1;
    if (items.length > 0 && used + size > budget) break;
    used += size;
    items.push(all[i]);
  }
  const end = offset + items.length;
  return { items, next: end < all.length ? end : null };
}
