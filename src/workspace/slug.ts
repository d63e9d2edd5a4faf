// Slugs for folders that have none (single-repo mode names its one repo after its folder).
import { SLUG_PATTERN } from './types.js';

/** `My Repo.v2` → `my-repo-v2`; a name with nothing usable becomes `repo`. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return SLUG_PATTERN.test(slug) ? slug : 'repo';
}
