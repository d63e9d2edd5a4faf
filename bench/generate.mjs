// Seeded generator of benchmark workspaces: R repos × W planning files in every format
// (fenced-block workplans, front-matter task lists, task files) plus goals, interface changes
// and decisions, each repo a real git repository with everything committed.
// Usage: node bench/generate.mjs <out-dir> [--repos 50] [--files 10000] [--seed 1]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'ledger posting account balance currency journal entry client retry timeout index query schema migration ' +
  'table column service endpoint request response header token key rotation cache queue worker batch report ' +
  'audit event stream consumer producer backlog release deploy rollback metric alert dashboard latency budget'
).split(' ');
const STATUSES = ['todo', 'todo', 'todo', 'in_progress', 'done', 'done', 'done', 'blocked', 'cancelled'];
const PRIORITIES = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'low'];

export function generateWorkspace(root, { repos = 50, files = 10000, seed = 1 } = {}) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const s = words(8 + Math.floor(rand() * 10));
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = (n) => Array.from({ length: n }, sentence).join(' ');

  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const domains = Math.max(1, Math.round(repos / 10));
  const registry = ['version: 1', 'domains:'];
  for (let d = 0; d < domains; d++) registry.push(`  - slug: domain-${d}`, `    name: Domain ${d}`);
  registry.push('repos:');
  const perRepo = Math.ceil(files / repos);
  const allTaskIds = [];
  let written = 0;
  let taskCount = 0;
  for (let r = 0; r < repos; r++) {
    const slug = `repo-${String(r).padStart(2, '0')}`;
    const prefix = `R${String(r).padStart(2, '0')}`;
    const domain = `domain-${r % domains}`;
    registry.push(`  - slug: ${slug}`, `    name: Repo ${r}`, `    domain: ${domain}`, `    path: repos/${slug}`);
    const repoDir = join(root, 'repos', slug);
    const put = (path, text) => {
      const full = join(repoDir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    };
    put('AGENTS.md', `# ${slug}\n\n${paragraph(2)}\n`);
    put('goals/GOAL-1.md', `---\nid: GOAL-1\ntype: goal\ntitle: ${words(5)}\nstatus: active\npriority: 1\n---\n\n${paragraph(2)}\n`);
    put('decisions/ADR-1.md', `---\nid: ADR-1\ntype: decision\ntitle: ${words(5)}\nstatus: accepted\nresolved: "2026-01-0${1 + (r % 9)}"\n---\n\n${paragraph(3)}\n`);
    put(
      'interface-changes/IC-1.md',
      `---\nid: IC-1\ntype: interface-change\ntitle: ${words(4)}\nchange_type: additive\ninterface_type: api\nstatus: published\nrepo: ${slug}\naffected_repos: [repo-${String((r + 1) % repos).padStart(2, '0')}]\n---\n\n${paragraph(2)}\n`,
    );
    const count = Math.min(perRepo, files - written);
    for (let i = 0; i < count; i++, written++) {
      const kind = rand();
      const wpId = `${prefix}-WP-${String(i).padStart(4, '0')}`;
      const crossDep = allTaskIds.length > 0 && rand() < 0.2 ? pick(allTaskIds) : null;
      if (kind < 0.1) {
        const id = `${prefix}-${i}`;
        put(`docs/tasks/${id}-${words(2).replace(/ /g, '-')}.md`, taskFile(id));
        allTaskIds.push(id);
        taskCount++;
      } else if (kind < 0.3) {
        const n = 4 + Math.floor(rand() * 5);
        put(`workplans/${wpId}.md`, listWorkplan(wpId, n, domain, slug, crossDep));
        for (let t = 1; t <= n; t++) allTaskIds.push(`${wpId}-T${String(t).padStart(2, '0')}`);
        taskCount += n;
      } else {
        const n = 5 + Math.floor(rand() * 5);
        put(`workplans/${wpId}.md`, blockWorkplan(wpId, n, domain, slug, crossDep));
        for (let t = 1; t <= n; t++) allTaskIds.push(`${wpId}-T${String(t).padStart(2, '0')}`);
        taskCount += n;
      }
    }
    git(repoDir, ['init', '-q', '-b', 'main']);
    git(repoDir, ['add', '-A']);
    git(repoDir, ['commit', '-q', '-m', 'generated']);
  }
  writeFileSync(join(root, 'custodian.yaml'), registry.join('\n') + '\n');
  return { repos, files: written, tasks: taskCount };

  function taskFile(id) {
    return [
      '---',
      `id: ${id}`,
      `title: ${words(6)}`,
      `status: ${pick(STATUSES)}`,
      `priority: ${pick(PRIORITIES)}`,
      `scope: ${pick(['narrow', 'broad'])}`,
      '---',
      '',
      '## Description',
      '',
      paragraph(12),
      '',
      '## Acceptance Criteria',
      '',
      `- [ ] ${words(6)}`,
      `- [x] ${words(5)}`,
      '',
    ].join('\n');
  }

  function frontmatter(id, domain, slug, extra = []) {
    return [
      '---',
      `id: ${id}`,
      'type: workplan',
      `title: "${words(6)}"`,
      `domain: ${domain}`,
      `repo: ${slug}`,
      `status: ${rand() < 0.8 ? 'active' : pick(['draft', 'completed', 'blocked'])}`,
      `owner: team-${Math.floor(rand() * 9)}`,
      `created: "2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}"`,
      ...extra,
      '---',
    ];
  }

  function blockWorkplan(id, n, domain, slug, crossDep) {
    const out = [...frontmatter(id, domain, slug), '', `# ${words(5)}`, '', '## Summary', '', paragraph(9), '', '## Context', '', paragraph(6), ''];
    for (let t = 1; t <= n; t++) {
      const taskId = `${id}-T${String(t).padStart(2, '0')}`;
      const deps = t > 1 && rand() < 0.6 ? [`${id}-T${String(t - 1).padStart(2, '0')}`] : [];
      if (t === n && crossDep) deps.push(crossDep);
      const heading = `### P${t} — ${words(5)}`;
      const status = pick(STATUSES);
      out.push(heading, '', '```task', `id: ${taskId}`, `status: ${status}`, `priority: ${pick(PRIORITIES)}`);
      if (deps.length) out.push(`depends_on: [${deps.join(', ')}]`);
      // Most tasks in progress are held by an agent (no random draw: the rest of the stream stays as it was).
      if (status === 'in_progress' && t % 4 !== 0) out.push(`assignee: agent-${t % 3}`);
      out.push('```', '', paragraph(6), '', `- ${words(6)}`, `- ${words(7)}`, '', '```sql', `SELECT ${words(3).replace(/ /g, ', ')} FROM t;`, '```', '');
    }
    return out.join('\n') + '\n';
  }

  function listWorkplan(id, n, domain, slug, crossDep) {
    const items = ['tasks:'];
    for (let t = 1; t <= n; t++) {
      items.push(`  - id: T${String(t).padStart(2, '0')}`, `    title: ${words(6)}`, `    status: ${pick(STATUSES)}`);
      if (t > 1 && rand() < 0.5) items.push(`    depends_on: [T${String(t - 1).padStart(2, '0')}]`);
      else if (t === n && crossDep) items.push(`    depends_on: [${crossDep}]`);
    }
    const out = [...frontmatter(id, domain, slug, items), '', `# ${id}: ${words(5)}`, '', '## Purpose', '', paragraph(6), ''];
    for (let t = 1; t <= n; t++) out.push(`### T${String(t).padStart(2, '0')} — ${words(4)}`, '', paragraph(8), '');
    return out.join('\n') + '\n';
  }
}

function git(cwd, args) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  for (const key of Object.keys(env)) if (key === 'GIT_DIR' || key === 'GIT_INDEX_FILE' || key === 'GIT_WORK_TREE') delete env[key];
  execFileSync('git', args, { cwd, env, stdio: 'ignore' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const out = args[0];
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  if (!out || existsSync(join(out, 'custodian.yaml')) === null) throw new Error('usage: node bench/generate.mjs <out-dir> [--repos N] [--files N] [--seed N]');
  console.log(generateWorkspace(out, { repos: option('repos', 50), files: option('files', 10000), seed: option('seed', 1) }));
}
