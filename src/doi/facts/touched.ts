// When each in_progress task was last touched (C14), with as few git processes as exactness
// allows. `git blame` is the definition (the newest commit among the task's lines; uncommitted
// lines are "now"), but one blame per file costs a process per file. A file created within the
// staleness window by a plain add (not a rename, which blame would follow back) cannot hold a
// stale line: every line came with that commit or later. So per repo:
//   1. one `git log --since=<window start> --name-status -- <files>`: the files changed lately;
//   2. one `git log --no-walk -M` over the (non-root) commits that added files, to tell adds from renames;
//   3. one blame per remaining file (older files touched lately, stale files, renamed files,
//      files not committed), with an -L per task.
import { runGit } from '../../workspace/git.js';
import type { RepoTaskRow } from '../../index/queries/doi.js';
import type { CheckoutFacts, TouchedTask } from '../model.js';
import { lastTouchedBy, type Touch } from './blame.js';
import type { Limiter } from './limit.js';
import { NAME_STATUS_FORMAT, parseNameStatus } from './name-status.js';

export async function touchedTasks(
  checkout: CheckoutFacts,
  tasks: readonly RepoTaskRow[],
  windowStart: number,
  limit: Limiter,
): Promise<TouchedTask[]> {
  const byFile = new Map<string, RepoTaskRow[]>();
  for (const task of tasks) {
    const list = byFile.get(task.path);
    if (list) list.push(task);
    else byFile.set(task.path, [task]);
  }
  if (byFile.size === 0) return [];
  const created = checkout.head === null ? new Map<string, Touch>() : await createdSince(checkout, [...byFile.keys()], windowStart, limit);
  const perFile = await Promise.all(
    [...byFile].map(async ([file, fileTasks]) => {
      const since = created.get(file);
      // Created within the window: every line is at least as recent as the commit that added it.
      const exact = since === undefined;
      const touches = !exact ? fileTasks.map(() => since) : await lastTouchedBy(checkout.path, file, fileTasks.map((t) => ({ start: t.line, end: t.end_line })), limit);
      return fileTasks.map((t, i): TouchedTask => ({ task_id: t.task_id, file, line: t.line, touched_at: touches[i]?.time ?? null, commit: touches[i]?.commit ?? null, exact }));
    }),
  );
  return perFile.flat();
}

/** Files (checkout-relative) whose oldest change since `windowStart` added them, not by a rename: path → that commit. */
async function createdSince(checkout: CheckoutFacts, files: string[], windowStart: number, limit: Limiter): Promise<Map<string, Touch>> {
  const prefix = checkout.prefix === '' ? '' : `${checkout.prefix}/`;
  const since = new Date(windowStart * 1000).toISOString();
  const recent = await limit(() =>
    runGit(checkout.path, ['--literal-pathspecs', 'log', '--no-renames', '--name-status', '-z', NAME_STATUS_FORMAT, `--since=${since}`, '--end-of-options', checkout.head!, '--', ...files]),
  );
  // Oldest change within the window per file (git lists newest first).
  const oldest = new Map<string, { status: string; commit: string; time: number; root: boolean }>();
  for (const c of parseNameStatus(recent.stdout)) {
    for (const change of c.changes) oldest.set(change.paths[0], { status: change.status, commit: c.commit, time: c.time, root: c.parents.length === 0 });
  }
  const adds = new Map<string, { commit: string; time: number; root: boolean }>();
  for (const file of files) {
    const event = oldest.get(prefix + file);
    if (event?.status === 'A' && event.time >= windowStart) adds.set(prefix + file, event);
  }
  // A root commit renames nothing: only adds in later commits need a look for renames.
  const commits = [...new Set([...adds.values()].filter((a) => !a.root).map((a) => a.commit))];
  if (commits.length === 0) return new Map([...adds].map(([path, add]) => [path.slice(prefix.length), { time: add.time, commit: add.commit }]));
  const shown = await limit(() => runGit(checkout.path, ['log', '--no-walk', '-M', '--name-status', '-z', NAME_STATUS_FORMAT, '--end-of-options', ...commits, '--']));
  const renamedInto = new Set<string>();
  for (const c of parseNameStatus(shown.stdout)) {
    for (const change of c.changes) if (change.status.startsWith('R')) renamedInto.add(`${c.commit}\0${change.paths[1]}`);
  }
  const created = new Map<string, Touch>();
  for (const [path, add] of adds) if (!renamedInto.has(`${add.commit}\0${path}`)) created.set(path.slice(prefix.length), { time: add.time, commit: add.commit });
  return created;
}
