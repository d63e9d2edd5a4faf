// Values of front matter as the listings print them (goal, interface change and decision lists,
// the snapshot): lenient, untrimmed. No imports, so the report's browser types can reach it.

/** A scalar as the listings print it: a string as written (even empty), a number or boolean spelled out; anything else null. */
export function writtenText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A list's scalars as `writtenText` reads each (anything else dropped); not a list: empty. */
export function writtenTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(writtenText).filter((item): item is string => item !== null) : [];
}
