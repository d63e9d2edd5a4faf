// Whether a README declares the repo's scope (DoI C8): a level-2 heading whose text starts with the
// word "Scope" (`## Scope`, `## Scope and non-goals`, or the setext form), found by the same
// CommonMark-aware scanner the sync uses, so a `## Scope` line inside a code block does not count.
import { scanBlocks } from '../documents/scanner/index.js';

export async function hasScopeSection(markdown: string): Promise<boolean> {
  const { headings } = await scanBlocks(markdown);
  return headings.some((h) => h.level === 2 && /^scope\b/i.test(h.text.trim()));
}
