// Starts the no-op check's stat walk before anything else (src/index/early-walk.ts), for a
// command that wants it (earlyWalkWanted), on the index of the workspace its command line leads
// to. A guess that turns out wrong (another workspace, a command that does not sync after all)
// costs stats on another core, never an answer: the plan takes an early answer only for the
// summary the index holds.
import { lstatSync } from 'node:fs';
import { startEarlyWalk } from '../index/early-walk.js';
import { vouchSocketPath } from '../index/watch-vouch.js';
import { resolveIndexPath } from '../workspace/index-path.js';
import { workspaceRoot } from '../workspace/discover.js';
import type { ArgvScan } from './argv-scan.js';

/** Starts the early walk on the index of the workspace the command line leads to (none in single-repo mode: a hook's). */
export function startEarlyWalkFor(scan: ArgvScan, cwd: string, env: NodeJS.ProcessEnv): void {
  try {
    const root = workspaceRoot({ cwd, workspace: scan.workspace, env });
    if (root === null) return;
    const index = resolveIndexPath({ cwd, mode: 'workspace', root, index: scan.index, env });
    // A running watcher will vouch for the files (watch-vouch.ts): the read then stats none of them.
    const socket = vouchSocketPath(index);
    if (socket !== null && lstatSync(socket, { throwIfNoEntry: false })) return;
    startEarlyWalk(index);
  } catch {
    // A workspace that cannot be found is the command's to report, in its own words.
  }
}
