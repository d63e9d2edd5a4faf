// The DoI report as a table: one row per repo with a mark per criterion and the tier, then each
// repo's failing (and skipped) criteria with their details.
import type { CriterionStatus, DoiItem, Tier } from '../../api/doi.js';
import type { Colors } from '../output.js';

export type Marks = Record<CriterionStatus, string>;

export const UNICODE_MARKS: Marks = { pass: '✓', fail: '✗', skip: '–' };
export const ASCII_MARKS: Marks = { pass: '+', fail: 'x', skip: '-' };

/**
 * Unicode marks unless the locale names another character set (LANG=C, a Latin-1 locale): a
 * terminal that cannot show ✓ gets + x -. Unset locale variables mean UTF-8, as Node writes.
 */
export function marksFor(env: NodeJS.ProcessEnv): Marks {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  if (locale === '') return UNICODE_MARKS;
  return /utf-?8/i.test(locale) ? UNICODE_MARKS : ASCII_MARKS;
}

export function doiTable(items: DoiItem[], color: Colors, marks: Marks): string[] {
  if (items.length === 0) return ['no repos registered'];
  const ids = items[0].criteria.map((c) => c.id);
  const slugWidth = Math.max(4, ...items.map((i) => i.repo_slug.length));
  const tierWidth = 8;
  const paint: Record<CriterionStatus, (s: string) => string> = { pass: color.green, fail: color.red, skip: color.dim };
  const lines = [color.bold(['REPO'.padEnd(slugWidth), 'TIER'.padEnd(tierWidth), ...ids.map((id) => id.padEnd(id.length))].join('  ').trimEnd())];
  for (const item of items) {
    const cells = item.criteria.map((c) => paint[c.status](marks[c.status].padEnd(c.id.length)));
    lines.push([item.repo_slug.padEnd(slugWidth), paintTier(item.tier, color)(item.tier.padEnd(tierWidth)), ...cells].join('  ').trimEnd());
  }
  for (const item of items) {
    const open = item.criteria.filter((c) => c.status !== 'pass');
    if (open.length === 0) continue;
    lines.push('', `${color.bold(item.repo_slug)} (${item.tier})`);
    for (const c of open) lines.push(`  ${paint[c.status](marks[c.status])} ${c.id.padEnd(3)}  ${c.detail}`);
  }
  return lines;
}

export function doiSummary(items: DoiItem[]): string {
  const count = (tier: Tier) => items.filter((i) => i.tier === tier).length;
  return `${items.length} repo${items.length === 1 ? '' : 's'}: ${count('full')} full, ${count('standard')} standard, ${count('core')} core, ${count('none')} none`;
}

function paintTier(tier: Tier, color: Colors): (s: string) => string {
  return tier === 'full' ? color.green : tier === 'none' ? color.red : tier === 'core' ? color.yellow : color.blue;
}
