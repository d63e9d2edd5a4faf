// Ids for new documents and tasks: the next number of the sequence a repo already uses
// (`LEDG-WP-0002` after `LEDG-WP-0001`, keeping the zero padding), or a first id when it uses none.
// Pure: the caller gathers the ids from the index.
import type { DocumentKind } from '../documents/model.js';

const NUMBERED = /^(.*?)(\d+)$/;

interface Sequence {
  prefix: string;
  width: number;
  max: number;
  count: number;
}

/** The sequences among `ids`, the most used first (ties: the one with the highest number). */
export function sequences(ids: Iterable<string>): Sequence[] {
  const byPrefix = new Map<string, Sequence>();
  for (const id of ids) {
    const match = NUMBERED.exec(id);
    if (!match) continue;
    const [, prefix, digits] = match;
    const number = Number(digits);
    const seq = byPrefix.get(prefix) ?? { prefix, width: 0, max: 0, count: 0 };
    seq.width = Math.max(seq.width, digits.length);
    seq.max = Math.max(seq.max, number);
    seq.count++;
    byPrefix.set(prefix, seq);
  }
  return [...byPrefix.values()].sort((a, b) => b.count - a.count || b.max - a.max || (a.prefix < b.prefix ? -1 : 1));
}

/** The id after the sequence's last, skipping any id `taken` says is in use. */
export function nextInSequence(seq: Pick<Sequence, 'prefix' | 'width' | 'max'>, taken: (id: string) => boolean): string {
  for (let n = seq.max + 1; ; n++) {
    const id = `${seq.prefix}${String(n).padStart(seq.width, '0')}`;
    if (!taken(id)) return id;
  }
}

export interface RepoIds {
  /** Ids of the repo's documents of each kind (task: its task files). */
  byKind: Partial<Record<DocumentKind, readonly string[]>>;
  repoSlug: string;
}

/** The project key a repo's ids share (`LEDG` from `LEDG-WP-0001` or `LEDG-42`), else the slug in capitals. */
function projectKey(repo: RepoIds): string {
  const workplan = sequences(repo.byKind.workplan ?? [])[0];
  if (workplan && /-WP-$/.test(workplan.prefix)) return workplan.prefix.slice(0, -'-WP-'.length);
  const task = sequences(repo.byKind.task ?? [])[0];
  if (task && /^[A-Z][A-Z0-9]*-$/.test(task.prefix)) return task.prefix.slice(0, -1);
  return repo.repoSlug.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'DOC';
}

const FIRST: Record<DocumentKind, (key: string) => Sequence> = {
  workplan: (key) => ({ prefix: `${key}-WP-`, width: 4, max: 0, count: 0 }),
  task: (key) => ({ prefix: `${key}-`, width: 1, max: 0, count: 0 }),
  goal: () => ({ prefix: 'GOAL-', width: 1, max: 0, count: 0 }),
  'interface-change': () => ({ prefix: 'IC-', width: 1, max: 0, count: 0 }),
  decision: () => ({ prefix: 'ADR-', width: 1, max: 0, count: 0 }),
};

/** The next free id of `kind` in the repo; `taken` answers for ids used where they must be unique. */
export function nextDocumentId(kind: DocumentKind, repo: RepoIds, taken: (id: string) => boolean): string {
  const seq = sequences(repo.byKind[kind] ?? [])[0] ?? FIRST[kind](projectKey(repo));
  return nextInSequence(seq, taken);
}

/**
 * The next task id of a workplan: `T<nn>` after its highest `T` number, written as the workplan
 * writes its ids (short `T05`, or qualified `<workplan id>-T05` when its tasks are written so).
 */
export function nextTaskId(workplanId: string, written: readonly string[]): { written: string; qualified: string } {
  let max = 0;
  let width = 2;
  let qualified = 0;
  let short = 0;
  for (const id of written) {
    const local = id.startsWith(`${workplanId}-`) ? id.slice(workplanId.length + 1) : id;
    const match = /^T(\d+)$/.exec(local);
    if (!match) continue;
    if (local === id) short++;
    else qualified++;
    max = Math.max(max, Number(match[1]));
    width = Math.max(width, match[1].length);
  }
  const local = `T${String(max + 1).padStart(width, '0')}`;
  const full = `${workplanId}-${local}`;
  return { written: qualified > short ? full : local, qualified: full };
}

/** A file-name slug of a title: lowercase words joined by `-`, at most 48 characters. */
export function titleSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 48) break;
    slug = next;
  }
  return slug;
}
