// The command line as main.ts needs it before commander parses it: which command runs (only its
// module is loaded) and, for the early stat walk, the global options naming the workspace and
// index. Global options come before the command; their values are skipped, not taken for it.

export interface ArgvScan {
  /** Arguments that are not options: the command, its subcommand, their operands. */
  positionals: string[];
  /** Every option as written, without a value given with `=`. */
  flags: string[];
  workspace?: string;
  index?: string;
}

const WITH_VALUE = new Set(['-w', '--workspace', '--index']);

export function scanArgv(args: readonly string[]): ArgvScan {
  const scan: ArgvScan = { positionals: [], flags: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      scan.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      scan.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    scan.flags.push(name);
    // Only before the command: after it, `-w` may be one of the command's own options.
    if (scan.positionals.length > 0 || !WITH_VALUE.has(name)) continue;
    const value = name === arg ? args[++i] : arg.slice(equals + 1);
    if (name === '--index') scan.index = value;
    else scan.workspace = value;
  }
  return scan;
}

/** Commands that sync the whole workspace and read it. */
const READS = new Set(['next', 'dispatch', 'doi', 'search', 'graph', 'export', 'report', 'sync']);
/** Commands whose `list` and `show` do the same (their other subcommands edit one repo). */
const RECORDS = new Set(['task', 'workplan', 'goal', 'decision', 'interface-change']);
/** Options after which no whole-workspace incremental sync runs. */
const NO_EARLY_WALK = new Set(['--no-sync', '--full', '--watch', '--help', '-h']);

/** True when the command will first bring the whole index up to date, incrementally: the early stat walk can start. */
export function earlyWalkWanted(scan: ArgvScan): boolean {
  const [command, subcommand] = scan.positionals;
  if (command === undefined || scan.flags.some((flag) => NO_EARLY_WALK.has(flag))) return false;
  // `task list --repo`/`--domain` checks only those repos' files (eachTaskListItem), unless --ready:
  // stat'ing every other repo's on the other core would only slow it down.
  const has = (flag: string) => scan.flags.includes(flag);
  if (command === 'task' && subcommand === 'list' && (has('--repo') || has('--domain')) && !has('--ready')) return false;
  return READS.has(command) || (RECORDS.has(command) && (subcommand === 'list' || subcommand === 'show'));
}
