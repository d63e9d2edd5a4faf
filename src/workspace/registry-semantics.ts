// What the schema cannot say: slugs are unique, and every repo names a domain that exists.
import type { RegistryProblem } from './registry-diagnostics.js';
import { isMapping } from './registry-merge.js';

type Mapping = Record<string, unknown>;

/** Every second (third, …) use of a slug within one list of one file. */
export function duplicateSlugProblems(data: Mapping, file: string): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  for (const list of ['domains', 'repos'] as const) {
    const entries = data[list];
    if (!Array.isArray(entries)) continue;
    const firstIndex = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (!isMapping(entry) || typeof entry.slug !== 'string') return;
      const first = firstIndex.get(entry.slug);
      if (first === undefined) {
        firstIndex.set(entry.slug, index);
        return;
      }
      const noun = list === 'domains' ? 'domain' : 'repo';
      problems.push({
        rule_id: 'registry/duplicate-slug',
        file,
        message: `${list}[${index}].slug: duplicate ${noun} slug "${entry.slug}" (already used by ${list}[${first}]); slugs must be unique`,
        at: { path: [list, index, 'slug'], part: 'value' },
        related: { file, path: [list, first, 'slug'], message: `first use of ${noun} slug "${entry.slug}"` },
      });
    });
  }
  return problems;
}

/**
 * Repos whose `domain` is not a domain slug. `origin(index)` tells which file the repo's
 * `domain:` was written in and at which index of that file's `repos`.
 */
export function unknownDomainProblems(
  merged: Mapping,
  origin: (repoIndex: number) => { file: string; index: number },
): RegistryProblem[] {
  const domains = Array.isArray(merged.domains) ? merged.domains.filter(isMapping) : [];
  const known = domains.map((d) => d.slug).filter((s): s is string => typeof s === 'string');
  const knownSet = new Set(known);
  const repos = Array.isArray(merged.repos) ? merged.repos : [];
  const problems: RegistryProblem[] = [];
  repos.forEach((repo, index) => {
    if (!isMapping(repo) || typeof repo.domain !== 'string' || knownSet.has(repo.domain)) return;
    const where = origin(index);
    const expected =
      known.length === 0
        ? 'no domains are defined yet: add one under `domains:`'
        : `expected one of ${known.join(', ')}, or add it under \`domains:\``;
    problems.push({
      rule_id: 'registry/unknown-domain',
      file: where.file,
      message: `repos[${where.index}].domain: unknown domain "${repo.domain}": ${expected}`,
      at: { path: ['repos', where.index, 'domain'], part: 'value' },
    });
  });
  return problems;
}
