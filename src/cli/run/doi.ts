// `doi`: sync, evaluate (cached by fingerprint), print the report. Exits 0 whenever it answers;
// an unknown repo is `not-found` (exit 1).
import { notFound, usageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { colors, writeJson, writeLines } from '../output.js';
import { openFreshIndex } from './workspace.js';

export interface DoiFlags {
  json?: boolean;
  refresh?: boolean;
  sync?: boolean;
}

/**
 * The clock: the real one, unless CUSTODIAN_NOW holds an ISO 8601 time. CUSTODIAN_NOW exists for
 * tests (commits at fixed dates must age deterministically); it is not a user setting.
 */
export function doiClock(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.CUSTODIAN_NOW;
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw usageError(`CUSTODIAN_NOW is not an ISO 8601 time: ${JSON.stringify(fixed)}`);
  return date;
}

export async function doi(ctx: CliContext, repo: string | undefined, flags: DoiFlags): Promise<void> {
  const now = doiClock();
  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync });
  let run;
  try {
    if (repo !== undefined && !ws.repos.some((r) => r.slug === repo)) throw notFound(`no repo ${repo} in the workspace (try \`custodian repo list\`)`);
    const { evaluateDoi } = await import('../../doi/evaluate.js');
    run = await evaluateDoi(ws, db, { repos: repo === undefined ? undefined : [repo], now, refresh: flags.refresh });
  } finally {
    db.close();
  }
  if (process.env.CUSTODIAN_DEBUG) {
    const redone = Object.entries(run.recomputed).filter(([, groups]) => groups.length > 0);
    process.stderr.write(`custodian: doi: recomputed ${redone.map(([slug, groups]) => `${slug} (${groups.join(', ')})`).join(', ') || 'nothing'}\n`);
  }
  const { doiReport, doiSummary, doiTable, marksFor } = await import('../format/doi.js');
  if (flags.json) {
    writeJson(doiReport(ws.mode, run.items));
    return;
  }
  writeLines(doiTable(run.items, colors(), marksFor(process.env)));
  process.stderr.write(`${doiSummary(run.items)}\n`);
}
